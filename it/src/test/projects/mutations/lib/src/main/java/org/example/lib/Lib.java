package org.example.lib;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Reads the filtered greeting. */
public final class Lib {
    public static String greeting() {
        Properties p = new Properties();
        try (InputStream in = Lib.class.getResourceAsStream("/lib.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p.getProperty("greeting");
    }

    public static int twice(int x) {
        return 2 * x;
    }
}
