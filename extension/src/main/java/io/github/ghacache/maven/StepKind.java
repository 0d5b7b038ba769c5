package io.github.ghacache.maven;

/** How the cache treats one step of a module's plan. */
enum StepKind {
    /** Outputs are restored instead of running it when its key matches. */
    CACHEABLE,
    /** Always runs and cannot change what cacheable steps produce (clean, install, deploy): not in any key. */
    NEUTRAL,
    /** Always runs; its configuration is part of the keys of every cacheable step after it. */
    OTHER
}
