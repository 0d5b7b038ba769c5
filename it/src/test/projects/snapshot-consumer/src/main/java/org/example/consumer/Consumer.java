package org.example.consumer;

import org.example.snap.SnapLib;

/** Uses the SNAPSHOT library. */
public final class Consumer {
    private Consumer() {}

    public static String shout() {
        return SnapLib.value().toUpperCase(java.util.Locale.ROOT);
    }
}
