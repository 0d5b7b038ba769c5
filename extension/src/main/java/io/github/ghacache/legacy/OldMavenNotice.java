package io.github.ghacache.legacy;

import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in one line that this Maven is too old for the cache. Compiled for Java 8 on purpose: Maven 3.8's
 * component scanner cannot read the Java 17 classes of the rest of the extension, so on such a Maven this
 * is the only part of it that loads.
 */
@Named("gha-cache-old-maven-notice")
@Singleton
public class OldMavenNotice extends AbstractMavenLifecycleParticipant {
    private static final Logger LOG = LoggerFactory.getLogger(OldMavenNotice.class);
    private static final String STRATEGY_CLASS = "org.apache.maven.plugin.MojosExecutionStrategy";

    @Override
    public void afterProjectsRead(MavenSession session) {
        if (!hasStrategyHook()) {
            LOG.info("[gha-cache] this Maven has no MojosExecutionStrategy (it needs Maven 3.9.0 or newer);"
                    + " the build runs without the cache.");
        }
    }

    static boolean hasStrategyHook() {
        try {
            Class.forName(STRATEGY_CLASS, false, OldMavenNotice.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
