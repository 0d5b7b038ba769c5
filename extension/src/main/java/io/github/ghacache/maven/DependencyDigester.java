package io.github.ghacache.maven;

import io.github.ghacache.fingerprint.ArchiveContentHasher;
import io.github.ghacache.fingerprint.FileTreeHasher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Digests what a dependency provides: a folder by its tree, a module of this build by its jar's entries
 * (so timestamps inside the jar do not matter), any other file by its bytes. File digests are kept for the
 * build, keyed by path, size and modification time, since many modules share the same dependencies; a
 * file asked for by two threads at once (the build and {@link DependencyPrewarm}) is read once, the
 * second caller waits for the first one's answer.
 */
final class DependencyDigester {
    private record FileState(Path path, long size, long modified, boolean byEntries) {}

    private final Map<FileState, CompletableFuture<String>> cache = new ConcurrentHashMap<>();

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
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> known = cache.putIfAbsent(key, mine);
        if (known != null) {
            String d = await(known);
            if (d != null) {
                return d;
            }
            return compute(p, reactorModule); // the other thread failed: meet the failure here, if any
        }
        try {
            String d = compute(p, reactorModule);
            mine.complete(d);
            return d;
        } catch (IOException | RuntimeException | Error e) {
            cache.remove(key, mine); // a later caller tries again and meets the failure itself
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static String compute(Path p, boolean reactorModule) throws IOException {
        if (reactorModule) {
            String entries = ArchiveContentHasher.hashEntries(p);
            if (entries != null) {
                return "entries:" + entries;
            }
        }
        return "bytes:" + new FileTreeHasher().digestOf(p);
    }

    /** The other thread's answer, or null when it failed. */
    private static String await(CompletableFuture<String> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while another thread digested the file", e);
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** How many file digests are known or in progress (for tests). */
    int known() {
        return cache.size();
    }
}
