package io.github.ghacache.maven;

import io.github.ghacache.config.BackendKind;
import io.github.ghacache.config.CacheSettings;
import io.github.ghacache.config.SettingsException;
import io.github.ghacache.http.Deadline;
import io.github.ghacache.http.Redactor;
import io.github.ghacache.storage.gha.GhaRuntime;
import io.github.ghacache.storage.gha.GhaStorage;
import io.github.ghacache.report.BuildReport;
import io.github.ghacache.report.ConsoleFormat;
import io.github.ghacache.report.GitHubOutput;
import io.github.ghacache.storage.CacheStorage;
import io.github.ghacache.storage.StorageException;
import io.github.ghacache.storage.local.LocalDirStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the cache once the projects are read and closes it (summary, report) when the build ends. */
@Named("gha-cache")
@Singleton
public class GhaCacheLifecycleParticipant extends AbstractMavenLifecycleParticipant {
    private static final Logger LOG = LoggerFactory.getLogger(GhaCacheLifecycleParticipant.class);
    static final String STRATEGY_CLASS = "org.apache.maven.plugin.MojosExecutionStrategy";

    private final BuildCacheSessions sessions;
    private final ProjectDependenciesResolver resolver;

    @Inject
    public GhaCacheLifecycleParticipant(BuildCacheSessions sessions, ProjectDependenciesResolver resolver) {
        this.sessions = sessions;
        this.resolver = resolver;
    }

    @Override
    public void afterProjectsRead(MavenSession session) throws MavenExecutionException {
        sessions.set(null);
        if (!hasStrategyHook()) {
            return; // OldMavenNotice says why
        }
        CacheSettings settings;
        try {
            settings = CacheSettings.from(name -> property(session, name), Path.of(System.getProperty("user.home")));
        } catch (SettingsException e) {
            LOG.warn(ConsoleFormat.TAG + e.getMessage() + "; the build runs without the cache.");
            return;
        }
        if (!settings.enabled()) {
            LOG.info(ConsoleFormat.TAG + "disabled (gha.cache.enabled=false)");
            return;
        }
        boolean builds = RequestedGoals.mayRunCacheableSteps(session.getGoals());
        StartupWarmup.startInBackground(builds);
        Deadline deadline = Deadline.after(settings.timeout());
        BuildReport report = new BuildReport();
        Opened opened;
        try {
            opened = openStorage(settings, session, deadline, report);
        } catch (StorageException e) {
            if (settings.failOnError()) {
                throw new MavenExecutionException(ConsoleFormat.TAG + e.getMessage(), e);
            }
            LOG.warn(ConsoleFormat.TAG + e.getMessage() + "; the build runs without the cache.");
            return;
        }
        report.mode = settings.mode().id();
        report.backend = opened.storage().name();
        report.restoreEnabled = settings.restore() && opened.restoreAllowed();
        report.saveEnabled = settings.save() && opened.saveAllowed();
        BuildCacheSession cache = new BuildCacheSession(session, settings, opened.storage(), report, deadline);
        cache.prewarm = builds ? new DependencyPrewarm(session, resolver, cache.dependencyDigester, cache.reactor)
                : null;
        sessions.set(cache);
    }

    @Override
    public void afterSessionEnd(MavenSession session) {
        BuildCacheSession cache = sessions.current();
        sessions.set(null);
        if (cache == null) {
            return;
        }
        try {
            List<String> order = session.getProjects().stream()
                    .map(p -> p.getGroupId() + ":" + p.getArtifactId())
                    .collect(Collectors.toList());
            int unfinished = cache.saves.awaitAll(cache.deadline.remainingMillis());
            if (unfinished > 0) {
                String message = unfinished + " upload(s) did not finish within gha.cache.timeout ("
                        + cache.settings.timeout().toSeconds() + " s) and were abandoned";
                cache.report.warning(message);
                LOG.warn(ConsoleFormat.TAG + message + ".");
            }
            cache.report.sortBy(order);
            LOG.info(ConsoleFormat.summary(cache.report));
            publishToGitHub(cache.report);
            Path file = Path.of(session.getTopLevelProject().getBuild().getDirectory(), "gha-cache", "report.json");
            try {
                cache.report.write(file);
            } catch (IOException e) {
                LOG.warn(ConsoleFormat.TAG + "could not write " + file + ": " + e.getMessage());
            }
        } finally {
            if (cache.prefetch != null) {
                cache.prefetch.close();
            }
            if (cache.prewarm != null) {
                cache.prewarm.close();
            }
            cache.storage.close();
        }
    }

    /**
     * auto: the cache service when the runner's variables are visible, else the local store; says in one line
     * which and why. gha: the service, or the local store with a warning when it cannot be reached.
     */
    /** The store and what the runner allows with it (ACTIONS_CACHE_MODE). */
    private record Opened(CacheStorage storage, boolean restoreAllowed, boolean saveAllowed) {}

    private static Opened openStorage(CacheSettings settings, MavenSession session, Deadline deadline,
            BuildReport report) throws StorageException {
        if (session.isOffline() || settings.backend() == BackendKind.LOCAL) {
            LOG.debug(ConsoleFormat.TAG + "backend local: " + (session.isOffline() ? "offline" : "gha.cache.backend=local"));
            return new Opened(new LocalDirStorage(settings.dir(), settings.maxSizeBytes()), true, true);
        }
        GhaRuntime runtime = GhaRuntime.resolve(GhaCacheLifecycleParticipant::env, settings.url(), settings.token(),
                settings.apiVersion());
        if (runtime.available()) {
            CacheStorage gha = GhaStorage.open(runtime, deadline, settings.uploadsPerMinute(),
                    GhaStorage.Tuning.DEFAULT, report::countHttpRequest);
            LOG.info(ConsoleFormat.TAG + "backend " + gha.name() + " (GitHub Actions cache service at "
                    + Redactor.url(runtime.baseUrl()) + ")");
            return new Opened(gha, runtime.restoreAllowed(), runtime.saveAllowed());
        }
        String why = runtime.unavailableReason();
        if (settings.backend() == BackendKind.GHA || "true".equals(env("GITHUB_ACTIONS"))) {
            LOG.warn(ConsoleFormat.TAG + "the GitHub Actions cache service is not reachable: " + why
                    + " (a run: step sees ACTIONS_* only when an earlier action exports them, e.g."
                    + " crazy-max/ghaction-github-runtime); using the local store " + settings.dir());
        } else {
            LOG.debug(ConsoleFormat.TAG + "backend local: " + why);
        }
        return new Opened(new LocalDirStorage(settings.dir(), settings.maxSizeBytes()), true, true);
    }

    /** The job summary table when GitHub gives a summary file; warnings as annotations on Actions. */
    private static void publishToGitHub(BuildReport report) {
        String summary = env("GITHUB_STEP_SUMMARY");
        if (isSet(summary)) {
            try {
                Files.writeString(Path.of(summary), GitHubOutput.stepSummary(report), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                LOG.warn(ConsoleFormat.TAG + "could not append to GITHUB_STEP_SUMMARY (" + summary + "): " + e);
            }
        }
        if ("true".equals(env("GITHUB_ACTIONS"))) {
            List<String> warnings;
            synchronized (report.warnings) {
                warnings = List.copyOf(report.warnings);
            }
            // workflow commands must start their own line of the job's standard output
            warnings.forEach(w -> System.out.println(GitHubOutput.warningAnnotation(w)));
        }
    }

    private static String env(String name) {
        return System.getenv(name);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String property(MavenSession session, String name) {
        String v = session.getUserProperties().getProperty(name);
        return v != null ? v : session.getSystemProperties().getProperty(name);
    }

    /**
     * Twin of OldMavenNotice's check, on purpose: that class must stay out of this compilation (an implicit
     * compile would give it Java 17 bytecode, which old Maven cannot load).
     */
    private static boolean hasStrategyHook() {
        try {
            Class.forName(STRATEGY_CLASS, false, GhaCacheLifecycleParticipant.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

}
