package io.github.ghacache.maven;

import java.util.List;
import javax.annotation.Priority;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionRunner;
import org.apache.maven.plugin.MojosExecutionStrategy;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * Maven's hook into each module's list of mojo executions (Maven 3.9+). Ranked above Maven's default
 * strategy; when the cache is off it behaves exactly like it.
 */
@Named
@Singleton
@Priority(10)
public class CachingMojosExecutionStrategy implements MojosExecutionStrategy {
    /**
     * Set while a module's plan runs on this thread. A mojo that forks a lifecycle (e.g. source:jar) brings
     * Maven back here with a copy of the project; those forked steps run as usual, outside the cache.
     */
    private static final ThreadLocal<Boolean> IN_MODULE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final BuildCacheSessions sessions;
    private final ProjectDependenciesResolver resolver;
    private final MavenProjectHelper projectHelper;

    @Inject
    public CachingMojosExecutionStrategy(BuildCacheSessions sessions, ProjectDependenciesResolver resolver,
            MavenProjectHelper projectHelper) {
        this.sessions = sessions;
        this.resolver = resolver;
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute(List<MojoExecution> mojos, MavenSession session, MojoExecutionRunner runner)
            throws LifecycleExecutionException {
        BuildCacheSession cache = sessions.current();
        if (cache == null || session.getCurrentProject() == null || IN_MODULE.get()) {
            for (MojoExecution mojo : mojos) {
                runner.run(mojo);
            }
            return;
        }
        List<PlannedStep> plan = PlannedStep.plan(mojos, new StepClassifier(cache.settings));
        IN_MODULE.set(Boolean.TRUE);
        try {
            new ModuleCacheFlow(cache, session, runner, resolver, projectHelper).execute(plan);
        } finally {
            IN_MODULE.set(Boolean.FALSE);
        }
    }
}
