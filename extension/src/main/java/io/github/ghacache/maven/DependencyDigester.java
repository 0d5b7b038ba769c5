package io.github.ghacache.maven;

import io.github.ghacache.fingerprint.ArchiveContentHasher;
import io.github.ghacache.fingerprint.FileTreeHasher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Digests what a dependency provides: a folder by its tree, a module of this build by its jar's entries
 * (so timestamps inside the jar do not matter), any other file by its bytes. File digests are kept for the
 * build, keyed by path, size and modification time, since many modules share the same dependencies.
 */
final class DependencyDigester {
    private record FileState(Path path, long size, long modified, boolean byEntries) {}

    private final Map<FileState, String> cache = new ConcurrentHashMap<>();

    String digest(File file, boolean reactorModule) throws IOException {
        Path p = file.toPath();
        if (Files.isDirectory(p)) {
            return "tree:" + new FileTreeHasher().hashTree(p);
        }
        if (!Files.isRegularFile(p)) {
            return "missing";
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        FileState key = new FileState(p.toAbsolutePath(), a.size(), a.lastModifiedTime().toMillis(), reactorModule);
        String known = cache.get(key);
        if (known != null) {
            return known;
        }
        String d = null;
        if (reactorModule) {
            String entries = ArchiveContentHasher.hashEntries(p);
            d = entries == null ? null : "entries:" + entries;
        }
        if (d == null) {
            d = "bytes:" + new FileTreeHasher().digestOf(p);
        }
        cache.put(key, d);
        return d;
    }
}
