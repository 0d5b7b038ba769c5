package io.github.ghacache.pack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One cacheable step as the saving build ran it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StepRecord {
    /** groupId:artifactId:goal@executionId */
    public String id;
    public String key;
    /** The member holding this step's outputs. */
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
}
