package org.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void hasABanner() {
        assertEquals("example app", Main.banner());
    }
}
