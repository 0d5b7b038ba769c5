package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConsumerTest {
    @Test
    void shoutsWhatTheLibrarySays() throws Exception {
        String said = Consumer.shout();
        assertFalse(said.isEmpty());
        // what the tests saw stays in the build directory, restored with the test step's outputs
        Files.writeString(Path.of("target", "seen.txt"), said);
    }
}
