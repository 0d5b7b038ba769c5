package io.github.ghacache.maven;

import io.github.ghacache.fingerprint.InputDiff;
import io.github.ghacache.fingerprint.InputItem;
import io.github.ghacache.fingerprint.InputManifest;
import io.github.ghacache.fingerprint.ModuleKeys;
import io.github.ghacache.fingerprint.PathNormalizer;
import io.github.ghacache.pack.CorruptPackException;
import io.github.ghacache.pack.PackFormat;
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
            keys = new KeyCalculator(session, cache.settings, resolver, cache.dependencyDigester)
                    .compute(project, plan, normalizer);
        } catch (Exception e) {
            report.outcome(Outcome.OFF, "keys unavailable");
            cacheNanos += System.nanoTime() - t0;
            cache.failed(report, "compute the cache key", "the module builds without the cache", e);
            runAll(plan);
            return;
        }
        logInputs(keys);
        inputs = InputManifest.of(keys.base(), keys.steps());
        String prefix = CacheKeys.prefix(cache.settings.scope(), project.getGroupId(), project.getArtifactId());
        String key = CacheKeys.key(prefix, keys.keys().moduleKey());
        List<String> stepKeys = keys.keys().orderedKeys();
        report.key = keys.keys().moduleKey();
        report.cacheableSteps = stepKeys.size();

        Found found = cache.report.restoreEnabled ? lookup(key, prefix, stepKeys) : Found.NONE;
        cacheNanos += System.nanoTime() - t0;
        RestorePlanner.Decision decision = found.decision;
        boolean restored = false;
        boolean anyRan = false;
        int cacheableIndex = 0;
        List<StepRecord> records = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            PlannedStep step = plan.get(i);
            if (step.kind() == StepKind.CACHEABLE) {
                String stepKey = keys.keys().cacheableStepKeys().get(step.id());
                boolean covered = decision != null && cacheableIndex < decision.restoredSteps();
                cacheableIndex++;
                if (covered && !restored) {
                    long t = System.nanoTime();
                    restored = new MemberRestore(cache, report, buildDir).restore(found.pack, found.index);
                    cacheNanos += System.nanoTime() - t;
                    if (!restored) {
                        found = new Found(null, null, null, false, "pack unusable");
                        decision = null;
                        covered = false;
                    }
                }
                if (covered) {
                    StepRecord r = decision.recordsByKey().get(stepKey);
                    ProjectModelState.replay(r.effects, project, projectHelper, normalizer);
                    if (step.mojo().getLifecyclePhase() != null) {
                        project.addLifecyclePhase(step.mojo().getLifecyclePhase());
                    }
                    report.step(step.id(), StepOutcome.RESTORED, 0, r.durationMs);
                    reportRestoredTests(step);
                    records.add(new StepRecord(step.id(), stepKey, MemberRestore.MEMBER, r.durationMs, r.effects));
                } else {
                    ProjectModelState before = ProjectModelState.capture(project);
                    long start = System.nanoTime();
                    runner.run(step.mojo());
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    records.add(new StepRecord(step.id(), stepKey, MemberRestore.MEMBER, ms,
                            before.effectsSince(project, normalizer)));
                    report.step(step.id(), StepOutcome.RAN, ms, null);
                    anyRan = true;
                }
                if (i == lastCacheable) {
                    finishOutcome(decision, found, stepKeys.size());
                    if (anyRan && cache.report.saveEnabled) {
                        long t = System.nanoTime();
                        new ModuleSave(cache, report, buildDir).save(key, prefix, records, inputs);
                        cacheNanos += System.nanoTime() - t;
                    }
                }
            } else {
                long start = System.nanoTime();
                runner.run(step.mojo());
                report.step(step.id(), StepOutcome.NOT_CACHEABLE, (System.nanoTime() - start) / 1_000_000, null);
            }
        }
        report.cacheMs = cacheNanos / 1_000_000;
        LOG.info(ConsoleFormat.moduleLine(report, cache.nameWidth));
        if (report.restoredTests != null) {
            LOG.info(ConsoleFormat.testsLine(report.module, cache.nameWidth, report.restoredTests));
        }
    }

    private void finishOutcome(RestorePlanner.Decision decision, Found found, int total) {
        int restoredSteps = decision == null ? 0 : decision.restoredSteps();
        report.restoredSteps = restoredSteps;
        if (restoredSteps == total) {
            report.outcome(Outcome.HIT, found.exact ? "exact key" : decision.reason());
            return;
        }
        if (restoredSteps > 0) {
            report.outcome(Outcome.PARTIAL, decision.reason());
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

    private record Found(StoredPack pack, PackFormat.ReadIndex index, RestorePlanner.Decision decision,
            boolean exact, String reason) {
        static final Found NONE = new Found(null, null, null, false, "restore disabled");
    }

    private Found lookup(String key, String prefix, List<String> stepKeys) throws LifecycleExecutionException {
        StoredPack pack = null;
        if (cache.storage.unavailable() != null) {
            return new Found(null, null, null, false, "cache unavailable: " + cache.storage.unavailable());
        }
        try {
            cache.report.countCall();
            Optional<StoredPack> hit = cache.storage.lookup(key, prefix);
            if (hit.isEmpty()) {
                return new Found(null, null, null, false, "no pack of this module");
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
            return new Found(pack, index, d.none() ? null : d, exact, d.none() ? d.reason() : null);
        } catch (CorruptPackException e) {
            if (pack != null) {
                cache.storage.invalidate(pack);
            }
            cache.failed(report, "read the pack " + MemberRestore.describe(pack), "the module is rebuilt", e);
            return new Found(null, null, null, false, "corrupt pack");
        } catch (StorageException | IOException e) {
            cache.failed(report, "look up the cache", "the module is rebuilt", e);
            return new Found(null, null, null, false, "lookup failed");
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
