package io.github.ghacache.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sliding one-minute window over entry creations (github.com: 200 per minute per repository since 2026-01-16).
 * Answers how many whole seconds to wait, which becomes the {@code Retry-After} header.
 */
final class CreationRateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Deque<Instant> recent = new ArrayDeque<>();

    /** @return 0 when the creation is admitted (and counted), else the seconds until a slot frees up */
    synchronized long tryAcquire(Instant now, int perMinute) {
        if (perMinute <= 0) {
            return 0;
        }
        while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
            recent.pollFirst();
        }
        if (recent.size() < perMinute) {
            recent.addLast(now);
            return 0;
        }
        Duration wait = Duration.between(now, recent.peekFirst().plus(WINDOW));
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    synchronized void clear() {
        recent.clear();
    }
}
