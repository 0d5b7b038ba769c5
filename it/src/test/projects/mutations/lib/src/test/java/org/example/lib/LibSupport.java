package org.example.lib;

/** Shared with other modules through lib's test-jar. */
public final class LibSupport {
    public static int expectedTwice(int x) {
        return x + x;
    }
}
