package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** On GitHub Actions: a job-summary table per build, and cache warnings as workflow annotations. */
class GitHubOutputIT {

    @Test
    void writesTheJobSummaryAndAnnotatesWarnings() throws Exception {
        MavenBuild build = MavenBuild.of("github-output", MavenBuild.PROJECTS.resolve("single-module"));
        Path summary = build.dir.resolveSibling("step-summary.md");
        build.withEnv("GITHUB_STEP_SUMMARY", summary.toString()).withEnv("GITHUB_ACTIONS", "true");

        MavenBuild.Result first = build.run("verify").assertSuccess();
        assertThat(first.lines("::warning")).isEmpty();
        assertThat(Files.readString(summary)).contains("| module | outcome | reason | time saved | bytes |",
                "| single | MISS, SAVED | no pack of this module |", "**Total:** hits=0 partial=0 misses=1 saved=1");

        corruptThePack(build.store);
        build.deleteTargets();
        MavenBuild.Result second = build.run("verify").assertSuccess();

        List<String> annotations = second.lines("::warning title=gha-cache::");
        assertThat(annotations).singleElement().asString()
                .startsWith("::warning title=gha-cache::Could not restore the pack").contains(":single");
        String text = Files.readString(summary);
        assertThat(text.split("### gha-cache", -1)).hasSize(3); // appended, one table per build
        assertThat(text).contains("| single | MISS, SAVED | pack unusable |");
    }

    private static void corruptThePack(Path store) throws Exception {
        try (Stream<Path> s = Files.walk(store.resolve("packs"))) {
            Path pack = s.filter(p -> p.toString().endsWith(".pack")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(pack);
            bytes[bytes.length - 50] ^= 0x33;
            Files.write(pack, bytes);
        }
    }
}
