package io.github.ghacache.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A pack found in a store. */
public interface StoredPack {
    String key();

    long size();

    /** A stream over {@code length} bytes from {@code offset}; the caller closes it. */
    InputStream openRange(long offset, long length) throws StorageException;

    /**
     * Whether ranges are cheap to read twice (a file on this machine). Remote packs are fetched once into a
     * temporary file with {@link #copyRange} before they are checked and unpacked.
     */
    default boolean isLocal() {
        return true;
    }

    /** Copies {@code length} bytes from {@code offset} into a new file at {@code target}. */
    default void copyRange(long offset, long length, Path target) throws StorageException {
        try (InputStream in = openRange(offset, length)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.TRANSIENT, "cannot copy from the pack: " + e, e);
        }
    }
}
