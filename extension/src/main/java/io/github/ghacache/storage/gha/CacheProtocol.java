package io.github.ghacache.storage.gha;

import io.github.ghacache.fingerprint.Digests;
import io.github.ghacache.pack.PackFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The control plane of one protocol version: find an entry's download URL, create and fill an entry. */
interface CacheProtocol {
    /**
     * The entries' {@code version}: opaque to the service, identical for every save and restore of this pack
     * format, and unlike any other tool's, so no other client's entry can ever match ours.
     */
    String VERSION = Digests.of("gha-cache-maven|pack-" + PackFormat.VERSION);

    record Hit(String downloadUrl, String matchedKey) {}

    /** The entry for key, else the newest whose key starts with one of the restore keys; empty on a miss. */
    Optional<Hit> lookup(String key, List<String> restoreKeys) throws IOException;

    /** Creates the entry, uploads the file and commits it; false when the key already exists. */
    boolean save(String key, Path file, long size) throws IOException;

    String name();

    /** The service refused to create an entry because of its rate limit. */
    final class ThrottledException extends IOException {
        ThrottledException(String message) {
            super(message);
        }
    }

    /** The token may not write (a pull request from a fork, a read-only job): saving stops, quietly. */
    final class WriteDeniedException extends IOException {
        WriteDeniedException(String message) {
            super(message);
        }
    }
}
