package io.github.ghacache.maven;

import io.github.ghacache.pack.ChannelCopy;
import io.github.ghacache.pack.CorruptPackException;
import io.github.ghacache.pack.MemberExtractor;
import io.github.ghacache.pack.PackFormat;
import io.github.ghacache.pack.PackMember;
import io.github.ghacache.report.ModuleReport;
import io.github.ghacache.storage.StorageException;
import io.github.ghacache.storage.StoredPack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.lifecycle.LifecycleExecutionException;

/**
 * Puts members of a pack into the build directory: every member checked first, then each unpacked all or
 * nothing. Remote members are fetched with one ranged read over the span they lie in.
 */
final class MemberRestore {
    /** The one member of a mode=min pack: the module's build directory. */
    static final String MEMBER = "module";

    private final BuildCacheSession cache;
    private final ModuleReport report;
    private final Path buildDir;

    MemberRestore(BuildCacheSession cache, ModuleReport report, Path buildDir) {
        this.cache = cache;
        this.report = report;
        this.buildDir = buildDir;
    }

    /**
     * Restores {@code members} in order. With {@code keep}, returns each member's compressed bytes in a
     * temporary file (name to file; the caller deletes them) so a new pack can reuse them; otherwise an empty
     * map. Null (after a warning, or a thrown failure with failOnError) when the members cannot be used.
     */
    Map<String, Path> restore(StoredPack pack, PackFormat.ReadIndex index, List<PackMember> members, boolean keep)
            throws LifecycleExecutionException {
        Map<String, Path> files = new LinkedHashMap<>();
        boolean done = false;
        try {
            long spanStart = Long.MAX_VALUE;
            long spanEnd = 0;
            for (PackMember m : members) {
                long start = index.dataOffset() + m.offset;
                if (m.offset < 0 || m.length < 0 || start + m.length > pack.size()) {
                    throw new CorruptPackException("member '" + m.name + "' lies outside the pack");
                }
                spanStart = Math.min(spanStart, start);
                spanEnd = Math.max(spanEnd, start + m.length);
            }
            List<MemberExtractor.Source> sources = new ArrayList<>();
            if (pack.isLocal() && !keep) {
                // a file here: read each member twice (check, then unpack) rather than copy it
                for (PackMember m : members) {
                    long start = index.dataOffset() + m.offset;
                    sources.add(() -> {
                        try {
                            return pack.openRange(start, m.length);
                        } catch (StorageException e) {
                            throw new IOException(e.getMessage(), e);
                        }
                    });
                }
            } else {
                // over the network (or kept for the next pack): one ranged read of the span, one file per member
                Path span = Files.createTempFile(cache.storage.tempDir(), "members-", ".bin");
                try {
                    pack.copyRange(spanStart, spanEnd - spanStart, span);
                    for (PackMember m : members) {
                        Path f = Files.createTempFile(cache.storage.tempDir(), "member-", ".tar.zst");
                        files.put(m.name, f);
                        cut(span, index.dataOffset() + m.offset - spanStart, m.length, f);
                        sources.add(() -> Files.newInputStream(f));
                    }
                } finally {
                    ModuleSave.deleteQuietly(span);
                }
            }
            for (int i = 0; i < members.size(); i++) {
                try (InputStream in = sources.get(i).open()) {
                    MemberExtractor.verify(in, members.get(i));
                }
            }
            report.filesRestored += MemberExtractor.extractAll(members, sources, buildDir,
                    MemberExtractor.Limits.DEFAULT);
            for (PackMember m : members) {
                report.bytesDown += m.length;
            }
            done = true;
            if (!keep) {
                deleteAll(files);
                files.clear();
            }
            return files;
        } catch (CorruptPackException e) {
            cache.storage.invalidate(pack);
            cache.failed(report, "restore the pack " + describe(pack), "the module is rebuilt", e);
            return null;
        } catch (StorageException | IOException e) {
            cache.failed(report, "restore from the cache", "the module is rebuilt", e);
            return null;
        } finally {
            if (!done) {
                deleteAll(files);
            }
        }
    }

    private static void cut(Path from, long offset, long length, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(to, StandardOpenOption.WRITE)) {
            ChannelCopy.copy(in, offset, length, out, "the downloaded span");
        }
    }

    static void deleteAll(Map<String, Path> files) {
        for (Path f : new ArrayList<>(files.values())) {
            ModuleSave.deleteQuietly(f);
        }
    }

    static String describe(StoredPack pack) {
        return pack == null ? "" : (pack.key() != null ? pack.key() : pack.toString());
    }
}
