package io.github.ghacache.maven;

import io.github.ghacache.config.BackendKind;
import io.github.ghacache.config.CacheSettings;
import io.github.ghacache.config.SettingsException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the cache once the projects are read and closes it (summary, report) when the build ends. */
@Named("gha-cache")
@Singleton
public class GhaCacheLifecycleParticipant extends AbstractMavenLifecycleParticipant {
    private static final Logger LOG = LoggerFactory.getLogger(GhaCacheLifecycleParticipant.class);
    static final String STRATEGY_CLASS = "org.apache.maven.plugin.MojosExecutionStrategy";

    private final BuildCacheSessions sessions;

    @Inject
    public GhaCacheLifecycleParticipant(BuildCacheSessions sessions) {
        this.sessions = sessions;
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
        CacheStorage storage;
        try {
            storage = openStorage(settings, session);
        } catch (StorageException e) {
            if (settings.failOnError()) {
                throw new MavenExecutionException(ConsoleFormat.TAG + e.getMessage(), e);
            }
            LOG.warn(ConsoleFormat.TAG + e.getMessage() + "; the build runs without the cache.");
            return;
        }
        BuildReport report = new BuildReport();
        report.mode = settings.mode().id();
        report.backend = storage.name();
        report.restoreEnabled = settings.restore();
        report.saveEnabled = settings.save();
        sessions.set(new BuildCacheSession(session, settings, storage, report));
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
            cache.storage.close();
        }
    }

    private static CacheStorage openStorage(CacheSettings settings, MavenSession session) throws StorageException {
        boolean runnerCache = isSet(env("ACTIONS_RUNTIME_TOKEN"))
                && (isSet(env("ACTIONS_RESULTS_URL")) || isSet(env("ACTIONS_CACHE_URL")));
        if (settings.backend() == BackendKind.GHA || (settings.backend() == BackendKind.AUTO && runnerCache)) {
            LOG.info(ConsoleFormat.TAG + "the gha backend is not available in this version; using the local store "
                    + settings.dir());
        } else if (settings.backend() == BackendKind.AUTO) {
            LOG.debug(ConsoleFormat.TAG + "backend local: no GitHub Actions cache variables in the environment");
        }
        if (session.isOffline()) {
            LOG.debug(ConsoleFormat.TAG + "offline: local store only");
        }
        return new LocalDirStorage(settings.dir(), settings.maxSizeBytes());
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

    private static boolean hasStrategyHook() {
        try {
            Class.forName(STRATEGY_CLASS, false, GhaCacheLifecycleParticipant.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

}
