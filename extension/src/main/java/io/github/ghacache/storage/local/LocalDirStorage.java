package io.github.ghacache.storage.local;

import io.github.ghacache.fingerprint.Digests;
import io.github.ghacache.storage.CacheStorage;
import io.github.ghacache.storage.FileRanges;
import io.github.ghacache.storage.StorageException;
import io.github.ghacache.storage.StorageException.Kind;
import io.github.ghacache.storage.StoredPack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Packs in a folder: {@code packs/<prefix digest>/<key digest>.pack}. A pack's modification time is its
 * last use, which drives both "newest of a prefix" and least-recently-used eviction. Writes appear
 * atomically and only if absent (a hard link cannot replace an existing file), so concurrent builds are safe.
 */
public final class LocalDirStorage implements CacheStorage {
    private static final String SUFFIX = ".pack";

    private final Path root;
    private final Path packs;
    private final Path tmp;
    private final long maxSizeBytes;

    public LocalDirStorage(Path root, long maxSizeBytes) throws StorageException {
        this.root = root;
        this.packs = root.resolve("packs");
        this.tmp = root.resolve("tmp");
        this.maxSizeBytes = maxSizeBytes;
        try {
            Files.createDirectories(packs);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new StorageException(Kind.CONFIG, "cannot create the cache folder " + root + ": " + e, e);
        }
        deleteStaleTemporaries();
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Path tempDir() {
        return tmp;
    }

    @Override
    public Optional<StoredPack> lookup(String key, String prefix) throws StorageException {
        Path exact = pathOf(key, prefix);
        try {
            if (Files.isRegularFile(exact)) {
                return Optional.of(found(key, exact));
            }
            Path group = exact.getParent();
            if (!Files.isDirectory(group)) {
                return Optional.empty();
            }
            Path newest = null;
            FileTime newestTime = null;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(group, "*" + SUFFIX)) {
                for (Path p : ds) {
                    FileTime t = Files.getLastModifiedTime(p);
                    if (newest == null || t.compareTo(newestTime) > 0) {
                        newest = p;
                        newestTime = t;
                    }
                }
            }
            return newest == null ? Optional.empty() : Optional.of(found(null, newest));
        } catch (NoSuchFileException raceWithEviction) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException(Kind.TRANSIENT, "cannot read the cache folder " + root + ": " + e, e);
        }
    }

    private StoredPack found(String key, Path file) throws IOException {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException readOnlyStore) {
            // the pack is still readable; it only keeps its old place in the eviction order
        }
        return new LocalPack(key, file, Files.size(file));
    }

    @Override
    public boolean save(String key, String prefix, Path pack) throws StorageException {
        Path target = pathOf(key, prefix);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                return false;
            }
            try {
                Files.createLink(target, pack);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                Path staged = Files.createTempFile(tmp, "save-", SUFFIX);
                Files.copy(pack, staged, StandardCopyOption.REPLACE_EXISTING);
                if (Files.exists(target)) {
                    Files.delete(staged);
                    return false;
                }
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            }
            evict(target);
            return true;
        } catch (IOException e) {
            throw new StorageException(Kind.TRANSIENT, "cannot write to the cache folder " + root + ": " + e, e);
        }
    }

    @Override
    public void invalidate(StoredPack pack) {
        if (pack instanceof LocalPack lp) {
            try {
                Files.deleteIfExists(lp.file);
            } catch (IOException ignored) {
                // the next save will report the folder's state if it matters
            }
        }
    }

    /** Deletes least recently used packs until the total is under the cap; the pack just saved stays. */
    private void evict(Path keep) throws IOException {
        record Entry(Path path, long size, FileTime used) {}
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (Stream<Path> s = Files.walk(packs, 2)) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(SUFFIX))::iterator) {
                try {
                    Entry e = new Entry(p, Files.size(p), Files.getLastModifiedTime(p));
                    entries.add(e);
                    total += e.size;
                } catch (NoSuchFileException gone) {
                    // evicted by a concurrent build
                }
            }
        }
        if (total <= maxSizeBytes) {
            return;
        }
        entries.sort(Comparator.comparing(Entry::used));
        for (Entry e : entries) {
            if (total <= maxSizeBytes) {
                break;
            }
            if (!e.path.equals(keep)) {
                Files.deleteIfExists(e.path);
                total -= e.size;
            }
        }
    }

    private void deleteStaleTemporaries() {
        Instant cutoff = Instant.now().minus(Duration.ofHours(6));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp)) {
            for (Path p : ds) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // leftovers of crashed builds only cost disk space
        }
    }

    private Path pathOf(String key, String prefix) {
        return packs.resolve(Digests.of(prefix).substring(0, 32)).resolve(Digests.of(key).substring(0, 40) + SUFFIX);
    }

    private static final class LocalPack implements StoredPack {
        private final String key;
        private final Path file;
        private final long size;

        LocalPack(String key, Path file, long size) {
            this.key = key;
            this.file = file;
            this.size = size;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream openRange(long offset, long length) throws StorageException {
            if (offset < 0 || length < 0 || offset + length > size) {
                throw new StorageException(Kind.CORRUPT, "range " + offset + "+" + length + " lies outside "
                        + file.getFileName() + " (" + size + " bytes)");
            }
            try {
                return FileRanges.open(file, offset, length);
            } catch (IOException e) {
                throw new StorageException(Kind.TRANSIENT, "cannot read " + file + ": " + e, e);
            }
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }
}
