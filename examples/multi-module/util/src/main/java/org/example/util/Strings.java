package org.example.util;

/** Small string helpers with no dependencies. */
public final class Strings {
    private Strings() {}

    public static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }
}
