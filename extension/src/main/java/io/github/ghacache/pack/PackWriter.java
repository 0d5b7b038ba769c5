package io.github.ghacache.pack;

import com.github.luben.zstd.ZstdOutputStream;
import io.github.ghacache.fingerprint.Digests;
import io.github.ghacache.fingerprint.FileTreeHasher;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a pack: each member a zstd-compressed tar (of a folder, or of chosen files of a folder, or the
 * bytes of a member of an earlier pack, copied as they are), then the index in front of them.
 */
public final class PackWriter {
    /** zstd level 3: its default, several hundred MB/s per core with a good ratio for class files. */
    private static final int LEVEL = 3;

    /** Where a member's bytes come from, and the member's name. */
    public sealed interface Source permits MemberSource, SelectedFiles, CopiedMember {
        String name();
    }

    /** A folder to pack as one member; {@code skipDir} answers true for sub-folders to leave out. */
    public record MemberSource(String name, Path dir, Predicate<Path> skipDir) implements Source {}

    /** Some files and folders of {@code dir}, by relative path ('/' separators): what one step wrote. */
    public record SelectedFiles(String name, Path dir, List<String> paths) implements Source {}

    /**
     * A member of an earlier pack, already compressed and checked: {@code bytes} holds exactly its compressed
     * bytes, {@code meta} its index entry (name and offset are rewritten). Reusing it costs no compression.
     */
    public record CopiedMember(String name, PackMember meta, Path bytes) implements Source {}

    private PackWriter() {}

    /**
     * Writes the pack into {@code tempDir} and returns its path; fills {@code index.members}. The caller moves
     * or deletes the file. One pass: the members go straight into the pack after a head of the largest size
     * the index can take once their figures are known, and the head is written last, its JSON padded with
     * spaces to that size (so no member is ever copied from a temporary file).
     */
    public static Path write(Path tempDir, PackIndex index, List<? extends Source> sources) throws IOException {
        Files.createDirectories(tempDir);
        index.members = new ArrayList<>();
        for (Source source : sources) {
            index.members.add(widest(source));
        }
        int headLength = PackFormat.head(index).length;
        index.members = new ArrayList<>();
        Path pack = Files.createTempFile(tempDir, "pack-", ".pack");
        try (FileChannel out = FileChannel.open(pack, StandardOpenOption.WRITE)) {
            out.position(headLength);
            long offset = 0;
            for (Source source : sources) {
                PackMember m;
                if (source instanceof CopiedMember c) {
                    m = copyOf(c.meta());
                    m.name = c.name();
                    copyInto(c, out);
                } else if (source instanceof MemberSource t) {
                    m = writeMember(t.name(), t.dir(), listSorted(t.dir(), t.skipDir()), out);
                } else {
                    SelectedFiles f = (SelectedFiles) source;
                    m = writeMember(f.name(), f.dir(), selected(f), out);
                }
                m.offset = offset;
                offset += m.length;
                index.members.add(m);
            }
            ByteBuffer head = ByteBuffer.wrap(PackFormat.head(index, headLength));
            while (head.hasRemaining()) { // a positional write may write less (a full disk): go on until it fails
                out.write(head, head.position());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(pack);
            throw e;
        }
        return pack;
    }

    /** The member's index entry with every figure at its longest: what the head is sized for. */
    private static PackMember widest(Source source) {
        PackMember m = source instanceof CopiedMember c ? copyOf(c.meta()) : new PackMember();
        m.name = source.name();
        m.offset = Long.MAX_VALUE;
        m.length = Long.MAX_VALUE;
        m.size = Long.MAX_VALUE;
        m.files = Integer.MAX_VALUE;
        m.sha256 = "0".repeat(64);
        return m;
    }

    private static void copyInto(CopiedMember c, FileChannel out) throws IOException {
        try (FileChannel in = FileChannel.open(c.bytes(), StandardOpenOption.READ)) {
            long size = in.size();
            if (size != c.meta().length) {
                throw new IOException("member '" + c.name() + "' to reuse has " + size + " bytes, not "
                        + c.meta().length);
            }
            ChannelCopy.copy(in, 0, size, out, "member '" + c.name() + "' to reuse");
        }
    }

    private static PackMember copyOf(PackMember from) {
        PackMember m = new PackMember();
        m.name = from.name;
        m.root = from.root;
        m.codec = from.codec;
        m.length = from.length;
        m.size = from.size;
        m.files = from.files;
        m.sha256 = from.sha256;
        return m;
    }

    /** The chosen paths that still exist as files or folders (not links), sorted like a folder walk. */
    private static List<Path> selected(SelectedFiles s) {
        List<Path> out = new ArrayList<>();
        for (String rel : new java.util.TreeSet<>(s.paths())) {
            Path p = s.dir().resolve(rel);
            if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                out.add(p);
            }
        }
        out.sort((a, b) -> FileTreeHasher.relative(s.dir(), a).compareTo(FileTreeHasher.relative(s.dir(), b)));
        return out;
    }

    /** Writes one member at the channel's position (the channel stays open). */
    private static PackMember writeMember(String name, Path dir, List<Path> entries, FileChannel target)
            throws IOException {
        PackMember m = new PackMember();
        m.name = name;
        MessageDigest md = Digests.sha256();
        long[] compressed = {0};
        OutputStream file = new BufferedOutputStream(unclosable(target), 1 << 16);
        OutputStream counting = new FilterOutputStream(file) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                md.update(b, off, len);
                compressed[0] += len;
                out.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
        byte[] copyBuffer = new byte[1 << 16]; // fewer, larger calls into zstd than Files.copy's 8 KB
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(counting, LEVEL))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path p : entries) {
                String entryName = FileTreeHasher.relative(dir, p);
                if (Files.isDirectory(p)) {
                    TarArchiveEntry e = new TarArchiveEntry(entryName + "/");
                    e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
                    e.setModTime(0);
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                } else {
                    long size = Files.size(p);
                    TarArchiveEntry e = new TarArchiveEntry(entryName);
                    e.setSize(size);
                    e.setMode(Files.isExecutable(p) ? 0100755 : 0100644);
                    e.setModTime(0);
                    tar.putArchiveEntry(e);
                    try (InputStream in = Files.newInputStream(p)) {
                        for (int n; (n = in.read(copyBuffer)) > 0; ) {
                            tar.write(copyBuffer, 0, n);
                        }
                    }
                    tar.closeArchiveEntry();
                    m.files++;
                    m.size += size;
                }
            }
        }
        m.length = compressed[0];
        m.sha256 = Digests.hex(md.digest());
        return m;
    }

    /** Writes to the channel; closing the stream leaves the channel open for the next member. */
    private static OutputStream unclosable(FileChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
        };
    }

    /** Regular files and folders under dir, sorted so that equal trees give equal bytes; links are skipped. */
    private static List<Path> listSorted(Path dir, Predicate<Path> skipDir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (d.equals(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                if (skipDir.test(d)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                out.add(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    out.add(f);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort((a, b) -> FileTreeHasher.relative(dir, a).compareTo(FileTreeHasher.relative(dir, b)));
        return out;
    }
}
