package io.github.ghacache.fingerprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chains step keys: each step's key covers the module's base inputs, its own configuration and the key of
 * the step before it, so a change early in the plan changes every later key and a change late in the
 * plan leaves earlier keys alone. The module key is derived from the last cacheable step's key.
 */
public final class ModuleKeys {
    /** One step of the plan as it enters the chain. */
    public record StepInput(String id, boolean cacheable, Fingerprint config) {}

    private final String moduleKey;
    private final Map<String, String> cacheableStepKeys;

    private ModuleKeys(String moduleKey, Map<String, String> cacheableStepKeys) {
        this.moduleKey = moduleKey;
        this.cacheableStepKeys = cacheableStepKeys;
    }

    /** Steps after the last cacheable one cannot change any cached output and must be left out by the caller. */
    public static ModuleKeys compute(Fingerprint base, List<StepInput> steps) {
        String previous = base.hex();
        Map<String, String> keys = new LinkedHashMap<>();
        for (StepInput s : steps) {
            previous = new FingerprintBuilder()
                    .add("previous", previous)
                    .add("step", s.id())
                    .add("cacheable", Boolean.toString(s.cacheable()))
                    .add("config", s.config().hex())
                    .build()
                    .hex();
            if (s.cacheable()) {
                keys.put(s.id(), previous);
            }
        }
        String module = new FingerprintBuilder().add("module", previous).build().hex();
        return new ModuleKeys(module, keys);
    }

    public String moduleKey() {
        return moduleKey;
    }

    /** Step id to key, in plan order. */
    public Map<String, String> cacheableStepKeys() {
        return cacheableStepKeys;
    }

    public List<String> orderedKeys() {
        return new ArrayList<>(cacheableStepKeys.values());
    }
}
