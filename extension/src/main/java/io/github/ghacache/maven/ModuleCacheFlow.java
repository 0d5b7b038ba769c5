package io.github.ghacache.maven;

import io.github.ghacache.config.Mode;
import io.github.ghacache.fingerprint.Fingerprint;
import io.github.ghacache.fingerprint.InputDiff;
import io.github.ghacache.fingerprint.OutputSnapshot;
import io.github.ghacache.fingerprint.InputItem;
import io.github.ghacache.fingerprint.InputManifest;
import io.github.ghacache.fingerprint.ModuleKeys;
import io.github.ghacache.fingerprint.PathNormalizer;
import io.github.ghacache.pack.CorruptPackException;
import io.github.ghacache.pack.PackFormat;
import io.github.ghacache.pack.PackMember;
import io.github.ghacache.pack.PackWriter;
import io.github.ghacache.pack.RestorePlanner;
import io.github.ghacache.pack.StepRecord;
import io.github.ghacache.report.ConsoleFormat;
import io.github.ghacache.report.ModuleReport;
import io.github.ghacache.report.Outcome;
import io.github.ghacache.report.StepOutcome;
import io.github.ghacache.report.TestTotals;
import io.github.ghacache.storage.CacheKeys;
import io.github.ghacache.storage.StorageException;
import io.github.ghacache.storage.StoredPack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.plugin.MojoExecutionRunner;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One module through the cache: compute keys, look the pack up, then walk the plan in order, restoring
 * covered cacheable steps and running the rest, and save one pack right after the last cacheable step.
 */
final class ModuleCacheFlow {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleCacheFlow.class);

    private final BuildCacheSession cache;
    private final MavenSession session;
    private final MavenProject project;
    private final MojoExecutionRunner runner;
    private final ProjectDependenciesResolver resolver;
    private final MavenProjectHelper projectHelper;
    private final ModuleReport report;
    private final PathNormalizer normalizer;
    private final Path buildDir;
    private long cacheNanos;
    private Map<String, String> inputs = Map.of();
    /** How many reasons report.json keeps for a miss. */
    private static final int REASONS_KEPT = 50;

    ModuleCacheFlow(BuildCacheSession cache, MavenSession session, MojoExecutionRunner runner,
            ProjectDependenciesResolver resolver, MavenProjectHelper projectHelper) {
        this.cache = cache;
        this.session = session;
        this.project = session.getCurrentProject();
        this.runner = runner;
        this.resolver = resolver;
        this.projectHelper = projectHelper;
        this.report = cache.report.module(project.getGroupId() + ":" + project.getArtifactId());
        this.report.backend = cache.storage.name();
        this.normalizer = cache.normalizerFor(project);
        this.buildDir = Path.of(project.getBuild().getDirectory());
    }

    void execute(List<PlannedStep> plan) throws LifecycleExecutionException {
        try {
            walk(plan);
        } catch (LifecycleExecutionException | RuntimeException e) {
            if (report.outcome() == null) {
                report.outcome(Outcome.MISS, "a step failed");
            }
            throw e;
        }
    }

    private void walk(List<PlannedStep> plan) throws LifecycleExecutionException {
        int lastCacheable = PlannedStep.lastCacheable(plan);
        if (lastCacheable < 0) {
            report.outcome(Outcome.OFF, "no cacheable steps");
            runAll(plan);
            return;
        }
        long t0 = System.nanoTime();
        KeyCalculator.Result keys;
        try {
            keys = new KeyCalculator(session, cache.settings, resolver, cache.dependencyDigester, cache.systemInputs,
                    cache.reactor)
                    .compute(project, plan, normalizer);
        } catch (Exception e) {
            report.outcome(Outcome.OFF, "keys unavailable");
            cacheNanos += System.nanoTime() - t0;
            cache.failed(report, "compute the cache key", "the module builds without the cache", e);
            runAll(plan);
            return;
        }
        report.keysMs = (System.nanoTime() - t0) / 1_000_000;
        logInputs(keys);
        inputs = InputManifest.of(keys.base(), keys.steps());
        String prefix = CacheKeys.prefix(cache.settings.scope(), project.getGroupId(), project.getArtifactId());
        String key = CacheKeys.key(prefix, keys.keys().moduleKey());
        List<String> stepKeys = keys.keys().orderedKeys();
        report.key = keys.keys().moduleKey();
        report.cacheableSteps = stepKeys.size();

        long tLookup = System.nanoTime();
        Found found = cache.report.restoreEnabled ? lookup(key, prefix, stepKeys) : Found.NONE;
        report.lookupMs = (System.nanoTime() - tLookup) / 1_000_000;
        cacheNanos += System.nanoTime() - t0;
        boolean max = cache.settings.mode() == Mode.MAX;
        StepInputKeys inputKeys = max
                ? new StepInputKeys(session, cache.settings, project, normalizer, keys, cache.systemInputs,
                        d -> ModuleSave.notPacked(buildDir, d))
                : null;
        RestorePlanner.Decision decision = found.decision;
        Map<String, StepRecord> reusable = found.reusable;
        Boolean cleanStart = null;
        boolean leadRestored = false;
        boolean anyRan = false;
        int cacheableIndex = 0;
        int restoredSteps = 0;
        List<StepRecord> records = new ArrayList<>();
        List<PackWriter.Source> outputs = new ArrayList<>();
        Map<String, PackWriter.CopiedMember> reused = new HashMap<>();
        Map<String, Path> kept = new HashMap<>();
        try {
            for (int i = 0; i < plan.size(); i++) {
                PlannedStep step = plan.get(i);
                if (cleanStart == null && step.kind() != StepKind.NEUTRAL) {
                    // after clean (if planned) and before anything writes: may steps' outputs be told apart?
                    cleanStart = max && isEmpty(buildDir);
                }
                if (step.kind() != StepKind.CACHEABLE) {
                    long start = System.nanoTime();
                    runOrSavePartial(step, key, prefix, keys, records, outputs, cleanStart, anyRan);
                    report.step(step.id(), StepOutcome.NOT_CACHEABLE, (System.nanoTime() - start) / 1_000_000, null);
                    continue;
                }
                String stepKey = keys.keys().cacheableStepKeys().get(step.id());
                boolean covered = decision != null && cacheableIndex < decision.restoredSteps();
                cacheableIndex++;
                if (covered && !leadRestored) {
                    leadRestored = true;
                    Map<String, Path> got = restoreMembers(found, decision.members(), max && !decision.full());
                    if (got == null) {
                        found = Found.none("pack unusable");
                        decision = null;
                        reusable = Map.of();
                        covered = false;
                    } else {
                        kept.putAll(got);
                    }
                }
                if (covered) {
                    StepRecord r = decision.recordsByKey().get(stepKey);
                    restored(step, r);
                    restoredSteps++;
                    records.add(new StepRecord(step.id(), stepKey, r.member, r.durationMs, r.effects)
                            .withInputKey(r.inputKey));
                    outputs.add(max ? reuse(found.index, r.member, kept, reused) : null);
                } else {
                    String inputKey = max ? inputKeyOf(inputKeys, step) : null;
                    StepRecord match = inputKey == null ? null : reusable.get(step.id());
                    Map<String, Path> got = null;
                    if (match != null && inputKey.equals(match.inputKey)) {
                        got = restoreMembers(found, List.of(found.index.index().member(match.member)), true);
                        if (got == null) {
                            found = Found.none("pack unusable");
                            reusable = Map.of();
                        }
                    }
                    if (got != null) {
                        kept.putAll(got);
                        restored(step, match);
                        restoredSteps++;
                        records.add(new StepRecord(step.id(), stepKey, match.member, match.durationMs, match.effects)
                                .withInputKey(inputKey));
                        outputs.add(reuse(found.index, match.member, kept, reused));
                    } else {
                        OutputSnapshot before = Boolean.TRUE.equals(cleanStart) ? snapshot() : null;
                        ProjectModelState model = ProjectModelState.capture(project);
                        long start = System.nanoTime();
                        runOrSavePartial(step, key, prefix, keys, records, outputs, cleanStart, anyRan);
                        long ms = (System.nanoTime() - start) / 1_000_000;
                        records.add(new StepRecord(step.id(), stepKey, MemberRestore.MEMBER, ms,
                                model.effectsSince(project, normalizer)).withInputKey(inputKey));
                        OutputSnapshot after = before == null ? null : snapshot();
                        outputs.add(after == null ? null
                                : new PackWriter.SelectedFiles("step", buildDir, before.changedIn(after)));
                        report.step(step.id(), StepOutcome.RAN, ms, null);
                        anyRan = true;
                    }
                }
                if (i == lastCacheable) {
                    finishOutcome(restoredSteps, decision, found, stepKeys.size());
                    if (anyRan && cache.report.saveEnabled) {
                        long t = System.nanoTime();
                        new ModuleSave(cache, report, buildDir).save(key, prefix, records, inputs,
                                perStepLayout(cleanStart, outputs));
                        cacheNanos += System.nanoTime() - t;
                        report.saveMs += (System.nanoTime() - t) / 1_000_000;
                    }
                }
            }
        } finally {
            MemberRestore.deleteAll(kept);
        }
        report.cacheMs = cacheNanos / 1_000_000;
        LOG.info(ConsoleFormat.moduleLine(report, cache.nameWidth));
        if (report.restoredTests != null) {
            LOG.info(ConsoleFormat.testsLine(report.module, cache.nameWidth, report.restoredTests));
        }
    }

    /** Restores members of the found pack, counting the time as restore time (see {@link MemberRestore}). */
    private Map<String, Path> restoreMembers(Found found, List<PackMember> members, boolean keep)
            throws LifecycleExecutionException {
        long t = System.nanoTime();
        try {
            return new MemberRestore(cache, report, buildDir).restore(found.pack, found.index, members, keep);
        } finally {
            long spent = System.nanoTime() - t;
            cacheNanos += spent;
            report.restoreMs += spent / 1_000_000;
        }
    }

    /** Replays a restored step's effects on the model, as if it had run. */
    private void restored(PlannedStep step, StepRecord r) {
        ProjectModelState.replay(r.effects, project, projectHelper, normalizer);
        if (step.mojo().getLifecyclePhase() != null) {
            project.addLifecyclePhase(step.mojo().getLifecyclePhase());
        }
        report.step(step.id(), StepOutcome.RESTORED, 0, r.durationMs);
        reportRestoredTests(step);
    }

    /** The bytes of a restored member, for the new pack; one source per member, however many steps share it. */
    private static PackWriter.Source reuse(PackFormat.ReadIndex index, String member, Map<String, Path> kept,
            Map<String, PackWriter.CopiedMember> reused) {
        Path bytes = kept.get(member);
        if (bytes == null) {
            return null;
        }
        return reused.computeIfAbsent(member, m -> new PackWriter.CopiedMember(m, index.index().member(m), bytes));
    }

    /** One member per step when every step's outputs are known apart; else the whole build directory. */
    private static List<PackWriter.Source> perStepLayout(Boolean cleanStart, List<PackWriter.Source> outputs) {
        return Boolean.TRUE.equals(cleanStart) && !outputs.contains(null) ? outputs : null;
    }

    /**
     * Runs a step. When it fails in mode=max, the steps finished before it are saved first (under a key the
     * exact lookup never finds), so fixing a failing test reruns only what the fix touches.
     */
    private void runOrSavePartial(PlannedStep step, String key, String prefix, KeyCalculator.Result keys,
            List<StepRecord> records, List<PackWriter.Source> outputs, Boolean cleanStart, boolean anyRan)
            throws LifecycleExecutionException {
        try {
            runner.run(step.mojo());
        } catch (LifecycleExecutionException | RuntimeException e) {
            List<PackWriter.Source> layout = perStepLayout(cleanStart, outputs);
            if (anyRan && layout != null && !records.isEmpty() && cache.report.saveEnabled) {
                new ModuleSave(cache, report, buildDir).save(
                        CacheKeys.partialKey(prefix, keys.keys().moduleKey()), prefix, records, inputs, layout);
            }
            throw e;
        }
    }

    private String inputKeyOf(StepInputKeys inputKeys, PlannedStep step) throws LifecycleExecutionException {
        long t = System.nanoTime();
        try {
            Fingerprint f = inputKeys.keyOf(step);
            if (LOG.isDebugEnabled()) {
                String name = ConsoleFormat.TAG + ":" + project.getArtifactId() + " step " + step.id();
                for (InputItem item : f.items()) {
                    LOG.debug(name + " reads " + item.name() + " = " + item.value());
                }
                LOG.debug(name + " input key " + f.hex());
            }
            return f.hex();
        } catch (IOException | RuntimeException e) {
            cache.failed(report, "compute the key of step " + step.id(), "the step runs", e);
            return null;
        } finally {
            cacheNanos += System.nanoTime() - t;
            report.keysMs += (System.nanoTime() - t) / 1_000_000;
        }
    }

    /** Null when the folder cannot be listed: the pack then holds the whole build directory. */
    private OutputSnapshot snapshot() throws LifecycleExecutionException {
        long t = System.nanoTime();
        try {
            return OutputSnapshot.take(buildDir, d -> ModuleSave.notPacked(buildDir, d));
        } catch (IOException | RuntimeException e) {
            cache.failed(report, "list the build directory", "this module is saved as a whole", e);
            return null;
        } finally {
            cacheNanos += System.nanoTime() - t;
        }
    }

    private boolean isEmpty(Path dir) {
        try {
            return OutputSnapshot.take(dir, d -> ModuleSave.notPacked(dir, d)).holdsNoFiles();
        } catch (IOException e) {
            return false;
        }
    }

    private void finishOutcome(int restoredSteps, RestorePlanner.Decision decision, Found found, int total) {
        report.restoredSteps = restoredSteps;
        int lead = decision == null ? 0 : decision.restoredSteps();
        String why = restoredSteps == lead ? (decision == null ? null : decision.reason())
                : lead > 0 ? decision.reason() + ", " + (restoredSteps - lead) + " more by their own inputs"
                : restoredSteps + " steps match by their own inputs";
        if (restoredSteps == total) {
            report.outcome(Outcome.HIT, found.exact ? "exact key" : why);
            return;
        }
        if (restoredSteps > 0) {
            report.outcome(Outcome.PARTIAL, why);
        } else {
            report.outcome(Outcome.MISS, found.reason != null ? found.reason : "no usable pack");
        }
        if (found.index != null && found.index.index().inputs != null) {
            List<String> diff = InputDiff.between(found.index.index().inputs, inputs);
            if (!diff.isEmpty()) {
                report.missReasons = diff.subList(0, Math.min(REASONS_KEPT, diff.size()));
            }
        }
    }

    /** Prints and records the totals of restored test reports, so a hit still shows what it stands on. */
    private void reportRestoredTests(PlannedStep step) {
        String a = step.mojo().getArtifactId();
        String dir = a.equals("maven-surefire-plugin") ? "surefire-reports"
                : a.equals("maven-failsafe-plugin") ? "failsafe-reports" : null;
        if (dir == null) {
            return;
        }
        TestTotals totals = TestTotals.readReports(buildDir.resolve(dir));
        report.restoredTests = report.restoredTests == null ? totals : report.restoredTests.plus(totals);
    }

    /** The pack found, what of it restores the plan's lead, and which later steps may match it one by one. */
    private record Found(StoredPack pack, PackFormat.ReadIndex index, RestorePlanner.Decision decision,
            Map<String, StepRecord> reusable, boolean exact, String reason) {
        static final Found NONE = none("restore disabled");

        static Found none(String reason) {
            return new Found(null, null, null, Map.of(), false, reason);
        }
    }

    private Found lookup(String key, String prefix, List<String> stepKeys) throws LifecycleExecutionException {
        StoredPack pack = null;
        if (cache.storage.unavailable() != null) {
            return Found.none("cache unavailable: " + cache.storage.unavailable());
        }
        try {
            Optional<StoredPack> newest = cache.prefetch == null ? null
                    : cache.prefetch.newest(prefix, cache.deadline.remainingMillis());
            Optional<StoredPack> hit;
            if (newest != null && (newest.isEmpty() || key.equals(newest.get().key()))) {
                hit = newest; // no pack of this module at all, or its newest is the exact one: asked already
            } else {
                cache.report.countCall();
                hit = cache.storage.lookup(key, prefix);
            }
            if (hit.isEmpty()) {
                return Found.none("no pack of this module");
            }
            pack = hit.get();
            PackFormat.ReadIndex index;
            try (InputStream in = pack.openRange(0, Math.min(pack.size(),
                    PackFormat.HEADER_LENGTH + (long) PackFormat.MAX_INDEX_LENGTH))) {
                index = PackFormat.readHead(in);
            }
            boolean exact = key.equals(pack.key());
            String expectedKey = exact ? key : null;
            if (expectedKey != null ? !expectedKey.equals(index.index().key)
                    : index.index().key == null || !index.index().key.startsWith(prefix)) {
                throw new CorruptPackException("pack was saved under another key (" + index.index().key + ")");
            }
            if (!report.module.equals(index.index().module)) {
                throw new CorruptPackException("pack claims to hold " + index.index().module + ", not " + report.module);
            }
            RestorePlanner.Decision d = RestorePlanner.decide(report.module, stepKeys, index.index());
            return new Found(pack, index, d.none() ? null : d, d.reusableById(), exact, d.none() ? d.reason() : null);
        } catch (CorruptPackException e) {
            if (pack != null) {
                cache.storage.invalidate(pack);
            }
            cache.failed(report, "read the pack " + MemberRestore.describe(pack), "the module is rebuilt", e);
            return Found.none("corrupt pack");
        } catch (StorageException | IOException e) {
            cache.failed(report, "look up the cache", "the module is rebuilt", e);
            return Found.none("lookup failed");
        }
    }

    private void runAll(List<PlannedStep> plan) throws LifecycleExecutionException {
        for (PlannedStep step : plan) {
            long start = System.nanoTime();
            runner.run(step.mojo());
            report.step(step.id(), step.kind() == StepKind.CACHEABLE ? StepOutcome.RAN : StepOutcome.NOT_CACHEABLE,
                    (System.nanoTime() - start) / 1_000_000, null);
        }
        report.cacheMs = cacheNanos / 1_000_000;
        LOG.info(ConsoleFormat.moduleLine(report, cache.nameWidth));
    }

    private void logInputs(KeyCalculator.Result keys) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        String name = ":" + project.getArtifactId();
        for (InputItem item : keys.base().items()) {
            LOG.debug(ConsoleFormat.TAG + name + " input " + item.name() + " = " + item.value());
        }
        for (ModuleKeys.StepInput s : keys.steps()) {
            for (InputItem item : s.config().items()) {
                LOG.debug(ConsoleFormat.TAG + name + " step " + s.id() + " " + item.name() + " = " + item.value());
            }
            String k = keys.keys().cacheableStepKeys().get(s.id());
            LOG.debug(ConsoleFormat.TAG + name + " step " + s.id() + (k == null ? " (runs always)" : " key " + k));
        }
        LOG.debug(ConsoleFormat.TAG + name + " module key " + keys.keys().moduleKey());
    }
}
