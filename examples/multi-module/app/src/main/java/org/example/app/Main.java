package org.example.app;

import java.util.Arrays;
import org.example.service.GreetingService;

/** Prints a greeting for each argument. */
public final class Main {
    public static void main(String[] args) {
        new GreetingService().greetAll(Arrays.asList(args)).forEach(System.out::println);
    }

    static String banner() {
        return "example app";
    }
}
