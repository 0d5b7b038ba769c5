package io.github.ghacache.storage;

import java.io.InputStream;

/** A pack found in a store. */
public interface StoredPack {
    String key();

    long size();

    /** A stream over {@code length} bytes from {@code offset}; the caller closes it. */
    InputStream openRange(long offset, long length) throws StorageException;
}
