package io.github.ghacache.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleFormatTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0 B",
        "1023, 1023 B",
        "1024, 1.0 KB",
        "1536, 1.5 KB",
        "1048576, 1.0 MB",
        "5505024, 5.3 MB",
        "1073741824, 1.00 GB",
        "5368709120, 5.00 GB"
    })
    void bytesUsesBinaryUnits(long n, String expected) {
        assertThat(ConsoleFormat.bytes(n)).isEqualTo(expected);
    }

    private static ModuleReport report(String module, Outcome outcome, String reason) {
        ModuleReport r = new ModuleReport(module);
        r.outcome(outcome, reason);
        r.key = "0123456789abcdef";
        r.cacheableSteps = 5;
        return r;
    }

    @Test
    void hitLineNamesTheModuleAndWhatWasRestored() {
        ModuleReport r = report("org.example:core", Outcome.HIT, "all steps match");
        r.restoredSteps = 5;
        r.filesRestored = 42;
        r.bytesDown = 2048;

        String line = ConsoleFormat.moduleLine(r, 10);

        assertThat(line).startsWith(ConsoleFormat.TAG).contains("HIT", ":core", "restored 5/5 steps", "42 files",
                "2.0 KB");
        assertThat(line).doesNotContain("org.example").doesNotContain("MISS");
    }

    @Test
    void partialLineShowsRestoredOutOfCacheableSteps() {
        ModuleReport r = report("org.example:core", Outcome.PARTIAL, "first 3 steps match");
        r.restoredSteps = 3;

        assertThat(ConsoleFormat.moduleLine(r, 10)).contains("PARTIAL 3/5", ":core", "restored 3/5 steps");
    }

    @Test
    void missLineShowsTheReasonAndSavedSize() {
        ModuleReport r = report("org.example:api", Outcome.MISS, "no pack of this module");
        r.saved = true;
        r.bytesUp = 3 * 1024 * 1024;

        String line = ConsoleFormat.moduleLine(r, 10);

        assertThat(line).contains("MISS", ":api", "no pack of this module", "SAVED 3.0 MB");
        assertThat(line).doesNotContain("HIT").doesNotContain("restored");
    }

    @Test
    void missLineNamesTheFirstDifferingInputsAndCountsTheRest() {
        ModuleReport r = report("g:a", Outcome.MISS, "inputs changed since the newest pack");
        r.missReasons = java.util.List.of("src/A.java changed", "src/B.java added", "dependency x:y 1 -> 2",
                "Java 17 -> 25", "property p changed");

        String line = ConsoleFormat.moduleLine(r, 5);

        assertThat(line).contains("src/A.java changed; src/B.java added; dependency x:y 1 -> 2 (+2 more)")
                .doesNotContain("Java 17").doesNotContain("inputs changed since");
    }

    @Test
    void modulesOfDifferentNameLengthsAlign() {
        ModuleReport a = report("g:a", Outcome.HIT, "x");
        ModuleReport longer = report("g:longer-name", Outcome.PARTIAL, "x");
        longer.restoredSteps = 3;

        String l1 = ConsoleFormat.moduleLine(a, 11);
        String l2 = ConsoleFormat.moduleLine(longer, 11);

        assertThat(l1.indexOf("restored")).isEqualTo(l2.indexOf("restored"));
        assertThat(l1.indexOf(":a")).isEqualTo(l2.indexOf(":longer-name"));
    }

    @Test
    void testsLineUsesMavensWordingAndSaysTheTestsWereNotRerun() {
        String line = ConsoleFormat.testsLine("g:core", 6, new TestTotals(12, 0, 1, 2));

        assertThat(line).contains(":core", "Tests run: 12, Failures: 0, Errors: 1, Skipped: 2", "restored");
    }

    @Test
    void summaryCountsOutcomesAndSavings() {
        BuildReport b = new BuildReport();
        b.backend = "local";
        ModuleReport hit = b.module("g:hit");
        hit.outcome(Outcome.HIT, "all");
        hit.step("compile", StepOutcome.RESTORED, 0, 1500L);
        hit.bytesDown = 1024;
        ModuleReport miss1 = b.module("g:miss1");
        miss1.outcome(Outcome.MISS, "none");
        miss1.saved = true;
        miss1.step("compile", StepOutcome.RAN, 700, null);
        ModuleReport miss2 = b.module("g:miss2");
        miss2.outcome(Outcome.MISS, "none");
        b.warning("something");

        String summary = ConsoleFormat.summary(b);

        assertThat(summary).startsWith(ConsoleFormat.TAG)
                .contains("hits=1", "partial=0", "misses=2", "saved=1", "restored=1", "run=1", "time saved 1.5s",
                        "down 1.0 KB", "api calls=0", "warnings=1", "local");
    }
}
