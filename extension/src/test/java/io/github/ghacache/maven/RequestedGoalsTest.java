package io.github.ghacache.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestedGoalsTest {
    @Test
    void phasesBeforeTheFirstCacheableStepBuildNothing() {
        assertThat(RequestedGoals.mayRunCacheableSteps(List.of("validate"))).isFalse();
        assertThat(RequestedGoals.mayRunCacheableSteps(List.of("clean", "validate"))).isFalse();
        assertThat(RequestedGoals.mayRunCacheableSteps(List.of("generate-sources"))).isFalse();
    }

    @Test
    void laterPhasesPluginGoalsAndTheDefaultGoalMayBuild() {
        assertThat(RequestedGoals.mayRunCacheableSteps(List.of("clean", "verify"))).isTrue();
        assertThat(RequestedGoals.mayRunCacheableSteps(List.of("process-resources"))).isTrue();
        assertThat(RequestedGoals.mayRunCacheableSteps(List.of("compiler:compile"))).isTrue();
        assertThat(RequestedGoals.mayRunCacheableSteps(List.of("validate", "dependency:tree"))).isTrue();
        assertThat(RequestedGoals.mayRunCacheableSteps(List.of())).isTrue();
        assertThat(RequestedGoals.mayRunCacheableSteps(null)).isTrue();
    }
}
