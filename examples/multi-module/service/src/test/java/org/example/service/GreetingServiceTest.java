package org.example.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GreetingServiceTest {
    @Test
    void greetsEveryone() {
        assertEquals(2, new GreetingService().greetAll(List.of("Ada", "Alan")).size());
    }
}
