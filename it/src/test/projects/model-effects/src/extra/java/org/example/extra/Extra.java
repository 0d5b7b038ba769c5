package org.example.extra;

/** Lives in a source root that only build-helper adds. */
public final class Extra {
    public static String name() {
        return "extra";
    }
}
