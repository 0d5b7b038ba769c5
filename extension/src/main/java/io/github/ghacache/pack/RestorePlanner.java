package io.github.ghacache.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides how much of a found pack a build may use. Step keys are chained (each covers every input and
 * step before it), so the leading steps of the current plan whose keys the pack holds can be restored,
 * provided the members to unpack hold no output of any other step: a mode=min pack's one member holds
 * every step it saved, so it serves a plan only up to its own last step (or the whole plan, when all of
 * the plan's keys match); a mode=max pack has one member per step and serves any matching lead. Steps past
 * the lead may still be restored one by one in mode=max, by their input keys ({@link #reusableById}).
 */
public final class RestorePlanner {
    /**
     * {@code restoredSteps} leading cacheable steps come from {@code members} (in pack order); the rest run
     * or, in mode=max, are matched one by one against {@code reusableById}.
     */
    public record Decision(int restoredSteps, int totalSteps, Map<String, StepRecord> recordsByKey,
            List<PackMember> members, Map<String, StepRecord> reusableById, String reason) {
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
            return nothing(total, Map.of(), "no pack of this module");
        }
        if (!module.equals(index.module)) {
            return nothing(total, Map.of(), "pack belongs to " + index.module);
        }
        Map<String, PackMember> members = new LinkedHashMap<>();
        for (PackMember m : index.members) {
            if (m != null && m.name != null) {
                members.putIfAbsent(m.name, m);
            }
        }
        Map<String, StepRecord> byKey = new HashMap<>();
        Map<String, Integer> stepsPerMember = new HashMap<>();
        for (StepRecord r : index.steps) {
            if (r != null && r.member != null && members.containsKey(r.member)) {
                stepsPerMember.merge(r.member, 1, Integer::sum);
                if (r.key != null) {
                    byKey.put(r.key, r);
                }
            }
        }
        Map<String, StepRecord> reusable = reusableById(index.steps, stepsPerMember);
        if (byKey.isEmpty()) {
            return nothing(total, reusable, "pack has no usable steps");
        }
        int k = 0;
        while (k < total && byKey.containsKey(currentStepKeys.get(k))) {
            k++;
        }
        if (k < total) {
            while (k > 0 && !holdsOnly(currentStepKeys.subList(0, k), byKey, index.steps)) {
                k--;
            }
        }
        if (k == 0) {
            return nothing(total, reusable, "inputs changed since the newest pack");
        }
        Set<String> needed = new HashSet<>();
        for (String key : currentStepKeys.subList(0, k)) {
            needed.add(byKey.get(key).member);
        }
        List<PackMember> toRestore = new ArrayList<>();
        members.forEach((name, m) -> {
            if (needed.contains(name)) {
                toRestore.add(m);
            }
        });
        String reason = k == total ? "all steps match" : "first " + k + " steps match";
        return new Decision(k, total, byKey, toRestore, reusable, reason);
    }

    private static Decision nothing(int total, Map<String, StepRecord> reusable, String reason) {
        return new Decision(0, total, Map.of(), List.of(), reusable, reason);
    }

    /** Whether the members of these steps hold outputs of these steps only. */
    private static boolean holdsOnly(List<String> keys, Map<String, StepRecord> byKey, List<StepRecord> all) {
        Set<String> members = new HashSet<>();
        for (String key : keys) {
            members.add(byKey.get(key).member);
        }
        Set<String> allowed = new HashSet<>(keys);
        for (StepRecord r : all) {
            if (r != null && members.contains(r.member) && !allowed.contains(r.key)) {
                return false;
            }
        }
        return true;
    }

    /** Steps saved with an input key and a member of their own: each can be restored alone. */
    private static Map<String, StepRecord> reusableById(List<StepRecord> steps, Map<String, Integer> perMember) {
        Map<String, StepRecord> out = new HashMap<>();
        for (StepRecord r : steps) {
            if (r != null && r.id != null && r.inputKey != null && r.member != null
                    && perMember.getOrDefault(r.member, 0) == 1) {
                out.put(r.id, r);
            }
        }
        return out;
    }
}
