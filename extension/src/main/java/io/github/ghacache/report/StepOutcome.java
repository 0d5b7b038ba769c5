package io.github.ghacache.report;

/** What happened to one step: ids as they appear in report.json. */
public enum StepOutcome {
    RESTORED("restored"),
    RAN("ran"),
    NOT_CACHEABLE("not-cacheable");

    private final String id;

    StepOutcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
