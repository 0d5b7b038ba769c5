package io.github.ghacache.pack;

import com.github.luben.zstd.ZstdOutputStream;
import io.github.ghacache.fingerprint.Digests;
import io.github.ghacache.fingerprint.FileTreeHasher;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

/** Writes a pack: each member a zstd-compressed tar of one folder, then the index in front of them. */
public final class PackWriter {
    /** zstd level 3: its default, several hundred MB/s per core with a good ratio for class files. */
    private static final int LEVEL = 3;

    /** A folder to pack as one member; {@code skipDir} answers true for sub-folders to leave out. */
    public record MemberSource(String name, Path dir, Predicate<Path> skipDir) {}

    private PackWriter() {}

    /**
     * Writes the pack into {@code tempDir} and returns its path; fills {@code index.members}. The caller moves
     * or deletes the file.
     */
    public static Path write(Path tempDir, PackIndex index, List<MemberSource> sources) throws IOException {
        Files.createDirectories(tempDir);
        List<Path> memberFiles = new ArrayList<>();
        try {
            long offset = 0;
            index.members = new ArrayList<>();
            for (MemberSource source : sources) {
                Path tmp = Files.createTempFile(tempDir, "member-", ".tar.zst");
                memberFiles.add(tmp);
                PackMember m = writeMember(source, tmp);
                m.offset = offset;
                offset += m.length;
                index.members.add(m);
            }
            Path pack = Files.createTempFile(tempDir, "pack-", ".pack");
            try (FileChannel out = FileChannel.open(pack, StandardOpenOption.WRITE)) {
                byte[] head = PackFormat.head(index);
                out.write(java.nio.ByteBuffer.wrap(head));
                for (Path f : memberFiles) {
                    try (FileChannel in = FileChannel.open(f, StandardOpenOption.READ)) {
                        long size = in.size();
                        for (long done = 0; done < size; ) {
                            done += in.transferTo(done, size - done, out);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(pack);
                throw e;
            }
            return pack;
        } finally {
            for (Path f : memberFiles) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static PackMember writeMember(MemberSource source, Path target) throws IOException {
        PackMember m = new PackMember();
        m.name = source.name();
        List<Path> entries = listSorted(source.dir(), source.skipDir());
        MessageDigest md = Digests.sha256();
        long[] compressed = {0};
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
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
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(counting, LEVEL))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path p : entries) {
                String name = FileTreeHasher.relative(source.dir(), p);
                if (Files.isDirectory(p)) {
                    TarArchiveEntry e = new TarArchiveEntry(name + "/");
                    e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
                    e.setModTime(0);
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                } else {
                    long size = Files.size(p);
                    TarArchiveEntry e = new TarArchiveEntry(name);
                    e.setSize(size);
                    e.setMode(Files.isExecutable(p) ? 0100755 : 0100644);
                    e.setModTime(0);
                    tar.putArchiveEntry(e);
                    Files.copy(p, tar);
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
