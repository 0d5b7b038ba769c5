package io.github.ghacache.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoalSelectorTest {

    @Test
    void fullSelectorMatchesOnlyItsGroupArtifactAndGoal() {
        GoalSelector s = new GoalSelector("org.example", "gen", "generate");

        assertThat(s.matches("org.example", "gen", "generate")).isTrue();
        assertThat(s.matches("org.other", "gen", "generate")).isFalse();
        assertThat(s.matches("org.example", "gen2", "generate")).isFalse();
        assertThat(s.matches("org.example", "gen", "help")).isFalse();
    }

    @Test
    void nullGroupIdMatchesAnyGroup() {
        GoalSelector s = new GoalSelector(null, "gen", "generate");

        assertThat(s.matches("org.example", "gen", "generate")).isTrue();
        assertThat(s.matches("org.other", "gen", "generate")).isTrue();
        assertThat(s.matches(null, "gen", "generate")).isTrue();
        assertThat(s.matches("org.example", "gen", "help")).isFalse();
    }

    @Test
    void starGoalMatchesEveryGoalOfThePlugin() {
        GoalSelector s = new GoalSelector("org.example", "gen", "*");

        assertThat(s.matches("org.example", "gen", "generate")).isTrue();
        assertThat(s.matches("org.example", "gen", "help")).isTrue();
        assertThat(s.matches("org.example", "other", "generate")).isFalse();
        assertThat(s.matches("org.other", "gen", "generate")).isFalse();
    }

    @Test
    void starIsOnlyAWildcardForTheSelectorsGoal() {
        GoalSelector s = new GoalSelector(null, "gen", "generate");

        assertThat(s.matches("g", "gen", "*")).isFalse();
    }

    @Test
    void toStringUsesTheSelectorSyntax() {
        assertThat(new GoalSelector("g", "a", "goal")).hasToString("g:a:goal");
        assertThat(new GoalSelector(null, "a", "*")).hasToString("a:*");
    }
}
