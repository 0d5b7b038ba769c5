package org.example.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreeterTest {
    @Test
    void greetsWithTheFilteredGreeting() {
        assertEquals("Hello from the example, Ada!", new Greeter().greet("Ada"));
    }
}
