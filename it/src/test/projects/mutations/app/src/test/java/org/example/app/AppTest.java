package org.example.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppTest {
    @Test
    void messageEndsWith42() {
        assertTrue(App.message().endsWith("42"));
    }
}
