package io.github.ghacache.server.store;

import java.nio.file.Path;

/** A committed entry and the file holding its bytes, handed to the download endpoint. */
public record StoredBlob(CacheEntry entry, Path file) {
}
