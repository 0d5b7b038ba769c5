package org.example.extra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.example.lib.Lib;
import org.example.lib.LibSupport;
import org.junit.jupiter.api.Test;

class ExtraTest {
    @Test
    void usesLibsTestSupport() {
        assertEquals(LibSupport.expectedTwice(5), Lib.twice(5));
    }
}
