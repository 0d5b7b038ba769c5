package io.github.ghacache.storage;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Optional;

/** A store of packs: look up by key with prefix fallback, read byte ranges, write if absent. */
public interface CacheStorage extends Closeable {
    /** Short name for the log, e.g. {@code local}. */
    String name();

    /** The pack saved under key, else the newest pack whose key starts with prefix, else empty (a miss). */
    Optional<StoredPack> lookup(String key, String prefix) throws StorageException;

    /**
     * The newest pack whose key starts with prefix, asked ahead of time (before the module's key is known).
     * A failure here must leave the store's own bookkeeping alone: the module's real lookup will meet the
     * same trouble and report it.
     */
    default Optional<StoredPack> prefetchNewest(String prefix) throws StorageException {
        return lookup(prefix, prefix);
    }

    /** Stores the file under key unless the key exists; returns false when it already existed. */
    boolean save(String key, String prefix, Path pack) throws StorageException;

    /** A folder where packs are written before {@link #save}; on the store's own file system when it has one. */
    Path tempDir();

    /** True when saves go over the network and should overlap the build rather than block it. */
    default boolean isRemote() {
        return false;
    }

    /** Null while the store answers, else why this build stops asking it (said once, already). */
    default String unavailable() {
        return null;
    }

    /** Null while saves are accepted, else why this build saves nothing more (said once, already). */
    default String savingStopped() {
        return null;
    }

    /** Drops a pack found to be corrupt, where the store allows it, so the next save can replace it. */
    void invalidate(StoredPack pack);

    @Override
    default void close() {}
}
