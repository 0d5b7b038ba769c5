package org.example.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StringsTest {
    @Test
    void reverses() {
        assertEquals("cba", Strings.reverse("abc"));
    }
}
