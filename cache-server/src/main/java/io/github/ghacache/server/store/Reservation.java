package io.github.ghacache.server.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An unfinished upload. Its bytes live in {@code dir/blob} (v1 chunks are written there in place, v2 Put Blob and
 * Put Block List replace it atomically) and stay invisible until the store commits the reservation. All mutable
 * state is guarded by the reservation's own monitor, so uploads of different entries never wait for each other.
 */
final class Reservation {
    enum State { OPEN, COMMITTING, DONE }

    final long id;
    final String scope;
    final String key;
    final String identityKey;
    final String version;
    final Instant created;
    final Path dir;

    State state = State.OPEN;
    int writesInFlight;
    /** v1 chunks received: start to end (inclusive), merged */
    final TreeMap<Long, Long> ranges = new TreeMap<>();
    /** Azure committed block list: id to {offset, length} within dir/blob */
    Map<String, long[]> committedBlocks = new HashMap<>();
    /** Azure uncommitted blocks: id to file */
    final Map<String, Path> uncommittedBlocks = new HashMap<>();
    /** all block ids of one blob must have the same encoded length */
    int blockIdLength = -1;

    Reservation(long id, String scope, String key, String identityKey, String version, Instant created, Path dir) {
        this.id = id;
        this.scope = scope;
        this.key = key;
        this.identityKey = identityKey;
        this.version = version;
        this.created = created;
        this.dir = dir;
    }

    Path blobFile() {
        return dir.resolve("blob");
    }

    /** Records a received chunk, merging it with touching or overlapping ones. */
    void addRange(long start, long end) {
        long s = start;
        long e = end;
        Map.Entry<Long, Long> before = ranges.floorEntry(s);
        if (before != null && before.getValue() + 1 >= s) {
            s = before.getKey();
            e = Math.max(e, before.getValue());
        }
        Map.Entry<Long, Long> next = ranges.ceilingEntry(s);
        while (next != null && next.getKey() <= e + 1) {
            e = Math.max(e, next.getValue());
            ranges.remove(next.getKey());
            next = ranges.ceilingEntry(s);
        }
        ranges.put(s, e);
    }

    /** True when the chunks received are exactly bytes 0..size-1, no gap and nothing beyond. */
    boolean coversExactly(long size) {
        if (size == 0) {
            return ranges.isEmpty();
        }
        return ranges.size() == 1 && ranges.firstKey() == 0 && ranges.firstEntry().getValue() == size - 1;
    }

    boolean matches(String scope, String identityKey, String version) {
        return this.scope.equals(scope) && this.identityKey.equals(identityKey) && this.version.equals(version);
    }
}
