package io.github.ghacache.pack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One cacheable step as the saving build ran it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StepRecord {
    /** groupId:artifactId:goal@executionId */
    public String id;
    /** The chained key: covers every input of the module and every step before this one. */
    public String key;
    /**
     * mode=max only: the key over what this step alone reads, taken just before it ran; set only when
     * {@link #member} holds this step's outputs and nothing else, so the member can be restored on its own.
     */
    public String inputKey;
    /** The member holding this step's outputs (shared by every step of a mode=min pack). */
    public String member;
    public long durationMs;
    public ModelEffects effects = new ModelEffects();

    public StepRecord() {}

    public StepRecord(String id, String key, String member, long durationMs, ModelEffects effects) {
        this.id = id;
        this.key = key;
        this.member = member;
        this.durationMs = durationMs;
        this.effects = effects;
    }

    public StepRecord withInputKey(String inputKey) {
        this.inputKey = inputKey;
        return this;
    }
}
