package io.github.ghacache.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.pack.RestorePlanner.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static PackMember member(String name) {
        PackMember m = new PackMember();
        m.name = name;
        return m;
    }

    /** A mode=max pack: member "step-i" holds step i's outputs only, each record with an input key. */
    private static PackIndex maxIndex(String... stepKeys) {
        PackIndex index = new PackIndex();
        index.formatVersion = PackFormat.VERSION;
        index.module = MODULE;
        index.mode = "max";
        for (int i = 1; i <= stepKeys.length; i++) {
            index.members.add(member("step-" + i));
            index.steps.add(new StepRecord("g:a:goal" + i + "@default", stepKeys[i - 1], "step-" + i, 100,
                    new ModelEffects()).withInputKey("in" + i));
        }
        return index;
    }

    private static List<String> names(Decision d) {
        return d.members().stream().map(m -> m.name).toList();
    }

    @Test
    void maxPackWhoseLeadingKeysMatchRestoresExactlyTheirMembers() {
        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2", "x3", "x4"), maxIndex("k1", "k2", "k3", "k4"));

        assertThat(d.restoredSteps()).isEqualTo(2);
        assertThat(d.totalSteps()).isEqualTo(4);
        assertThat(d.full()).isFalse();
        assertThat(names(d)).containsExactly("step-1", "step-2");
        assertThat(d.reason()).contains("first 2");
    }

    @Test
    void maxPackMembersAreListedInPackOrder() {
        PackIndex index = maxIndex("k1", "k2", "k3");
        java.util.Collections.reverse(index.members);

        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2", "k3"), index);

        assertThat(d.full()).isTrue();
        assertThat(names(d)).containsExactly("step-3", "step-2", "step-1");
    }

    @Test
    void minPackWhoseSharedMemberHoldsAForeignStepRestoresNothing() {
        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2", "x3", "x4"),
                index(MODULE, "k1", "k2", "k3", "k4"));

        assertThat(d.none()).isTrue();
        assertThat(d.restoredSteps()).isZero();
        assertThat(d.members()).isEmpty();
        assertThat(d.totalSteps()).isEqualTo(4);
    }

    @Test
    void minPackEndingWithinThePlanRestoresItsOneMember() {
        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2", "x3"), index(MODULE, "k1", "k2"));

        assertThat(d.restoredSteps()).isEqualTo(2);
        assertThat(names(d)).containsExactly("module");
    }

    @Test
    void planShorterThanAMaxPackRestoresOnlyTheCoveredStepsMembers() {
        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2"), maxIndex("k1", "k2", "k3", "k4"));

        assertThat(d.full()).isTrue();
        assertThat(d.restoredSteps()).isEqualTo(2);
        assertThat(names(d)).containsExactly("step-1", "step-2");
        assertThat(d.reason()).isEqualTo("all steps match");
    }

    @Test
    void reusableByIdHoldsRecordsWithAnInputKeyAndAMemberOfTheirOwn() {
        PackIndex index = new PackIndex();
        index.formatVersion = PackFormat.VERSION;
        index.module = MODULE;
        index.members.addAll(List.of(member("own"), member("shared"), member("nokey")));
        index.steps.add(new StepRecord("own-step", "k1", "own", 1, new ModelEffects()).withInputKey("in1"));
        index.steps.add(new StepRecord("shared-a", "k2", "shared", 1, new ModelEffects()).withInputKey("in2"));
        index.steps.add(new StepRecord("shared-b", "k3", "shared", 1, new ModelEffects()).withInputKey("in3"));
        index.steps.add(new StepRecord("no-input-key", "k4", "nokey", 1, new ModelEffects()));

        Map<String, StepRecord> reusable =
                RestorePlanner.decide(MODULE, List.of("x1", "x2", "x3", "x4"), index).reusableById();

        assertThat(reusable).containsOnlyKeys("own-step");
        assertThat(reusable.get("own-step").inputKey).isEqualTo("in1");
        assertThat(reusable.get("own-step").member).isEqualTo("own");
    }

    @Test
    void reusableByIdIsOfferedWhenTheLeadMatchesToo() {
        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "x2", "x3"), maxIndex("k1", "k2", "k3"));

        assertThat(d.restoredSteps()).isEqualTo(1);
        assertThat(d.reusableById()).containsOnlyKeys("g:a:goal1@default", "g:a:goal2@default",
                "g:a:goal3@default");
        assertThat(d.reusableById().get("g:a:goal3@default").inputKey).isEqualTo("in3");
    }

    @Test
    void recordPointingToAMissingMemberIsIgnored() {
        PackIndex index = maxIndex("k1", "k2", "k3");
        index.members.removeIf(m -> m.name.equals("step-2"));

        Decision d = RestorePlanner.decide(MODULE, List.of("k1", "k2", "k3"), index);

        assertThat(d.restoredSteps()).isEqualTo(1);
        assertThat(names(d)).containsExactly("step-1");
        assertThat(d.recordsByKey()).containsOnlyKeys("k1", "k3");
        assertThat(d.reusableById()).containsOnlyKeys("g:a:goal1@default", "g:a:goal3@default");
    }
}
