package org.example.single;

/** Adds numbers. */
public final class Calculator {
    public int add(int a, int b) {
        return a + b;
    }
}
