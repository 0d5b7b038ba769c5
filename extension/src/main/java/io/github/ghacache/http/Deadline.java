package io.github.ghacache.http;

import java.time.Duration;
import java.util.function.LongSupplier;

/** The bound on all cache I/O of one build ({@code gha.cache.timeout}): every wait and request fits inside it. */
public final class Deadline {
    private final long endNanos;
    private final LongSupplier clock;

    private Deadline(long endNanos, LongSupplier clock) {
        this.endNanos = endNanos;
        this.clock = clock;
    }

    public static Deadline after(Duration budget) {
        return after(budget, System::nanoTime);
    }

    static Deadline after(Duration budget, LongSupplier nanoClock) {
        return new Deadline(nanoClock.getAsLong() + budget.toNanos(), nanoClock);
    }

    public long remainingMillis() {
        return Math.max(0, (endNanos - clock.getAsLong()) / 1_000_000);
    }

    public boolean expired() {
        return remainingMillis() == 0;
    }
}
