package io.github.ghacache.maven;

import io.github.ghacache.pack.PackFormat;
import io.github.ghacache.pack.PackIndex;
import io.github.ghacache.pack.PackWriter;
import io.github.ghacache.pack.StepRecord;
import io.github.ghacache.report.ModuleReport;
import io.github.ghacache.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.lifecycle.LifecycleExecutionException;

/** Writes a module's pack and stores it: at once for a local store, in the background for the service. */
final class ModuleSave {
    /** Our report folder, directly under the top-level build directory, is never part of a pack. */
    private static final String REPORT_DIR = "gha-cache";

    private final BuildCacheSession cache;
    private final ModuleReport report;
    private final Path buildDir;

    ModuleSave(BuildCacheSession cache, ModuleReport report, Path buildDir) {
        this.cache = cache;
        this.report = report;
        this.buildDir = buildDir;
    }

    /**
     * Saves one pack. With {@code outputs} (mode=max, one source per record: the files the step wrote or the
     * member it was restored from), each step gets a member of its own; without, one member holds the whole
     * build directory.
     */
    void save(String key, String prefix, List<StepRecord> records, Map<String, String> inputs,
            List<PackWriter.Source> outputs) throws LifecycleExecutionException {
        if (cache.storage.savingStopped() != null) {
            return; // said once already
        }
        Path pack = null;
        try {
            PackIndex index = new PackIndex();
            index.formatVersion = PackFormat.VERSION;
            index.key = key;
            index.module = report.module;
            index.mode = cache.settings.mode().id();
            index.createdAtMillis = System.currentTimeMillis();
            index.environment = "java " + Runtime.version().feature() + ", " + KeyCalculator.osFamily();
            index.steps = records;
            index.inputs = inputs;
            List<? extends PackWriter.Source> sources = outputs == null
                    ? List.of(new PackWriter.MemberSource(MemberRestore.MEMBER, buildDir, d -> notPacked(buildDir, d)))
                    : perStepMembers(records, outputs);
            pack = PackWriter.write(cache.storage.tempDir(), index, sources);
            report.bytesUp = Files.size(pack);
            if (cache.storage.isRemote() && !cache.settings.failOnError()) {
                // the upload overlaps the rest of the build; the session waits for it at the end
                Path queued = pack;
                pack = null;
                report.saving = true;
                cache.saves.submit(() -> upload(key, prefix, queued));
            } else {
                cache.report.countCall();
                report.saved = cache.storage.save(key, prefix, pack);
                if (!report.saved) {
                    report.bytesUp = 0;
                }
            }
        } catch (StorageException | IOException e) {
            report.bytesUp = 0;
            cache.failed(report, "save to the cache", "the build goes on without saving this module", e);
        } finally {
            deleteQuietly(pack);
        }
    }

    /** Runs on the upload pool; a failure is a warning, the build has moved on. */
    private void upload(String key, String prefix, Path pack) {
        try {
            if (cache.storage.savingStopped() == null) {
                cache.report.countCall();
                report.saved = cache.storage.save(key, prefix, pack);
            }
            if (!report.saved) {
                report.bytesUp = 0;
            }
        } catch (StorageException e) {
            report.bytesUp = 0;
            cache.failedLate(report, "save to the cache", "this module was not saved", e);
        } finally {
            report.saving = false;
            deleteQuietly(pack);
        }
    }

    /** Names the members step-1, step-2, ... in plan order; a source shared by several steps is written once. */
    private static List<PackWriter.Source> perStepMembers(List<StepRecord> records, List<PackWriter.Source> outputs) {
        Map<PackWriter.Source, String> names = new IdentityHashMap<>();
        List<PackWriter.Source> sources = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            PackWriter.Source s = outputs.get(i);
            String name = names.get(s);
            if (name == null) {
                name = "step-" + (names.size() + 1);
                names.put(s, name);
                sources.add(s instanceof PackWriter.SelectedFiles f
                        ? new PackWriter.SelectedFiles(name, f.dir(), f.paths())
                        : new PackWriter.CopiedMember(name, ((PackWriter.CopiedMember) s).meta(),
                                ((PackWriter.CopiedMember) s).bytes()));
            }
            records.get(i).member = name;
        }
        return sources;
    }

    /** Folders of the build directory that are ours, never a step's output. */
    static boolean notPacked(Path buildDir, Path dir) {
        String name = dir.getFileName().toString();
        return name.startsWith(".gha-cache-restore-") || (name.equals(REPORT_DIR) && buildDir.equals(dir.getParent()));
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file, swept with its folder
            }
        }
    }
}
