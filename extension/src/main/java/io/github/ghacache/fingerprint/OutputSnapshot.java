package io.github.ghacache.fingerprint;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a folder holds (size and modification time of each file, and its folders), taken before and after a
 * step so that the step's outputs are the files it created or changed. Stamps rather than contents: a step
 * that rewrites a file changes its time, and reading every file twice per step would cost more than the step.
 */
public final class OutputSnapshot {
    private record Stamp(long size, long modifiedNanos, boolean directory) {}

    private final Map<String, Stamp> entries;

    private OutputSnapshot(Map<String, Stamp> entries) {
        this.entries = entries;
    }

    /** {@code skipDir} answers true for folders to leave out; a missing folder gives an empty snapshot. */
    public static OutputSnapshot take(Path root, Predicate<Path> skipDir) throws IOException {
        Map<String, Stamp> out = new HashMap<>();
        if (Files.isDirectory(root)) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (skipDir.test(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    out.put(FileTreeHasher.relative(root, dir), new Stamp(0, 0, true));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        out.put(FileTreeHasher.relative(root, file), new Stamp(attrs.size(),
                                attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), false));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return new OutputSnapshot(out);
    }

    /** Relative paths of the files and folders that are new or changed in {@code after}, sorted. */
    public List<String> changedIn(OutputSnapshot after) {
        List<String> changed = new ArrayList<>();
        after.entries.forEach((path, stamp) -> {
            Stamp before = entries.get(path);
            // a folder only counts when new: its time changes whenever a file inside it is written
            if (before == null || before.directory() != stamp.directory()
                    || (!stamp.directory() && !before.equals(stamp))) {
                changed.add(path);
            }
        });
        changed.sort(null);
        return changed;
    }

    /** Whether nothing but folders is here. */
    public boolean holdsNoFiles() {
        return entries.values().stream().allMatch(Stamp::directory);
    }

    /** Paths present before and gone after: outputs a step deleted. */
    public List<String> removedIn(OutputSnapshot after) {
        List<String> removed = new ArrayList<>();
        for (String path : entries.keySet()) {
            if (!after.entries.containsKey(path)) {
                removed.add(path);
            }
        }
        removed.sort(null);
        return removed;
    }
}
