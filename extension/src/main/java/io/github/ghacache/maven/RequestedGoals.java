package io.github.ghacache.maven;

import java.util.List;
import java.util.Set;

/** What the command line asked Maven for, as far as the cache's start-up work is concerned. */
final class RequestedGoals {
    /** Phases that come before any step the cache restores or saves (resources are the first). */
    private static final Set<String> BEFORE_ANY_CACHEABLE_STEP = Set.of("pre-clean", "clean", "post-clean",
            "validate", "initialize", "generate-sources", "process-sources", "generate-resources");

    private RequestedGoals() {}

    /**
     * False when every goal is a phase that ends before the first cacheable step (`mvn validate`, `mvn clean`):
     * then no module computes a key, and digesting dependencies or loading codecs ahead of time is wasted.
     * A plugin goal (with ':') or any later phase may run cacheable steps.
     */
    static boolean mayRunCacheableSteps(List<String> goals) {
        if (goals == null || goals.isEmpty()) {
            return true; // a default goal from the POM: cannot tell
        }
        for (String goal : goals) {
            if (!BEFORE_ANY_CACHEABLE_STEP.contains(goal)) {
                return true;
            }
        }
        return false;
    }
}
