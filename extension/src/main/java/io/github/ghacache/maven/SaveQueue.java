package io.github.ghacache.maven;

import io.github.ghacache.storage.DaemonPools;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Uploads that overlap the build; the session waits for them, within the cache time budget, at its end. */
final class SaveQueue {
    private final ExecutorService pool = DaemonPools.fixed(2, "gha-cache-upload-");
    private final List<Future<?>> pending = new ArrayList<>();

    synchronized void submit(Runnable upload) {
        pending.add(pool.submit(upload));
    }

    /** Waits for every upload; returns how many were still running when the time ran out (then abandoned). */
    int awaitAll(long maxMillis) {
        List<Future<?>> all;
        synchronized (this) {
            all = new ArrayList<>(pending);
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        int unfinished = 0;
        for (Future<?> f : all) {
            try {
                f.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                unfinished++;
                f.cancel(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unfinished++;
            } catch (java.util.concurrent.ExecutionException e) {
                // the upload reported its own failure
            }
        }
        pool.shutdownNow();
        return unfinished;
    }
}
