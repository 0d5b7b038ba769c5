package io.github.ghacache.server.store;

import java.time.Instant;

/**
 * A committed, immutable entry: identity (scope, key, version), size and creation time. {@code sequence} orders
 * entries created in the same instant, so "newest prefix match" never depends on clock resolution.
 */
public record CacheEntry(long id, String scope, String key, String version, long size, Instant created, long sequence) {
}
