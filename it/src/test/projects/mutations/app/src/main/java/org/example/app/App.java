package org.example.app;

import org.example.lib.Lib;

/** Uses lib. */
public final class App {
    public static String message() {
        return Lib.greeting() + " " + Lib.twice(21);
    }
}
