package io.github.ghacache.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubOutputTest {

    @Test
    void stepSummaryHasOneRowPerModuleAndATotal() {
        BuildReport b = new BuildReport();
        b.mode = "min";
        b.backend = "local";
        ModuleReport core = b.module("g:core");
        core.outcome(Outcome.HIT, "exact key");
        core.bytesDown = 2048;
        core.step("compile", StepOutcome.RESTORED, 0, 2500L);
        ModuleReport app = b.module("g:app");
        app.outcome(Outcome.MISS, "inputs changed since the newest pack");
        app.missReasons = List.of("src/Main.java changed", "a|b changed");
        app.saved = true;
        app.bytesUp = 4096;

        String md = GitHubOutput.stepSummary(b);

        assertThat(md).contains("| module | outcome | reason | time saved | bytes |",
                "| core | HIT | exact key | 2.5s | 2.0 KB down |",
                "| app | MISS, SAVED | src/Main.java changed; a\\|b changed | 0.0s | 4.0 KB up |",
                "**Total:** hits=1 partial=0 misses=1 saved=1");
    }

    @Test
    void warningAnnotationEscapesWhatTheRunnerWouldMisread() {
        assertThat(GitHubOutput.warningAnnotation("100% broken\nsecond line"))
                .isEqualTo("::warning title=gha-cache::100%25 broken%0Asecond line");
    }
}
