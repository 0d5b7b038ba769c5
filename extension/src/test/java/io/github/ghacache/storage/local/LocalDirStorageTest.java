package io.github.ghacache.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghacache.storage.CacheKeys;
import io.github.ghacache.storage.StorageException;
import io.github.ghacache.storage.StoredPack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirStorageTest {
    private static final String CORE = CacheKeys.prefix("maven", "org.example", "core");
    private static final String API = CacheKeys.prefix("maven", "org.example", "api");

    @TempDir
    Path tmp;

    private int packCount;

    /** A fresh source file per save: the store may hard-link it, so sources must never be shared. */
    private Path pack(String content) throws IOException {
        Path p = tmp.resolve("source-" + (packCount++) + ".pack");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path pack(int size, char fill) throws IOException {
        return pack(String.valueOf(fill).repeat(size));
    }

    private static String key(String prefix, String id) {
        return CacheKeys.key(prefix, id.repeat(64).substring(0, 64));
    }

    private static String contentOf(StoredPack p) throws Exception {
        try (InputStream in = p.openRange(0, p.size())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private LocalDirStorage store(long maxSize) throws StorageException {
        return new LocalDirStorage(tmp.resolve("store"), maxSize);
    }

    /** Marks the stored pack holding exactly {@code content} as last used at time t. */
    private void setUsed(String content, Instant t) throws IOException {
        try (Stream<Path> s = Files.walk(tmp.resolve("store/packs"))) {
            List<Path> matches = s.filter(p -> p.toString().endsWith(".pack")).filter(p -> {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8).equals(content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            assertThat(matches).as("stored packs holding '%s'", content).hasSize(1);
            Files.setLastModifiedTime(matches.get(0), FileTime.from(t));
        }
    }

    private long storedPackCount() throws IOException {
        try (Stream<Path> s = Files.walk(tmp.resolve("store/packs"))) {
            return s.filter(p -> p.toString().endsWith(".pack")).count();
        }
    }

    @Test
    void emptyStoreMisses() throws Exception {
        assertThat(store(1 << 20).lookup(key(CORE, "1"), CORE)).isEmpty();
    }

    @Test
    void savedPackIsFoundByItsExactKey() throws Exception {
        LocalDirStorage s = store(1 << 20);
        String k = key(CORE, "1");

        assertThat(s.save(k, CORE, pack("pack one"))).isTrue();
        Optional<StoredPack> found = s.lookup(k, CORE);

        assertThat(found).isPresent();
        assertThat(found.get().key()).isEqualTo(k);
        assertThat(found.get().size()).isEqualTo(8);
        assertThat(contentOf(found.get())).isEqualTo("pack one");
    }

    @Test
    void savingAnExistingKeyAgainReturnsFalseAndKeepsTheFirstBytes() throws Exception {
        LocalDirStorage s = store(1 << 20);
        String k = key(CORE, "1");

        assertThat(s.save(k, CORE, pack("first"))).isTrue();
        assertThat(s.save(k, CORE, pack("second!"))).isFalse();

        assertThat(contentOf(s.lookup(k, CORE).orElseThrow())).isEqualTo("first");
    }

    @Test
    void prefixLookupReturnsTheMostRecentlyUsedPackOfThatPrefix() throws Exception {
        LocalDirStorage s = store(1 << 20);
        Instant now = Instant.now();
        s.save(key(CORE, "1"), CORE, pack("core-old"));
        s.save(key(CORE, "2"), CORE, pack("core-newest"));
        s.save(key(CORE, "3"), CORE, pack("core-middle"));
        s.save(key(API, "4"), API, pack("api-newer-than-all"));
        setUsed("core-old", now.minus(Duration.ofHours(3)));
        setUsed("core-newest", now.minus(Duration.ofHours(1)));
        setUsed("core-middle", now.minus(Duration.ofHours(2)));
        setUsed("api-newer-than-all", now.minus(Duration.ofMinutes(1)));

        StoredPack found = s.lookup(key(CORE, "9"), CORE).orElseThrow();

        assertThat(contentOf(found)).isEqualTo("core-newest");
        assertThat(found.key()).as("a prefix hit does not know its key").isNull();
    }

    @Test
    void prefixLookupFindsNothingFromAnotherPrefix() throws Exception {
        LocalDirStorage s = store(1 << 20);
        s.save(key(API, "1"), API, pack("api"));

        assertThat(s.lookup(key(CORE, "1"), CORE)).isEmpty();
    }

    @Test
    void lookupMarksThePackAsUsed() throws Exception {
        LocalDirStorage s = store(1 << 20);
        Instant now = Instant.now();
        s.save(key(CORE, "1"), CORE, pack("one"));
        s.save(key(CORE, "2"), CORE, pack("two"));
        setUsed("one", now.minus(Duration.ofHours(3)));
        setUsed("two", now.minus(Duration.ofHours(1)));

        s.lookup(key(CORE, "1"), CORE).orElseThrow();

        assertThat(contentOf(s.lookup(key(CORE, "9"), CORE).orElseThrow())).isEqualTo("one");
    }

    @Test
    void openRangeReturnsExactlyTheRequestedBytes() throws Exception {
        LocalDirStorage s = store(1 << 20);
        s.save(key(CORE, "1"), CORE, pack("0123456789"));
        StoredPack p = s.lookup(key(CORE, "1"), CORE).orElseThrow();

        try (InputStream in = p.openRange(3, 4)) {
            assertThat(in.read()).isEqualTo('3');
            assertThat(in.readAllBytes()).isEqualTo("456".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.read()).isEqualTo(-1);
        }
        try (InputStream in = p.openRange(10, 0)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void openRangeRejectsRangesOutsideTheFile() throws Exception {
        LocalDirStorage s = store(1 << 20);
        s.save(key(CORE, "1"), CORE, pack("0123456789"));
        StoredPack p = s.lookup(key(CORE, "1"), CORE).orElseThrow();

        assertThatThrownBy(() -> p.openRange(5, 6)).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).kind()).isEqualTo(StorageException.Kind.CORRUPT));
        assertThatThrownBy(() -> p.openRange(-1, 2)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> p.openRange(0, -1)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> p.openRange(11, 0)).isInstanceOf(StorageException.class);
    }

    @Test
    void invalidateDeletesThePack() throws Exception {
        LocalDirStorage s = store(1 << 20);
        String k = key(CORE, "1");
        s.save(k, CORE, pack("corrupt"));

        s.invalidate(s.lookup(k, CORE).orElseThrow());

        assertThat(s.lookup(k, CORE)).isEmpty();
        assertThat(s.save(k, CORE, pack("replacement"))).isTrue();
        assertThat(contentOf(s.lookup(k, CORE).orElseThrow())).isEqualTo("replacement");
    }

    @Test
    void evictionDeletesLeastRecentlyUsedPacksUntilUnderTheCap() throws Exception {
        LocalDirStorage s = store(300);
        Instant now = Instant.now();
        s.save(key(CORE, "1"), CORE, pack(100, 'a'));
        s.save(key(API, "2"), API, pack(100, 'b'));
        s.save(key(CORE, "3"), CORE, pack(100, 'c'));
        setUsed("a".repeat(100), now.minus(Duration.ofHours(2)));
        setUsed("b".repeat(100), now.minus(Duration.ofHours(3)));
        setUsed("c".repeat(100), now.minus(Duration.ofHours(1)));

        assertThat(s.save(key(API, "4"), API, pack(150, 'd'))).isTrue();

        assertThat(s.lookup(key(API, "2"), API).map(StoredPack::key)).as("oldest evicted").isNotEqualTo(
                Optional.of(key(API, "2")));
        assertThat(s.lookup(key(CORE, "1"), CORE).map(StoredPack::key)).as("second oldest evicted")
                .isNotEqualTo(Optional.of(key(CORE, "1")));
        assertThat(s.lookup(key(CORE, "3"), CORE).map(StoredPack::key)).contains(key(CORE, "3"));
        assertThat(s.lookup(key(API, "4"), API).map(StoredPack::key)).contains(key(API, "4"));
        assertThat(storedPackCount()).isEqualTo(2);
    }

    @Test
    void evictionNeverDeletesThePackJustSaved() throws Exception {
        LocalDirStorage s = store(100);
        s.save(key(CORE, "1"), CORE, pack(50, 'a'));

        Path big = pack(500, 'b');
        Files.setLastModifiedTime(big, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        assertThat(s.save(key(CORE, "2"), CORE, big)).isTrue();

        assertThat(s.lookup(key(CORE, "2"), CORE).map(StoredPack::key)).contains(key(CORE, "2"));
        assertThat(s.lookup(key(CORE, "1"), CORE).map(StoredPack::key)).isNotEqualTo(Optional.of(key(CORE, "1")));
        assertThat(storedPackCount()).isEqualTo(1);
    }

    @Test
    void storeUnderTheCapKeepsEverything() throws Exception {
        LocalDirStorage s = store(1000);
        s.save(key(CORE, "1"), CORE, pack(100, 'a'));
        s.save(key(CORE, "2"), CORE, pack(100, 'b'));
        s.save(key(API, "3"), API, pack(100, 'c'));

        assertThat(storedPackCount()).isEqualTo(3);
    }

    @Test
    void tempDirLiesInsideTheStore() throws Exception {
        LocalDirStorage s = store(1000);

        assertThat(s.tempDir()).startsWith(tmp.resolve("store")).isDirectory();
        assertThat(s.name()).isEqualTo("local");
    }
}
