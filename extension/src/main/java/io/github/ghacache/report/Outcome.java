package io.github.ghacache.report;

import java.util.Locale;

/** A module's result; the upper-case token is what the console prints and scripts grep for. */
public enum Outcome {
    HIT,
    PARTIAL,
    MISS,
    OFF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
