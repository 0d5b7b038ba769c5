package io.github.ghacache.server.fault;

import java.time.Duration;

/** How injected latency waits; tests replace it to observe delays without measuring time. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
