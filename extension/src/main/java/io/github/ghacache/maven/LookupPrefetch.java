package io.github.ghacache.maven;

import io.github.ghacache.storage.CacheStorage;
import io.github.ghacache.storage.DaemonPools;
import io.github.ghacache.storage.StoredPack;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * For a remote store: when the build starts, asks for the newest pack of every module at once, so that the
 * round trips (lookup, signed URL, the pack's head) overlap Maven's own work instead of each module's start.
 * A module whose newest pack carries its exact key then needs no lookup of its own; a module with no pack
 * at all needs none either; any other module looks up its exact key as usual. A failed prefetch is
 * forgotten: the module's own lookup meets the same trouble and reports it.
 */
final class LookupPrefetch {
    private static final int THREADS = 4;

    private final ExecutorService pool = DaemonPools.fixed(THREADS, "gha-cache-lookup-");
    private final Map<String, Future<Optional<StoredPack>>> byPrefix = new ConcurrentHashMap<>();
    private final int asked;

    /** Prefixes in reactor order, so the first modules' answers come first. */
    LookupPrefetch(CacheStorage storage, List<String> prefixes) {
        for (String prefix : prefixes) {
            byPrefix.computeIfAbsent(prefix, p -> pool.submit(() -> storage.prefetchNewest(p)));
        }
        asked = byPrefix.size();
        pool.shutdown();
    }

    /**
     * The newest pack of the module (empty: the store has none), or null when unknown (not asked, failed,
     * or not answered within {@code maxMillis}).
     */
    Optional<StoredPack> newest(String prefix, long maxMillis) {
        Future<Optional<StoredPack>> f = byPrefix.remove(prefix);
        if (f == null) {
            return null;
        }
        try {
            return f.get(Math.max(0, maxMillis), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            f.cancel(true);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** How many lookups were sent. */
    int asked() {
        return asked;
    }

    void close() {
        pool.shutdownNow();
    }
}
