package io.github.ghacache.maven;

import io.github.ghacache.pack.CorruptPackException;
import io.github.ghacache.pack.MemberExtractor;
import io.github.ghacache.pack.PackFormat;
import io.github.ghacache.pack.PackMember;
import io.github.ghacache.report.ModuleReport;
import io.github.ghacache.storage.StorageException;
import io.github.ghacache.storage.StoredPack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.lifecycle.LifecycleExecutionException;

/** Puts a pack's module member into the build directory: checked first, then unpacked all or nothing. */
final class MemberRestore {
    /** The one member of a mode=min pack: the module's build directory. */
    static final String MEMBER = "module";

    @FunctionalInterface
    private interface Source {
        InputStream open() throws IOException, StorageException;
    }

    private final BuildCacheSession cache;
    private final ModuleReport report;
    private final Path buildDir;

    MemberRestore(BuildCacheSession cache, ModuleReport report, Path buildDir) {
        this.cache = cache;
        this.report = report;
        this.buildDir = buildDir;
    }

    /** False (after a warning, or a thrown failure with failOnError) when the member cannot be used. */
    boolean restore(StoredPack pack, PackFormat.ReadIndex index) throws LifecycleExecutionException {
        PackMember member = index.index().member(MEMBER);
        long start = index.dataOffset() + member.offset;
        Path download = null;
        try {
            if (member.offset < 0 || member.length < 0 || start + member.length > pack.size()) {
                throw new CorruptPackException("member '" + MEMBER + "' lies outside the pack");
            }
            Source source;
            if (pack.isLocal()) {
                // a file here: read it twice rather than copy it
                source = () -> pack.openRange(start, member.length);
            } else {
                // over the network: fetch once (in parallel ranges), then check and unpack the local copy
                download = Files.createTempFile(cache.storage.tempDir(), "member-", ".tar.zst");
                pack.copyRange(start, member.length, download);
                Path local = download;
                source = () -> Files.newInputStream(local);
            }
            try (InputStream in = source.open()) {
                MemberExtractor.verify(in, member);
            }
            try (InputStream in = source.open()) {
                report.filesRestored = MemberExtractor.extract(in, member, buildDir, MemberExtractor.Limits.DEFAULT);
            }
            report.bytesDown += member.length;
            return true;
        } catch (CorruptPackException e) {
            cache.storage.invalidate(pack);
            cache.failed(report, "restore the pack " + describe(pack), "the module is rebuilt", e);
            return false;
        } catch (StorageException | IOException e) {
            cache.failed(report, "restore from the cache", "the module is rebuilt", e);
            return false;
        } finally {
            ModuleSave.deleteQuietly(download);
        }
    }

    static String describe(StoredPack pack) {
        return pack == null ? "" : (pack.key() != null ? pack.key() : pack.toString());
    }
}
