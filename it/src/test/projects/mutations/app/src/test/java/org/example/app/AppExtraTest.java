package org.example.app;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class AppExtraTest {
    @Test
    void messageIsNotEmpty() {
        assertFalse(App.message().isEmpty());
    }
}
