package org.example.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UsesTest {
    @Test
    void usesTheExtraSource() {
        assertEquals("uses extra", new Uses().what());
    }
}
