package io.github.ghacache.server.store;

import io.github.ghacache.server.store.StoreException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Entries and reservations of one repository, on disk. Guarantees the service's semantics whatever the protocol:
 * (scope, key, version) is write-once; bytes become visible only by an atomic commit; lookups follow
 * {@link KeyMatcher}; the size cap evicts least-recently-used entries after each commit.
 *
 * <p>Locking: metadata is guarded by {@code this}; upload state by each {@link Reservation}; byte copying happens
 * outside both, so a slow upload never blocks lookups. Lock order is always store, then reservation.
 */
public final class CacheStore {
    /** bound on how long a commit waits for chunks still being written (request loops stay bounded) */
    private static final long COMMIT_WAIT_MILLIS = 60_000;

    private final Path stagingDir;
    private final EntryFiles files;
    private final Clock clock;
    private final CreationRateLimiter limiter = new CreationRateLimiter();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private volatile StoreSettings settings;
    private volatile KeyMatcher matcher;

    private final Map<Long, CacheEntry> entries = new HashMap<>();
    private final Map<Long, Instant> lastAccess = new HashMap<>();
    private final Map<Long, Instant> committedAt = new HashMap<>();
    private final Map<Long, Reservation> reservations = new HashMap<>();
    private long totalBytes;

    public CacheStore(Path root, Clock clock, StoreSettings settings) throws IOException {
        this.clock = clock;
        this.stagingDir = root.resolve("staging");
        this.files = new EntryFiles(root.resolve("entries"));
        settings(settings);
        if (Files.isDirectory(stagingDir)) {
            // ids of abandoned uploads are never reused, so their signed URLs cannot reach a new upload
            try (Stream<Path> leftovers = Files.list(stagingDir)) {
                leftovers.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]{1,18}"))
                        .forEach(n -> ids.accumulateAndGet(Long.parseLong(n), Math::max));
            }
        }
        deleteTree(stagingDir);
        Files.createDirectories(stagingDir);
        for (CacheEntry e : files.load()) {
            entries.put(e.id(), e);
            lastAccess.put(e.id(), e.created());
            committedAt.put(e.id(), Instant.MIN);
            totalBytes += e.size();
            ids.accumulateAndGet(e.id(), Math::max);
            sequence.accumulateAndGet(e.sequence(), Math::max);
        }
    }

    public void settings(StoreSettings value) {
        this.settings = value;
        this.matcher = new KeyMatcher(value.caseInsensitiveKeys());
    }

    public StoreSettings settings() {
        return settings;
    }

    // ---- reserve ------------------------------------------------------------------------------------------------

    /**
     * Reserves (scope, key, version) for an upload.
     *
     * @param declaredSize the v1 {@code cacheSize}, or -1 when unknown (v2, old clients)
     */
    public long reserve(String scope, String key, String version, long declaredSize) throws StoreException, IOException {
        Instant now = clock.instant();
        String identity = matcher.normalize(key);
        Reservation r;
        synchronized (this) {
            dropExpiredReservations(now);
            if (declaredSize > settings.capBytes()) {
                throw new StoreException(Kind.TOO_LARGE, "Cache size of ~" + declaredSize / (1024 * 1024)
                        + " MB (" + declaredSize + " B) is over the data cap limit of " + settings.capBytes() + " B");
            }
            boolean exists = entries.values().stream().anyMatch(e -> e.scope().equals(scope)
                    && matcher.normalize(e.key()).equals(identity) && e.version().equals(version))
                    || reservations.values().stream().anyMatch(x -> x.matches(scope, identity, version));
            if (exists) {
                throw new StoreException(Kind.ALREADY_EXISTS,
                        "Cache already exists. Scope: " + scope + ", Key: " + key + ", Version: " + version);
            }
            long wait = limiter.tryAcquire(now, settings.createsPerMinute());
            if (wait > 0) {
                throw new StoreException(Kind.RATE_LIMITED,
                        "Request was blocked due to exceeding usage of resource 'Count' in namespace ''.", wait);
            }
            long id = ids.incrementAndGet();
            r = new Reservation(id, scope, key, identity, version, now, stagingDir.resolve(Long.toString(id)));
            reservations.put(id, r);
        }
        Files.createDirectories(r.dir);
        return r.id;
    }

    private void dropExpiredReservations(Instant now) {
        var expired = reservations.values().stream()
                .filter(r -> !r.created.plus(settings.reservationTtl()).isAfter(now))
                .collect(Collectors.toList());
        for (Reservation r : expired) {
            synchronized (r) {
                if (r.state == Reservation.State.OPEN) {
                    r.state = Reservation.State.DONE;
                    reservations.remove(r.id);
                    deleteQuietly(r.dir);
                }
            }
        }
    }

    private Reservation open(long id) throws StoreException {
        Reservation r;
        synchronized (this) {
            dropExpiredReservations(clock.instant());
            r = reservations.get(id);
        }
        if (r == null) {
            throw new StoreException(Kind.NOT_FOUND, "No reservation with cache id " + id + " (unknown, expired or committed)");
        }
        return r;
    }

    /** True while a reservation accepts bytes: the blob endpoint refuses uploads to anything else. */
    public synchronized boolean isOpen(long id) {
        Reservation r = reservations.get(id);
        return r != null && r.state == Reservation.State.OPEN;
    }

    // ---- v1: chunks then commit -------------------------------------------------------------------------------

    /** Writes one v1 chunk (bytes start..end inclusive); chunks may arrive in any order and concurrently. */
    public void writeChunk(long id, long start, long end, InputStream body) throws StoreException, IOException {
        Reservation r = open(id);
        synchronized (r) {
            if (r.state != Reservation.State.OPEN) {
                throw new StoreException(Kind.INVALID, "Cache " + id + " is already committed; chunks are refused");
            }
            r.writesInFlight++;
        }
        long written = 0;
        try {
            written = Uploads.writeAt(r.blobFile(), start, body);
        } finally {
            synchronized (r) {
                r.writesInFlight--;
                if (written == end - start + 1) {
                    r.addRange(start, end);
                }
                r.notifyAll();
            }
        }
        if (written != end - start + 1) {
            throw new StoreException(Kind.INVALID, "Content-Range announces " + (end - start + 1)
                    + " bytes but the body had " + written);
        }
    }

    /** The v1 commit: {@code size} must equal the contiguous bytes received from offset 0. */
    public CacheEntry commitChunks(long id, long size) throws StoreException, IOException {
        Reservation r = open(id);
        synchronized (r) {
            awaitWrites(r);
            if (r.state != Reservation.State.OPEN) {
                throw new StoreException(Kind.INVALID, "Cache " + id + " is already being committed");
            }
            if (!r.coversExactly(size)) {
                throw new StoreException(Kind.INVALID, "Size " + size + " does not match the uploaded chunks "
                        + describeRanges(r) + "; the upload must cover 0.." + (size - 1) + " without gaps");
            }
            r.state = Reservation.State.COMMITTING;
        }
        if (!Files.exists(r.blobFile())) {
            Files.createFile(r.blobFile());
        }
        return commit(r, size);
    }

    private static void awaitWrites(Reservation r) throws StoreException {
        long deadline = System.currentTimeMillis() + COMMIT_WAIT_MILLIS;
        while (r.writesInFlight > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new StoreException(Kind.INVALID, "chunks still being written");
            }
            try {
                r.wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException(Kind.INVALID, "interrupted");
            }
        }
    }

    private static String describeRanges(Reservation r) {
        return r.ranges.isEmpty() ? "(none)" : r.ranges.entrySet().stream()
                .map(e -> e.getKey() + "-" + e.getValue()).collect(Collectors.joining(",", "[", "]"));
    }

    // ---- v2: Azure blob writes then finalize --------------------------------------------------------------------

    /** Azure Put Blob: replaces the whole uncommitted upload atomically. */
    public void putBlob(long id, InputStream body, long length) throws StoreException, IOException {
        Reservation r = open(id);
        Path tmp = Uploads.writeTemp(r.dir, body, length);
        synchronized (r) {
            if (r.state != Reservation.State.OPEN) {
                Files.deleteIfExists(tmp);
                throw new StoreException(Kind.ALREADY_EXISTS, "The upload of entry " + id + " is finalized");
            }
            EntryFiles.move(tmp, r.blobFile());
            r.committedBlocks = new HashMap<>();
            r.uncommittedBlocks.values().forEach(CacheStore::deleteQuietly);
            r.uncommittedBlocks.clear();
            r.blockIdLength = -1;
        }
    }

    public void putBlock(long id, String blockId, InputStream body, long length) throws StoreException, IOException {
        Reservation r = open(id);
        String fileName;
        synchronized (r) {
            fileName = Uploads.blockFileName(r, blockId);
        }
        Path tmp = Uploads.writeTemp(r.dir, body, length);
        synchronized (r) {
            if (r.state != Reservation.State.OPEN) {
                Files.deleteIfExists(tmp);
                throw new StoreException(Kind.ALREADY_EXISTS, "The upload of entry " + id + " is finalized");
            }
            Uploads.blockFileName(r, blockId); // re-check: another block may have fixed the id length meanwhile
            Path target = r.dir.resolve(fileName);
            EntryFiles.move(tmp, target);
            r.uncommittedBlocks.put(blockId, target);
            r.blockIdLength = blockId.length();
        }
    }

    public void putBlockList(long id, List<BlockRef> list) throws StoreException, IOException {
        Reservation r = open(id);
        synchronized (r) {
            if (r.state != Reservation.State.OPEN) {
                throw new StoreException(Kind.ALREADY_EXISTS, "The upload of entry " + id + " is finalized");
            }
            var assembled = Uploads.assemble(r, list);
            EntryFiles.move(assembled.getKey(), r.blobFile());
            r.committedBlocks = assembled.getValue();
            r.uncommittedBlocks.values().forEach(CacheStore::deleteQuietly);
            r.uncommittedBlocks.clear();
        }
    }

    /**
     * The v2 finalize: the reservation of (scope, key, version) becomes an entry if its blob has {@code size} bytes.
     * A repeated finalize of an already committed triple answers that entry again (idempotent retry).
     */
    public CacheEntry finalizeUpload(String scope, String key, String version, long size) throws StoreException, IOException {
        String identity = matcher.normalize(key);
        Reservation r;
        synchronized (this) {
            dropExpiredReservations(clock.instant());
            r = reservations.values().stream().filter(x -> x.matches(scope, identity, version)).findFirst().orElse(null);
            if (r == null) {
                Optional<CacheEntry> done = entries.values().stream().filter(e -> e.scope().equals(scope)
                        && matcher.normalize(e.key()).equals(identity) && e.version().equals(version)).findFirst();
                if (done.isPresent() && done.get().size() == size) {
                    return done.get();
                }
                throw new StoreException(Kind.NOT_FOUND, "no cache entry reservation for key " + key + " and version "
                        + version + " in scope " + scope);
            }
        }
        synchronized (r) {
            if (r.state != Reservation.State.OPEN) {
                throw new StoreException(Kind.INVALID, "the upload is already being finalized");
            }
            if (!Files.exists(r.blobFile())) {
                throw new StoreException(Kind.INVALID, "no blob was uploaded for key " + key);
            }
            long actual = Files.size(r.blobFile());
            if (actual != size) {
                throw new StoreException(Kind.INVALID, "size_bytes " + size + " does not match the uploaded blob ("
                        + actual + " bytes)");
            }
            r.state = Reservation.State.COMMITTING;
        }
        return commit(r, size);
    }

    // ---- commit, eviction ---------------------------------------------------------------------------------------

    private CacheEntry commit(Reservation r, long size) throws IOException {
        Instant now = clock.instant();
        CacheEntry entry = new CacheEntry(r.id, r.scope, r.key, r.version, size, now, sequence.incrementAndGet());
        try {
            files.publish(r.blobFile(), entry);
        } catch (IOException e) {
            synchronized (r) {
                r.state = Reservation.State.OPEN;
            }
            throw e;
        }
        synchronized (this) {
            reservations.remove(r.id);
            entries.put(entry.id(), entry);
            lastAccess.put(entry.id(), now);
            committedAt.put(entry.id(), now);
            totalBytes += size;
            evict(now, entry.id());
        }
        synchronized (r) {
            r.state = Reservation.State.DONE;
        }
        deleteQuietly(r.dir);
        return entry;
    }

    /** Idle eviction, then least-recently-used entries until the total fits the cap; {@code keep} survives. */
    private void evict(Instant now, long keep) {
        List<Long> idle = entries.keySet().stream()
                .filter(id -> id != keep && lastAccess.get(id).plus(settings.idleEviction()).isBefore(now))
                .collect(Collectors.toList());
        idle.forEach(this::remove);
        if (totalBytes <= settings.capBytes()) {
            return;
        }
        List<Long> lru = entries.keySet().stream().filter(id -> id != keep)
                .sorted(Comparator.comparing((Long id) -> lastAccess.get(id))
                        .thenComparingLong(id -> entries.get(id).sequence()))
                .collect(Collectors.toList());
        for (Long id : lru) {
            if (totalBytes <= settings.capBytes()) {
                break;
            }
            remove(id);
        }
    }

    private void remove(long id) {
        CacheEntry e = entries.remove(id);
        if (e != null) {
            totalBytes -= e.size();
            lastAccess.remove(id);
            committedAt.remove(id);
            try {
                files.delete(id);
            } catch (IOException ignored) {
                // a file an open download still reads is unlinked later by the OS; metadata is already gone
            }
        }
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    /** The lookup of spec §4.3 over committed, visible entries; a hit counts as an access. */
    public Optional<CacheEntry> lookup(List<String> scopes, List<String> keys, String version) {
        Instant now = clock.instant();
        synchronized (this) {
            evictIdleOnly(now);
            Optional<CacheEntry> hit = matcher.find(scopes, keys, version, visible(now));
            hit.ifPresent(e -> lastAccess.put(e.id(), now));
            return hit;
        }
    }

    /** The v1 listing: visible entries of the given scopes whose key starts with {@code keyPrefix}, any version. */
    public synchronized List<CacheEntry> list(List<String> scopes, String keyPrefix) {
        String wanted = matcher.normalize(keyPrefix);
        return visible(clock.instant()).stream()
                .filter(e -> scopes.contains(e.scope()) && matcher.normalize(e.key()).startsWith(wanted))
                .sorted(Comparator.comparingLong(CacheEntry::sequence).reversed())
                .collect(Collectors.toList());
    }

    /** Opens a committed entry for download; a read counts as an access. Empty when evicted or never committed. */
    public Optional<StoredBlob> openForRead(long id) {
        Instant now = clock.instant();
        synchronized (this) {
            CacheEntry e = entries.get(id);
            if (e == null) {
                return Optional.empty();
            }
            lastAccess.put(id, now);
            return Optional.of(new StoredBlob(e, files.data(id)));
        }
    }

    private void evictIdleOnly(Instant now) {
        List<Long> idle = entries.keySet().stream()
                .filter(id -> lastAccess.get(id).plus(settings.idleEviction()).isBefore(now))
                .collect(Collectors.toList());
        idle.forEach(this::remove);
    }

    private List<CacheEntry> visible(Instant now) {
        List<CacheEntry> result = new ArrayList<>();
        for (CacheEntry e : entries.values()) {
            Instant at = committedAt.get(e.id());
            if (at == Instant.MIN || !at.plus(settings.visibilityDelay()).isAfter(now)) {
                result.add(e);
            }
        }
        return result;
    }

    public synchronized long totalBytes() {
        return totalBytes;
    }

    public synchronized List<CacheEntry> entries() {
        return entries.values().stream().sorted(Comparator.comparingLong(CacheEntry::sequence)).collect(Collectors.toList());
    }

    public synchronized int openReservations() {
        return reservations.size();
    }

    /** Forgets every entry, reservation and rate-limit slot; ids keep increasing so old URLs never hit new data. */
    public synchronized void reset() throws IOException {
        for (Long id : new ArrayList<>(entries.keySet())) {
            remove(id);
        }
        for (Reservation r : reservations.values()) {
            synchronized (r) {
                r.state = Reservation.State.DONE;
            }
            deleteQuietly(r.dir);
        }
        reservations.clear();
        limiter.clear();
        totalBytes = 0;
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException ignored) {
            // staging leftovers are removed at the next start
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
