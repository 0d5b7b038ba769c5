package org.example.effects;

import org.example.extra.Extra;

/** Compiles only when the extra source root is on the compile source roots. */
public final class Uses {
    public String what() {
        return "uses " + Extra.name();
    }
}
