package io.github.ghacache.pack;

import io.github.ghacache.fingerprint.Digests;
import io.github.ghacache.fingerprint.FileTreeHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helper: everything under a folder (folders, links, file contents), without following links. */
final class TreeSnapshot {
    private TreeSnapshot() {}

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = FileTreeHasher.relative(root, p);
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, "dir");
                } else {
                    out.put(rel, Digests.of(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }
}
