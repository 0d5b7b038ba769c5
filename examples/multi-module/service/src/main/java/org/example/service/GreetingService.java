package org.example.service;

import java.util.List;
import java.util.stream.Collectors;
import org.example.core.Greeter;

/** Greets several people at once. */
public final class GreetingService {
    private final Greeter greeter = new Greeter();

    public List<String> greetAll(List<String> names) {
        return names.stream().map(greeter::greet).collect(Collectors.toList());
    }
}
