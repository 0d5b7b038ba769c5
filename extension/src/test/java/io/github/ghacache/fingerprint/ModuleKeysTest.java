package io.github.ghacache.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.fingerprint.ModuleKeys.StepInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleKeysTest {

    private static Fingerprint fp(String value) {
        return new FingerprintBuilder().add("v", value).build();
    }

    private static List<StepInput> plan() {
        return List.of(
                new StepInput("resources:resources@default", true, fp("r")),
                new StepInput("compiler:compile@default", true, fp("c")),
                new StepInput("compiler:testCompile@default", true, fp("tc")),
                new StepInput("enforcer:enforce@check", false, fp("e")),
                new StepInput("surefire:test@default", true, fp("t")));
    }

    private static List<StepInput> withConfig(int index, String value) {
        List<StepInput> steps = new ArrayList<>(plan());
        StepInput s = steps.get(index);
        steps.set(index, new StepInput(s.id(), s.cacheable(), fp(value)));
        return steps;
    }

    private static List<String> keysOf(ModuleKeys k, String... ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            out.add(k.cacheableStepKeys().get(id));
        }
        return out;
    }

    @Test
    void sameInputsGiveSameKeys() {
        ModuleKeys a = ModuleKeys.compute(fp("base"), plan());
        ModuleKeys b = ModuleKeys.compute(fp("base"), plan());

        assertThat(a.moduleKey()).isEqualTo(b.moduleKey());
        assertThat(a.cacheableStepKeys()).isEqualTo(b.cacheableStepKeys());
    }

    @Test
    void changingBaseChangesEveryStepKeyAndTheModuleKey() {
        ModuleKeys a = ModuleKeys.compute(fp("base"), plan());
        ModuleKeys b = ModuleKeys.compute(fp("base2"), plan());

        assertThat(b.moduleKey()).isNotEqualTo(a.moduleKey());
        assertThat(a.cacheableStepKeys()).hasSize(4);
        a.cacheableStepKeys().forEach((id, key) -> assertThat(b.cacheableStepKeys().get(id)).as(id).isNotEqualTo(key));
    }

    @Test
    void changingThirdStepKeepsEarlierKeysAndChangesLaterOnes() {
        ModuleKeys a = ModuleKeys.compute(fp("base"), plan());
        ModuleKeys b = ModuleKeys.compute(fp("base"), withConfig(2, "tc-changed"));

        assertThat(keysOf(b, "resources:resources@default", "compiler:compile@default"))
                .isEqualTo(keysOf(a, "resources:resources@default", "compiler:compile@default"));
        assertThat(b.cacheableStepKeys().get("compiler:testCompile@default"))
                .isNotEqualTo(a.cacheableStepKeys().get("compiler:testCompile@default"));
        assertThat(b.cacheableStepKeys().get("surefire:test@default"))
                .isNotEqualTo(a.cacheableStepKeys().get("surefire:test@default"));
        assertThat(b.moduleKey()).isNotEqualTo(a.moduleKey());
    }

    @Test
    void nonCacheableStepIsInTheChainButHasNoKeyOfItsOwn() {
        ModuleKeys a = ModuleKeys.compute(fp("base"), plan());
        ModuleKeys b = ModuleKeys.compute(fp("base"), withConfig(3, "e-changed"));

        assertThat(a.cacheableStepKeys()).doesNotContainKey("enforcer:enforce@check").hasSize(4);
        String[] before = {"resources:resources@default", "compiler:compile@default", "compiler:testCompile@default"};
        assertThat(keysOf(b, before)).isEqualTo(keysOf(a, before));
        assertThat(b.cacheableStepKeys().get("surefire:test@default"))
                .isNotEqualTo(a.cacheableStepKeys().get("surefire:test@default"));
        assertThat(b.moduleKey()).isNotEqualTo(a.moduleKey());
    }

    @Test
    void changingCacheabilityChangesLaterKeys() {
        List<StepInput> steps = new ArrayList<>(plan());
        StepInput s = steps.get(3);
        steps.set(3, new StepInput(s.id(), true, s.config()));

        ModuleKeys a = ModuleKeys.compute(fp("base"), plan());
        ModuleKeys b = ModuleKeys.compute(fp("base"), steps);

        assertThat(b.cacheableStepKeys()).containsKey("enforcer:enforce@check");
        assertThat(b.cacheableStepKeys().get("surefire:test@default"))
                .isNotEqualTo(a.cacheableStepKeys().get("surefire:test@default"));
    }

    @Test
    void orderedKeysFollowsPlanOrder() {
        ModuleKeys k = ModuleKeys.compute(fp("base"), plan());

        assertThat(k.orderedKeys()).containsExactlyElementsOf(keysOf(k,
                "resources:resources@default",
                "compiler:compile@default",
                "compiler:testCompile@default",
                "surefire:test@default"));
        assertThat(k.orderedKeys()).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Test
    void moduleKeyDiffersFromLastStepKey() {
        ModuleKeys k = ModuleKeys.compute(fp("base"), plan());

        assertThat(k.moduleKey()).isNotIn(k.orderedKeys());
    }
}
