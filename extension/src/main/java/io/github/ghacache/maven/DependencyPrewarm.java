package io.github.ghacache.maven;

import io.github.ghacache.storage.DaemonPools;
import java.io.File;
import java.util.concurrent.ExecutorService;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.graph.Dependency;

/**
 * When the build starts, resolves every module's dependencies on one background thread, in reactor order,
 * and digests the files that come from repositories. The first modules' keys then find those digests done
 * (and Maven's pool of dependency descriptors filled) instead of computing them while the build waits for
 * Maven to load its plugins. Modules of this build are left out of the resolution: their files change as
 * the build goes, so only the build itself digests them. Any failure here is forgotten: the module's own
 * key computation meets it and reports it.
 */
final class DependencyPrewarm {
    private final ExecutorService pool = DaemonPools.fixed(1, "gha-cache-deps-");

    DependencyPrewarm(MavenSession session, ProjectDependenciesResolver resolver, DependencyDigester digester,
            ReactorModules reactor) {
        for (MavenProject project : session.getProjects()) {
            pool.submit(() -> prewarm(session, project, resolver, digester, reactor));
        }
        pool.shutdown();
    }

    private static void prewarm(MavenSession session, MavenProject project, ProjectDependenciesResolver resolver,
            DependencyDigester digester, ReactorModules reactor) {
        try {
            DefaultDependencyResolutionRequest request =
                    new DefaultDependencyResolutionRequest(project, session.getRepositorySession());
            request.setResolutionFilter((node, parents) ->
                    node.getArtifact() == null || !reactor.contains(node.getArtifact()));
            DependencyResolutionResult result = resolver.resolve(request);
            for (Dependency d : result.getResolvedDependencies()) {
                File f = d.getArtifact().getFile();
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (f != null && !reactor.contains(d.getArtifact())) {
                    digester.digest(f, false);
                }
            }
        } catch (Exception | LinkageError e) {
            // the module's own key computation meets the same trouble and says what it is
        }
    }

    /** Stops at the next file; called when the build ends. */
    void close() {
        pool.shutdownNow();
    }
}
