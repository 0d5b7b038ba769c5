package io.github.ghacache.pack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides how much of a found pack a build may use. Step keys are chained (each covers every input and
 * step before it), so a pack whose steps include all of the current plan's keys covers the whole plan,
 * and a pack whose last step is the current plan's k-th step holds exactly the state after that step.
 */
public final class RestorePlanner {
    /** {@code restoredSteps} leading cacheable steps come from the pack; the rest run. */
    public record Decision(int restoredSteps, int totalSteps, Map<String, StepRecord> recordsByKey, String reason) {
        public boolean full() {
            return restoredSteps > 0 && restoredSteps == totalSteps;
        }

        public boolean none() {
            return restoredSteps == 0;
        }
    }

    private RestorePlanner() {}

    public static Decision decide(String module, List<String> currentStepKeys, PackIndex index) {
        int total = currentStepKeys.size();
        if (index == null) {
            return new Decision(0, total, Map.of(), "no pack of this module");
        }
        if (!module.equals(index.module)) {
            return new Decision(0, total, Map.of(), "pack belongs to " + index.module);
        }
        if (index.member("module") == null || index.steps.isEmpty()) {
            return new Decision(0, total, Map.of(), "pack has no module member");
        }
        Map<String, StepRecord> byKey = new HashMap<>();
        for (StepRecord r : index.steps) {
            if (r != null && r.key != null) {
                byKey.put(r.key, r);
            }
        }
        if (byKey.keySet().containsAll(currentStepKeys)) {
            return new Decision(total, total, byKey, "all steps match");
        }
        String last = index.steps.get(index.steps.size() - 1).key;
        int k = currentStepKeys.indexOf(last);
        if (k >= 0 && byKey.keySet().containsAll(currentStepKeys.subList(0, k + 1))) {
            return new Decision(k + 1, total, byKey, "first " + (k + 1) + " steps match");
        }
        return new Decision(0, total, Map.of(), "inputs changed since the newest pack");
    }
}
