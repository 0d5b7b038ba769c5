package io.github.ghacache.storage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools for cache I/O: daemon threads (they never keep Maven alive), named for thread dumps. */
public final class DaemonPools {
    private DaemonPools() {}

    /** A fixed pool whose threads are named {@code namePrefix1}, {@code namePrefix2}... */
    public static ExecutorService fixed(int threads, String namePrefix) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, namePrefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
