package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A damaged pack in the store costs a rebuild and one warning, never the build, and is replaced. */
class CorruptPackIT {

    @Test
    void corruptPackIsRebuiltWithOneWarningAndReplaced() throws Exception {
        MavenBuild build = MavenBuild.of("corrupt-pack", MavenBuild.PROJECTS.resolve("single-module"));
        build.run("verify").assertSuccess();
        Path pack = onlyPack(build.store);
        byte[] bytes = Files.readAllBytes(pack);
        bytes[bytes.length - 100] ^= 0x5a; // inside the member's compressed bytes
        Files.write(pack, bytes);

        build.deleteTargets();
        MavenBuild.Result second = build.run("verify").assertSuccess();

        assertThat(second.outcome("single")).isEqualTo("miss");
        List<String> warnings = second.lines("[WARNING] [gha-cache]");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("gha-maven-2:maven:org.example.it:single:", "SHA-256", "rebuilt");
        assertThat(second.log()).contains("--- compiler:3.13.0:compile", "Tests run: 1, Failures: 0");
        assertThat(second.module("single").get("saved").asBoolean()).isTrue();

        build.deleteTargets();
        MavenBuild.Result third = build.run("verify").assertSuccess();
        assertThat(third.outcome("single")).isEqualTo("hit");
        assertThat(third.lines("[WARNING]")).isEmpty();
    }

    @Test
    void quietBuildShowsOnlyTheCacheFailure() throws Exception {
        MavenBuild build = MavenBuild.of("corrupt-pack-quiet", MavenBuild.PROJECTS.resolve("single-module"));
        MavenBuild.Result first = build.run("verify", "-q").assertSuccess();
        assertThat(first.lines("[gha-cache]")).isEmpty();

        Path pack = onlyPack(build.store);
        byte[] bytes = Files.readAllBytes(pack);
        bytes[bytes.length - 100] ^= 0x5a;
        Files.write(pack, bytes);
        build.deleteTargets();
        MavenBuild.Result second = build.run("verify", "-q").assertSuccess();

        assertThat(second.lines("[gha-cache]")).singleElement().asString()
                .contains("Could not restore the pack", "the module is rebuilt");
    }

    private static Path onlyPack(Path store) throws Exception {
        try (Stream<Path> s = Files.walk(store.resolve("packs"))) {
            List<Path> packs = s.filter(p -> p.toString().endsWith(".pack")).toList();
            assertThat(packs).hasSize(1);
            return packs.get(0);
        }
    }
}
