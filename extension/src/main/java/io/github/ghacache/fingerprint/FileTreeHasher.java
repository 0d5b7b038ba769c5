package io.github.ghacache.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Digests the files under a folder by content: relative paths with '/' separators, sorted, each with the
 * SHA-256 of its bytes. Links are not followed; a link counts as its target text.
 */
public final class FileTreeHasher {
    /** Folders that never hold build inputs. */
    public static final Set<String> VCS_DIRS = Set.of(".git", ".svn", ".hg", ".bzr", "CVS");

    private final byte[] buffer = new byte[64 * 1024];

    /** Relative path to digest, sorted by path; {@code skipDir} answers true for folders to leave out. */
    public TreeMap<String, String> hash(Path root, Predicate<Path> skipDir) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && (skipDir.test(dir) || VCS_DIRS.contains(dir.getFileName().toString()))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path file : files) {
            out.put(relative(root, file), digestOf(file));
        }
        return out;
    }

    /** One digest over a whole tree: what a directory on a classpath stands for. */
    public String hashTree(Path root) throws IOException {
        FingerprintBuilder fb = new FingerprintBuilder();
        hash(root, d -> false).forEach(fb::add);
        return fb.build().hex();
    }

    public String digestOf(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            return "link:" + Files.readSymbolicLink(file).toString().replace('\\', '/');
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "special";
        }
        var md = Digests.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return Digests.hex(md.digest());
    }

    public static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
