package io.github.ghacache.pack;

import com.github.luben.zstd.ZstdInputStream;
import io.github.ghacache.fingerprint.Digests;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Checks a member against its digest, then unpacks it all or nothing: into a staging folder first, and
 * only once every entry has been read and checked, moved into place. When the target folder is missing or
 * empty (a fresh checkout, the usual case on CI), entries are written in place directly: nothing there can
 * be a link, and a failure empties the folder again, which leaves it as it was.
 */
public final class MemberExtractor {
    /** Caps against decompression bombs, on top of the sizes the index declares. */
    public record Limits(long maxBytes, int maxFiles) {
        public static final Limits DEFAULT = new Limits(32L << 30, 2_000_000);
    }

    private MemberExtractor() {}

    /** Reads exactly the member's compressed bytes and compares length and SHA-256 with the index. */
    public static void verify(InputStream compressed, PackMember member) throws IOException, CorruptPackException {
        MessageDigest md = Digests.sha256();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = compressed.read(buf)) > 0; ) {
            md.update(buf, 0, n);
            total += n;
            if (total > member.length) {
                break;
            }
        }
        if (total != member.length) {
            throw new CorruptPackException("member '" + member.name + "' has " + total + " bytes, index says "
                    + member.length);
        }
        String actual = Digests.hex(md.digest());
        if (!actual.equalsIgnoreCase(member.sha256)) {
            throw new CorruptPackException("member '" + member.name + "' fails its SHA-256 check");
        }
    }

    /** Unpacks verified compressed bytes under targetRoot; returns the number of files written. */
    public static int extract(InputStream compressed, PackMember member, Path targetRoot, Limits limits)
            throws IOException, CorruptPackException {
        return extractAll(List.of(member), List.of(() -> compressed), targetRoot, limits);
    }

    /** Opens one member's verified compressed bytes. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Unpacks several verified members, in order, into one staging folder (a later member's file replaces an
     * earlier one's), then moves the result into place once; returns the number of files written.
     */
    public static int extractAll(List<PackMember> members, List<Source> sources, Path targetRoot, Limits limits)
            throws IOException, CorruptPackException {
        for (PackMember member : members) {
            if (member.size < 0 || member.size > limits.maxBytes() || member.files < 0
                    || member.files > limits.maxFiles()) {
                throw new CorruptPackException("member '" + member.name + "' declares " + member.files + " files, "
                        + member.size + " bytes: beyond the limits");
            }
        }
        if (isMissingOrEmpty(targetRoot)) {
            return extractInPlace(members, sources, targetRoot);
        }
        Files.createDirectories(targetRoot);
        Path staging = targetRoot.resolve(".gha-cache-restore-" + UUID.randomUUID());
        Files.createDirectory(staging);
        try {
            for (int i = 0; i < members.size(); i++) {
                try (InputStream in = sources.get(i).open()) {
                    unpack(in, members.get(i), staging, null);
                }
            }
            return moveIntoPlace(staging, targetRoot);
        } finally {
            deleteTree(staging);
        }
    }

    private static int extractInPlace(List<PackMember> members, List<Source> sources, Path targetRoot)
            throws IOException, CorruptPackException {
        boolean existed = Files.isDirectory(targetRoot);
        Files.createDirectories(targetRoot);
        Set<Path> written = new HashSet<>();
        boolean done = false;
        try {
            for (int i = 0; i < members.size(); i++) {
                try (InputStream in = sources.get(i).open()) {
                    unpack(in, members.get(i), targetRoot, written);
                }
            }
            done = true;
            return written.size();
        } finally {
            if (!done) {
                if (existed) {
                    deleteChildren(targetRoot);
                } else {
                    deleteTree(targetRoot);
                }
            }
        }
    }

    private static boolean isMissingOrEmpty(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false; // a link or a file: the staging path decides what happens
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Unpacks one member under root; {@code written} (when not null) collects the files written. */
    private static void unpack(InputStream compressed, PackMember member, Path root, Set<Path> written)
            throws IOException, CorruptPackException {
        long bytes = 0;
        int files = 0;
        Set<Path> folders = new HashSet<>(); // made already: most entries share their folder with the last one
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new ZstdInputStream(new BufferedInputStream(compressed, 1 << 16)))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                Path target = SafePaths.resolve(root, e.getName());
                // asked first: commons-compress counts any non-directory entry as a "file"
                if (e.isSymbolicLink() || e.isLink() || e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                    throw new CorruptPackException("entry '" + e.getName() + "' is a link or device, refused");
                }
                if (e.isDirectory()) {
                    if (folders.add(target)) {
                        Files.createDirectories(target);
                    }
                } else if (e.isFile()) {
                    files++;
                    bytes += e.getSize();
                    if (files > member.files || bytes > member.size) {
                        throw new CorruptPackException("member '" + member.name
                                + "' holds more than it declares (" + member.files + " files, " + member.size
                                + " bytes)");
                    }
                    if (folders.add(target.getParent())) {
                        Files.createDirectories(target.getParent());
                    }
                    try (OutputStream out = Files.newOutputStream(target)) {
                        tar.transferTo(out);
                    }
                    if (written != null) {
                        written.add(target);
                    }
                    if ((e.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true, false);
                    }
                } else {
                    throw new CorruptPackException("entry '" + e.getName() + "' is a link or device, refused");
                }
            }
        } catch (IOException e) {
            if (e.getClass().getName().startsWith("com.github.luben.zstd")
                    || e.getClass().getName().startsWith("org.apache.commons.compress")) {
                throw new CorruptPackException("member '" + member.name + "' cannot be decompressed: "
                        + e.getMessage());
            }
            throw e;
        }
        if (files != member.files || bytes != member.size) {
            throw new CorruptPackException("member '" + member.name + "' holds " + files + " files, " + bytes
                    + " bytes; index says " + member.files + ", " + member.size);
        }
    }

    private static int moveIntoPlace(Path staging, Path targetRoot) throws IOException, CorruptPackException {
        Path rootReal = targetRoot.toRealPath();
        List<Path> files = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        Files.walkFileTree(staging, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                if (!d.equals(staging)) {
                    dirs.add(d);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                files.add(f);
                return FileVisitResult.CONTINUE;
            }
        });
        Set<Path> checked = new HashSet<>();
        for (Path d : dirs) {
            Path dest = targetRoot.resolve(staging.relativize(d));
            ensureInside(dest, rootReal, checked);
        }
        for (Path f : files) {
            ensureInside(targetRoot.resolve(staging.relativize(f)).getParent(), rootReal, checked);
        }
        // every destination is checked before the first folder is created or file moved, so a refusal leaves
        // the project untouched
        for (Path d : checked) {
            Files.createDirectories(d);
        }
        for (Path f : files) {
            Path dest = targetRoot.resolve(staging.relativize(f));
            if (Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(dest);
            }
            Files.move(f, dest, StandardCopyOption.REPLACE_EXISTING);
        }
        return files.size();
    }

    /** Refuses dir when a link already in the project leads it elsewhere; creates nothing. */
    private static void ensureInside(Path dir, Path rootReal, Set<Path> checked)
            throws IOException, CorruptPackException {
        if (!checked.add(dir)) {
            return;
        }
        // dir lies under targetRoot, which exists, so the loop ends; folders still missing will be created
        // under the nearest existing one, which therefore decides where dir really is
        Path existing = dir;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (!existing.toRealPath().startsWith(rootReal)) {
            throw new CorruptPackException("restoring into " + dir + " would follow a link out of " + rootReal);
        }
    }

    private static void deleteChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path child : (Iterable<Path>) s::iterator) {
                deleteTree(child);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
