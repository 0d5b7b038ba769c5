package io.github.ghacache.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTotalsTest {
    @TempDir
    Path dir;

    @Test
    void sumsEverySurefireReportInTheFolder() throws Exception {
        Files.writeString(dir.resolve("TEST-a.ATest.xml"), "<?xml version=\"1.0\"?>\n"
                + "<testsuite name=\"a.ATest\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\"><testcase/></testsuite>");
        Files.writeString(dir.resolve("TEST-b.BTest.xml"),
                "<testsuite name=\"b.BTest\" tests=\"2\" failures=\"0\" errors=\"1\" skipped=\"0\"/>");
        Files.writeString(dir.resolve("a.ATest.txt"), "not a report");

        assertThat(TestTotals.readReports(dir)).isEqualTo(new TestTotals(5, 1, 1, 1));
    }

    @Test
    void refusesDoctypesSoARestoredReportCannotReadLocalFiles() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "7");
        Files.writeString(dir.resolve("TEST-evil.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE testsuite [<!ENTITY n SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<testsuite tests=\"&n;\" failures=\"0\" errors=\"0\" skipped=\"0\"/>");

        assertThat(TestTotals.readReports(dir)).isEqualTo(TestTotals.NONE);
    }

    @Test
    void garbageAndMissingFoldersCountAsNoTests() throws Exception {
        Files.writeString(dir.resolve("TEST-bad.xml"), "<testsuite tests=\"many\"");

        assertThat(TestTotals.readReports(dir)).isEqualTo(TestTotals.NONE);
        assertThat(TestTotals.readReports(dir.resolve("absent"))).isEqualTo(TestTotals.NONE);
    }

    @Test
    void textMatchesMavensOwnLine() {
        assertThat(new TestTotals(4, 0, 0, 1).text()).isEqualTo("Tests run: 4, Failures: 0, Errors: 0, Skipped: 1");
    }
}
