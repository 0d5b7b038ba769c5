package io.github.ghacache.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.pack.RestorePlanner.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestorePlannerTest {
    private static final String MODULE = "org.example:core";

    private static PackIndex index(String module, String... stepKeys) {
        PackIndex index = new PackIndex();
        index.formatVersion = PackFormat.VERSION;
        index.module = module;
        PackMember m = new PackMember();
        m.name = "module";
        index.members = new ArrayList<>(List.of(m));
        for (int i = 0; i < stepKeys.length; i++) {
            index.steps.add(new StepRecord("step" + i, stepKeys[i], "module", 100, new ModelEffects()));
        }
        return index;
    }

    @Test
    void packWithEveryCurrentKeyCoversTheWholePlan() {
        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2", "k3"), index(MODULE, "k1", "k2", "k3"));

        assertThat(d.full()).isTrue();
        assertThat(d.none()).isFalse();
        assertThat(d.restoredSteps()).isEqualTo(3);
        assertThat(d.totalSteps()).isEqualTo(3);
        assertThat(d.recordsByKey()).containsOnlyKeys("k1", "k2", "k3");
        assertThat(d.recordsByKey().get("k2").id).isEqualTo("step1");
    }

    @Test
    void packEndingAtCurrentKthKeyRestoresTheFirstKSteps() {
        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2", "k3", "k4", "k5"),
                index(MODULE, "k1", "k2", "k3"));

        assertThat(d.full()).isFalse();
        assertThat(d.none()).isFalse();
        assertThat(d.restoredSteps()).isEqualTo(3);
        assertThat(d.totalSteps()).isEqualTo(5);
    }

    @Test
    void packWhoseLastKeyIsNotInThePlanRestoresNothing() {
        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2", "x3"), index(MODULE, "k1", "k2", "k3"));

        assertThat(d.none()).isTrue();
        assertThat(d.full()).isFalse();
        assertThat(d.totalSteps()).isEqualTo(3);
        assertThat(d.recordsByKey()).isEmpty();
    }

    @Test
    void packWithEntirelyDifferentKeysRestoresNothing() {
        Decision d = RestorePlanner.decide(MODULE, List.of("a", "b"), index(MODULE, "k1", "k2"));

        assertThat(d.none()).isTrue();
    }

    @Test
    void packOfAnotherModuleRestoresNothing() {
        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2"), index("org.example:api", "k1", "k2"));

        assertThat(d.none()).isTrue();
        assertThat(d.reason()).contains("org.example:api");
    }

    @Test
    void missingIndexRestoresNothing() {
        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2"), null);

        assertThat(d.none()).isTrue();
        assertThat(d.totalSteps()).isEqualTo(2);
    }

    @Test
    void packWithoutModuleMemberRestoresNothing() {
        PackIndex index = index(MODULE, "k1", "k2");
        index.members.get(0).name = "step-1";

        assertThat(RestorePlanner.decide(MODULE, List.of("k1", "k2"), index).none()).isTrue();
    }

    @Test
    void packWithNoStepsRestoresNothing() {
        assertThat(RestorePlanner.decide(MODULE, List.of("k1"), index(MODULE)).none()).isTrue();
    }
}
