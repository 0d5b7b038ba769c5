package io.github.ghacache.maven;

import io.github.ghacache.config.CacheSettings;
import io.github.ghacache.config.GoalSelector;
import java.util.List;
import org.apache.maven.plugin.MojoExecution;

/** Built-in knowledge of which goals are cacheable, adjusted by the user's opt-ins and opt-outs. */
final class StepClassifier {
    private static final String MAVEN_PLUGINS = "org.apache.maven.plugins";

    /** Goals whose outputs are fully determined by inputs the keys cover. */
    static final List<GoalSelector> BUILT_IN_CACHEABLE = List.of(
            new GoalSelector(MAVEN_PLUGINS, "maven-resources-plugin", "resources"),
            new GoalSelector(MAVEN_PLUGINS, "maven-resources-plugin", "testResources"),
            new GoalSelector(MAVEN_PLUGINS, "maven-compiler-plugin", "compile"),
            new GoalSelector(MAVEN_PLUGINS, "maven-compiler-plugin", "testCompile"),
            new GoalSelector(MAVEN_PLUGINS, "maven-surefire-plugin", "test"),
            new GoalSelector(MAVEN_PLUGINS, "maven-jar-plugin", "jar"),
            new GoalSelector(MAVEN_PLUGINS, "maven-jar-plugin", "test-jar"),
            new GoalSelector(MAVEN_PLUGINS, "maven-source-plugin", "jar-no-fork"),
            new GoalSelector(MAVEN_PLUGINS, "maven-source-plugin", "test-jar-no-fork"));

    /** Goals that never feed a cacheable step: left out of keys so that `install` reuses what `verify` saved. */
    static final List<GoalSelector> NEUTRAL = List.of(
            new GoalSelector(MAVEN_PLUGINS, "maven-clean-plugin", "clean"),
            new GoalSelector(MAVEN_PLUGINS, "maven-install-plugin", "install"),
            new GoalSelector(MAVEN_PLUGINS, "maven-deploy-plugin", "deploy"));

    private final List<GoalSelector> optIn;
    private final List<GoalSelector> optOut;

    StepClassifier(CacheSettings settings) {
        this.optIn = settings.cacheable();
        this.optOut = settings.uncacheable();
    }

    StepKind classify(MojoExecution mojo) {
        String g = mojo.getGroupId();
        String a = mojo.getArtifactId();
        String goal = mojo.getGoal();
        if (matches(NEUTRAL, g, a, goal)) {
            return StepKind.NEUTRAL;
        }
        if (matches(optOut, g, a, goal)) {
            return StepKind.OTHER;
        }
        if (matches(optIn, g, a, goal) || matches(BUILT_IN_CACHEABLE, g, a, goal)) {
            return StepKind.CACHEABLE;
        }
        return StepKind.OTHER;
    }

    static String stepId(MojoExecution mojo) {
        return mojo.getGroupId() + ":" + mojo.getArtifactId() + ":" + mojo.getGoal() + "@" + mojo.getExecutionId();
    }

    private static boolean matches(List<GoalSelector> list, String g, String a, String goal) {
        for (GoalSelector s : list) {
            if (s.matches(g, a, goal)) {
                return true;
            }
        }
        return false;
    }
}
