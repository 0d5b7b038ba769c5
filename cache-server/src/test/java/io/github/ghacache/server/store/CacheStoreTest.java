package io.github.ghacache.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghacache.server.MutableClock;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's semantics without HTTP (spec §7 rows 2-4, 6, 7 and "nothing half-written visible"). */
class CacheStoreTest {
    private static final String MAIN = "refs/heads/main";
    private static final List<String> READ_MAIN = List.of(MAIN);

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock();

    private CacheStore store(StoreSettings settings) throws Exception {
        return new CacheStore(dir, clock, settings);
    }

    private static CacheEntry save(CacheStore store, String key, String version, int size) throws Exception {
        long id = store.reserve(MAIN, key, version, -1); // v2 declares no size
        store.putBlob(id, new ByteArrayInputStream(new byte[size]), size);
        return store.finalizeUpload(MAIN, key, version, size);
    }

    @Test
    void capEvictsLeastRecentlyUsedAfterCommitAndKeepsTheNewEntry() throws Exception {
        CacheStore store = store(StoreSettings.defaults().withCapBytes(300));
        save(store, "a", "v", 100);
        clock.advance(Duration.ofSeconds(1));
        save(store, "b", "v", 100);
        clock.advance(Duration.ofSeconds(1));
        save(store, "c", "v", 100);
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.lookup(READ_MAIN, List.of("a"), "v")).isPresent(); // a is now more recent than b
        clock.advance(Duration.ofSeconds(1));
        save(store, "large", "v", 150);
        assertThat(store.entries()).extracting(CacheEntry::key).containsExactlyInAnyOrder("a", "large");
        assertThat(store.totalBytes()).isEqualTo(250);
        assertThat(store.lookup(READ_MAIN, List.of("b"), "v")).isEmpty();
    }

    @Test
    void newEntryLargerThanTheCapIsKeptAlone() throws Exception {
        CacheStore store = store(StoreSettings.defaults().withCapBytes(100));
        save(store, "a", "v", 50);
        save(store, "huge", "v", 500);
        assertThat(store.entries()).extracting(CacheEntry::key).containsExactly("huge");
    }

    @Test
    void downloadCountsAsAccessForLru() throws Exception {
        CacheStore store = store(StoreSettings.defaults().withCapBytes(200));
        CacheEntry a = save(store, "a", "v", 100);
        clock.advance(Duration.ofSeconds(1));
        save(store, "b", "v", 100);
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.openForRead(a.id())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        save(store, "c", "v", 100);
        assertThat(store.entries()).extracting(CacheEntry::key).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void entriesIdleForSevenDaysAreEvicted() throws Exception {
        CacheStore store = store(StoreSettings.defaults());
        save(store, "old", "v", 1);
        clock.advance(Duration.ofDays(6));
        save(store, "young", "v", 1);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(store.lookup(READ_MAIN, List.of("old"), "v")).isEmpty();
        assertThat(store.lookup(READ_MAIN, List.of("young"), "v")).isPresent();
    }

    @Test
    void reservationBlocksTheKeyUntilItsTtlExpires() throws Exception {
        CacheStore store = store(StoreSettings.defaults().withReservationTtl(Duration.ofHours(24)));
        long abandoned = store.reserve(MAIN, "k", "v", -1);
        assertThatThrownBy(() -> store.reserve(MAIN, "k", "v", -1))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.ALREADY_EXISTS));
        clock.advance(Duration.ofHours(24));
        long fresh = store.reserve(MAIN, "k", "v", -1);
        assertThat(fresh).isNotEqualTo(abandoned);
        assertThat(store.isOpen(abandoned)).isFalse();
    }

    @Test
    void identityIsPerScopeAndExactVersionAndCaseInsensitiveByDefault() throws Exception {
        CacheStore store = store(StoreSettings.defaults());
        save(store, "Key", "v", 1);
        assertThatThrownBy(() -> store.reserve(MAIN, "KEY", "v", -1)).isInstanceOf(StoreException.class);
        store.reserve(MAIN, "Key", "V", -1);
        store.reserve("refs/heads/other", "Key", "v", -1);
    }

    @Test
    void caseSensitiveKeysCanBeConfigured() throws Exception {
        CacheStore store = store(StoreSettings.defaults().withCaseInsensitiveKeys(false));
        save(store, "Key", "v", 1);
        store.reserve(MAIN, "KEY", "v", -1);
        assertThat(store.lookup(READ_MAIN, List.of("key"), "v")).isEmpty();
    }

    @Test
    void visibilityDelayHidesFreshEntries() throws Exception {
        CacheStore store = store(StoreSettings.defaults().withVisibilityDelay(Duration.ofSeconds(3)));
        save(store, "k", "v", 1);
        assertThat(store.lookup(READ_MAIN, List.of("k"), "v")).isEmpty();
        clock.advance(Duration.ofSeconds(3));
        assertThat(store.lookup(READ_MAIN, List.of("k"), "v")).isPresent();
    }

    @Test
    void creationRateLimitAnswersRetryAfterSeconds() throws Exception {
        CacheStore store = store(StoreSettings.defaults().withCreatesPerMinute(2));
        store.reserve(MAIN, "a", "v", -1);
        clock.advance(Duration.ofSeconds(20));
        store.reserve(MAIN, "b", "v", -1);
        assertThatThrownBy(() -> store.reserve(MAIN, "c", "v", -1)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.RATE_LIMITED);
            assertThat(e.retryAfterSeconds()).isEqualTo(40);
        });
        clock.advance(Duration.ofSeconds(40));
        store.reserve(MAIN, "c", "v", -1);
    }

    @Test
    void entriesSurviveARestartAndHalfFinishedUploadsDoNot() throws Exception {
        CacheStore first = store(StoreSettings.defaults());
        CacheEntry kept = save(first, "kept", "v", 5);
        long pending = first.reserve(MAIN, "pending", "v", -1);
        first.putBlob(pending, new ByteArrayInputStream(new byte[3]), 3);

        CacheStore second = store(StoreSettings.defaults());
        assertThat(second.lookup(READ_MAIN, List.of("kept"), "v")).contains(kept);
        assertThat(second.openReservations()).isZero();
        assertThat(second.reserve(MAIN, "next", "v", -1)).isGreaterThan(pending);
        assertThat(Files.list(dir.resolve("staging")).count()).isEqualTo(1); // only the new reservation's folder
    }

    @Test
    void v1ChunksMustCoverExactlyTheCommittedSize() throws Exception {
        CacheStore store = store(StoreSettings.defaults());
        long id = store.reserve(MAIN, "k", "v", -1);
        store.writeChunk(id, 4, 7, new ByteArrayInputStream(new byte[] {5, 6, 7, 8}));
        assertThatThrownBy(() -> store.commitChunks(id, 8)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.writeChunk(id, 0, 3, new ByteArrayInputStream(new byte[] {1, 2})))
                .as("body shorter than Content-Range").isInstanceOf(StoreException.class);
        store.writeChunk(id, 0, 3, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}));
        CacheEntry e = store.commitChunks(id, 8);
        assertThat(Files.readAllBytes(store.openForRead(e.id()).orElseThrow().file()))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void concurrentCreatesOfOneKeyHaveExactlyOneWinner() throws Exception {
        CacheStore store = store(StoreSettings.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    try {
                        store.reserve(MAIN, "race", "v", -1);
                        return true;
                    } catch (StoreException e) {
                        return false;
                    }
                }));
            }
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readersNeverSeeAHalfWrittenEntry() throws Exception {
        CacheStore store = store(StoreSettings.defaults());
        int size = 256 * 1024;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < 10; i++) {
                        byte[] data = new byte[size];
                        java.util.Arrays.fill(data, (byte) (writer * 10 + i));
                        long id = store.reserve(MAIN, "w" + writer + "-" + i, "v", -1);
                        store.putBlob(id, new ByteArrayInputStream(data), size);
                        store.finalizeUpload(MAIN, "w" + writer + "-" + i, "v", size);
                    }
                    return null;
                }));
            }
            int checked = 0;
            while (writers.stream().anyMatch(f -> !f.isDone()) || checked == 0) {
                for (String prefix : List.of("w0-", "w1-", "w2-")) {
                    Optional<CacheEntry> hit = store.lookup(READ_MAIN, List.of(prefix), "v");
                    if (hit.isPresent()) {
                        Optional<StoredBlob> blob = store.openForRead(hit.get().id());
                        assertThat(blob).isPresent();
                        byte[] bytes = Files.readAllBytes(blob.get().file());
                        assertThat(bytes).hasSize(size);
                        assertThat(bytes[size - 1]).isEqualTo(bytes[0]);
                        checked++;
                    }
                }
            }
            for (Future<?> f : writers) {
                f.get();
            }
            assertThat(store.entries()).hasSize(30);
        } finally {
            pool.shutdownNow();
        }
    }
}
