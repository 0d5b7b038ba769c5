package io.github.ghacache.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** One module's line in the report; filled in by the one thread that builds the module. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ModuleReport {
    /** A step of the module's plan. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Step {
        public String id;
        public String outcome;
        /** Time the step took in this build (0 when restored). */
        public long durationMs;
        /** For a restored step, the time it took in the build that saved it. */
        public Long originalDurationMs;

        Step(String id, StepOutcome outcome, long durationMs, Long originalDurationMs) {
            this.id = id;
            this.outcome = outcome.id();
            this.durationMs = durationMs;
            this.originalDurationMs = originalDurationMs;
        }
    }

    public final String module;
    public String key;
    @JsonProperty("outcome")
    public String outcomeId;
    public String reason;
    /** For a miss or partial hit: which key inputs differ from the newest pack of the module. */
    public List<String> missReasons;
    /** Totals of the test reports restored with the module, when a test step was restored. */
    public TestTotals restoredTests;
    public int restoredSteps;
    public int cacheableSteps;
    public volatile boolean saved;
    /** Set while the pack uploads in the background (remote stores). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public volatile boolean saving;
    public long bytesDown;
    public volatile long bytesUp;
    public int filesRestored;
    /** Time the cache itself spent on this module: keys, lookup, restore, save. */
    public long cacheMs;
    /** The parts of {@link #cacheMs}: computing keys (step keys of mode=max included), the lookup, unpacking, saving. */
    public long keysMs;
    public long lookupMs;
    public long restoreMs;
    public long saveMs;
    public String backend;
    public final List<Step> steps = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();

    private transient Outcome outcome;

    public ModuleReport(String module) {
        this.module = module;
    }

    public void outcome(Outcome o, String why) {
        this.outcome = o;
        this.outcomeId = o.id();
        this.reason = why;
    }

    public Outcome outcome() {
        return outcome;
    }

    public void step(String id, StepOutcome o, long durationMs, Long originalMs) {
        steps.add(new Step(id, o, durationMs, originalMs));
    }

    public long savedMs() {
        return steps.stream().filter(s -> s.originalDurationMs != null).mapToLong(s -> s.originalDurationMs).sum();
    }

    public long count(StepOutcome o) {
        return steps.stream().filter(s -> s.outcome.equals(o.id())).count();
    }
}
