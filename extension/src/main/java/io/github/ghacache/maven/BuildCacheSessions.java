package io.github.ghacache.maven;

import javax.inject.Named;
import javax.inject.Singleton;

/** Hands the current build's cache session from the lifecycle participant to the execution strategy. */
@Named
@Singleton
public class BuildCacheSessions {
    private volatile BuildCacheSession current;

    BuildCacheSession current() {
        return current;
    }

    void set(BuildCacheSession session) {
        this.current = session;
    }
}
