package io.github.ghacache.storage.gha;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Keeps the build under the service's limit on new entries (about 200 per minute per repository, shared by
 * every job of the repository): at most {@code perMinute} creations in any sliding minute, and after
 * repeated throttling no more saving at all.
 */
public final class UploadBudget {
    private static final long MINUTE = 60_000;
    private static final int THROTTLES_BEFORE_GIVING_UP = 2;

    private final int perMinute;
    private final LongSupplier clockMillis;
    private final Deque<Long> recent = new ArrayDeque<>();
    private int throttled;

    public UploadBudget(int perMinute, LongSupplier clockMillis) {
        this.perMinute = Math.max(1, perMinute);
        this.clockMillis = clockMillis;
    }

    /** Milliseconds to wait before the next creation may start; 0 when it may start now (and is counted). */
    public synchronized long reserve() {
        long now = clockMillis.getAsLong();
        while (!recent.isEmpty() && now - recent.peekFirst() >= MINUTE) {
            recent.removeFirst();
        }
        if (recent.size() < perMinute) {
            recent.addLast(now);
            return 0;
        }
        return MINUTE - (now - recent.peekFirst());
    }

    /** Records a 429 on creation; true once saving should stop for the rest of the build. */
    public synchronized boolean throttled() {
        return ++throttled >= THROTTLES_BEFORE_GIVING_UP;
    }

    public synchronized boolean exhausted() {
        return throttled >= THROTTLES_BEFORE_GIVING_UP;
    }
}
