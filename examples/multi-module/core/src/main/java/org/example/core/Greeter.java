package org.example.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Greets people with the greeting filtered into core.properties at build time. */
public final class Greeter {
    private final String greeting;

    public Greeter() {
        Properties p = new Properties();
        try (InputStream in = Greeter.class.getResourceAsStream("/core.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.greeting = p.getProperty("greeting");
    }

    public String greet(String name) {
        return greeting + ", " + name + "!";
    }
}
