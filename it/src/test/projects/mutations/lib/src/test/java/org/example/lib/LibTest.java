package org.example.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class LibTest {
    @Test
    void twice() {
        assertEquals(LibSupport.expectedTwice(4), Lib.twice(4));
    }

    @Test
    void hasAGreeting() {
        assertNotNull(Lib.greeting());
    }
}
