package io.github.ghacache.server.store;

import java.time.Duration;

/**
 * The service limits the store enforces (spec §4.6, §7 rows 2-7). Defaults are github.com's; tests shrink them.
 *
 * @param capBytes repository size cap; past it, least-recently-used entries are evicted (the new one is kept)
 * @param idleEviction entries not accessed for longer are removed (7 days on github.com)
 * @param reservationTtl an unfinished reservation blocks its key this long (24 h on github.com)
 * @param visibilityDelay how long a committed entry stays invisible to lookups (0; 2-3 s mimics v2)
 * @param createsPerMinute entry creations allowed per minute before 429 (200 on github.com; 0 = unlimited)
 * @param caseInsensitiveKeys whether key matching and identity ignore case (reported for github.com)
 */
public record StoreSettings(long capBytes, Duration idleEviction, Duration reservationTtl, Duration visibilityDelay,
        int createsPerMinute, boolean caseInsensitiveKeys) {
    public static final long TEN_GB = 10L * 1000 * 1000 * 1000;

    public static StoreSettings defaults() {
        return new StoreSettings(TEN_GB, Duration.ofDays(7), Duration.ofHours(24), Duration.ZERO, 200, true);
    }

    public StoreSettings withCapBytes(long value) {
        return new StoreSettings(value, idleEviction, reservationTtl, visibilityDelay, createsPerMinute, caseInsensitiveKeys);
    }

    public StoreSettings withIdleEviction(Duration value) {
        return new StoreSettings(capBytes, value, reservationTtl, visibilityDelay, createsPerMinute, caseInsensitiveKeys);
    }

    public StoreSettings withReservationTtl(Duration value) {
        return new StoreSettings(capBytes, idleEviction, value, visibilityDelay, createsPerMinute, caseInsensitiveKeys);
    }

    public StoreSettings withVisibilityDelay(Duration value) {
        return new StoreSettings(capBytes, idleEviction, reservationTtl, value, createsPerMinute, caseInsensitiveKeys);
    }

    public StoreSettings withCreatesPerMinute(int value) {
        return new StoreSettings(capBytes, idleEviction, reservationTtl, visibilityDelay, value, caseInsensitiveKeys);
    }

    public StoreSettings withCaseInsensitiveKeys(boolean value) {
        return new StoreSettings(capBytes, idleEviction, reservationTtl, visibilityDelay, createsPerMinute, value);
    }
}
