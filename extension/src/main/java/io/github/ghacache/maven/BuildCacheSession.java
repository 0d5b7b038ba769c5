package io.github.ghacache.maven;

import io.github.ghacache.config.CacheSettings;
import io.github.ghacache.fingerprint.PathNormalizer;
import io.github.ghacache.fingerprint.SystemPropertyInputs;
import io.github.ghacache.http.Deadline;
import io.github.ghacache.report.BuildReport;
import io.github.ghacache.report.ConsoleFormat;
import io.github.ghacache.report.ModuleReport;
import io.github.ghacache.storage.CacheKeys;
import io.github.ghacache.storage.CacheStorage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cache's state for one Maven build: settings, store, report, and the one failure-policy point. */
final class BuildCacheSession {
    private static final Logger LOG = LoggerFactory.getLogger(BuildCacheSession.class);

    final CacheSettings settings;
    final CacheStorage storage;
    final BuildReport report;
    final DependencyDigester dependencyDigester = new DependencyDigester();
    final ReactorModules reactor;
    /** Set once the build starts; null when not started. */
    DependencyPrewarm prewarm;
    final SaveQueue saves = new SaveQueue();
    final int nameWidth;
    final Deadline deadline;
    private final MavenSession session;
    /** System properties a user set, taken once so that a plugin setting one mid-build changes no later key. */
    final Map<String, String> systemInputs;
    /** Null for a local store (its lookups cost nothing worth overlapping). */
    final LookupPrefetch prefetch;

    BuildCacheSession(MavenSession session, CacheSettings settings, CacheStorage storage, BuildReport report,
            Deadline deadline) {
        this.session = session;
        this.deadline = deadline;
        this.settings = settings;
        this.storage = storage;
        this.report = report;
        this.systemInputs = SystemPropertyInputs.of(session.getSystemProperties());
        this.reactor = ReactorModules.of(session);
        this.prefetch = storage.isRemote() && report.restoreEnabled && storage.unavailable() == null
                ? new LookupPrefetch(storage, session.getProjects().stream()
                        .map(p -> CacheKeys.prefix(settings.scope(), p.getGroupId(), p.getArtifactId())).toList())
                : null;
        for (int i = 0; prefetch != null && i < prefetch.asked(); i++) {
            report.countCall();
        }
        this.nameWidth = session.getProjects().stream().mapToInt(p -> p.getArtifactId().length()).max().orElse(10);
    }

    /** Placeholders for the folders that differ between machines and checkouts. */
    PathNormalizer normalizerFor(MavenProject project) {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("module", project.getBasedir().toPath());
        folders.put("root", rootDirectory(session));
        if (session.getLocalRepository() != null) {
            folders.put("repo", Path.of(session.getLocalRepository().getBasedir()));
        }
        folders.put("maven.home", pathProperty("maven.home"));
        folders.put("java.home", pathProperty("java.home"));
        folders.put("home", pathProperty("user.home"));
        return PathNormalizer.of(folders);
    }

    static Path rootDirectory(MavenSession session) {
        if (session.getRequest().getMultiModuleProjectDirectory() != null) {
            return session.getRequest().getMultiModuleProjectDirectory().toPath();
        }
        return session.getTopLevelProject().getBasedir().toPath();
    }

    /**
     * The policy for every cache failure: by default warn once with what failed and what happens instead,
     * and let the build go on; with {@code gha.cache.failOnError} fail the build with that reason.
     */
    void failed(ModuleReport module, String action, String consequence, Exception e)
            throws LifecycleExecutionException {
        String message = record(module, action, consequence, e);
        if (settings.failOnError()) {
            throw new LifecycleExecutionException(
                    ConsoleFormat.TAG + message + " Failing because gha.cache.failOnError=true.", e);
        }
        String text = ConsoleFormat.TAG + message + " Set -Dgha.cache.failOnError=true to make this fatal.";
        if (LOG.isDebugEnabled()) {
            LOG.warn(text, e);
        } else if (LOG.isWarnEnabled()) {
            LOG.warn(text);
        } else {
            LOG.error(text); // -q hides warnings, but a cache failure must still be seen
        }
    }

    /** A failure of background work (an upload): always a warning, the build has moved on. */
    void failedLate(ModuleReport module, String action, String consequence, Exception e) {
        String message = record(module, action, consequence, e);
        if (LOG.isWarnEnabled()) {
            LOG.warn(ConsoleFormat.TAG + message);
        } else {
            LOG.error(ConsoleFormat.TAG + message);
        }
    }

    /** The one-line warning, kept in the module's and the build's report. */
    private String record(ModuleReport module, String action, String consequence, Exception e) {
        String message = "Could not " + action + " for :" + module.module.substring(module.module.indexOf(':') + 1)
                + " (" + describe(e) + "); " + consequence + ".";
        module.warnings.add(message);
        report.warning(message);
        return message;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        // one line: some libraries' messages carry their own line breaks
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static Path pathProperty(String name) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
