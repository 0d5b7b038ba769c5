package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first build saves; after deleting target/ the second restores instead of compiling, testing, packaging. */
class SingleModuleIT {

    @Test
    void secondBuildRestoresTheModuleAndInstallsTheRestoredJar() throws Exception {
        MavenBuild build = MavenBuild.of("single-module", MavenBuild.PROJECTS.resolve("single-module"));

        MavenBuild.Result first = build.run("verify").assertSuccess();
        assertThat(first.outcome("single")).isEqualTo("miss");
        assertThat(first.module("single").get("saved").asBoolean()).isTrue();
        assertThat(first.lines("[gha-cache] MISS")).hasSize(1);
        assertThat(first.log()).contains("--- compiler:3.13.0:compile", "Tests run: 1, Failures: 0");
        Path jar = build.dir.resolve("target/single-1.0.jar");
        Map<String, String> firstJar = Jars.entries(jar);

        build.deleteTargets();
        MavenBuild.Result second = build.run("install").assertSuccess();
        assertThat(second.outcome("single")).isEqualTo("hit");
        assertThat(second.lines("[gha-cache] HIT")).hasSize(1);
        // restored mojos never start: Maven prints no header for them
        assertThat(second.log()).doesNotContain("--- compiler:", "--- surefire:", "--- jar:", "--- resources:")
                .contains("--- install:3.1.2:install");
        assertThat(second.steps("single")).containsExactly(
                Map.entry("maven-resources-plugin:resources", "restored"),
                Map.entry("maven-compiler-plugin:compile", "restored"),
                Map.entry("maven-resources-plugin:testResources", "restored"),
                Map.entry("maven-compiler-plugin:testCompile", "restored"),
                Map.entry("maven-surefire-plugin:test", "restored"),
                Map.entry("maven-jar-plugin:jar", "restored"),
                Map.entry("maven-install-plugin:install", "not-cacheable"));
        // a green build still shows how many tests it stands on
        assertThat(second.lines("[gha-cache]")).anyMatch(l -> l.contains(":single")
                && l.endsWith("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0 (restored, not rerun)"));
        assertThat(second.module("single").get("restoredTests").get("run").asInt()).isEqualTo(1);
        assertThat(Jars.entries(jar)).isEqualTo(firstJar);
        assertThat(build.dir.resolve("target/classes/org/example/single/Calculator.class")).exists();
        assertThat(build.dir.resolve("target/surefire-reports")).isDirectory();

        Path installed = MavenBuild.IT_REPO.resolve("org/example/it/single/1.0/single-1.0.jar");
        assertThat(Files.readAllBytes(installed)).isEqualTo(Files.readAllBytes(jar));
    }

    @Test
    void disabledCacheDoesNothing() throws Exception {
        MavenBuild build = MavenBuild.of("disabled", MavenBuild.PROJECTS.resolve("single-module"));

        MavenBuild.Result r = build.run("verify", "-Dgha.cache.enabled=false").assertSuccess();

        assertThat(r.lines("[gha-cache]")).containsExactly("[INFO] [gha-cache] disabled (gha.cache.enabled=false)");
        assertThat(build.store).doesNotExist();
        assertThat(build.dir.resolve("target/gha-cache")).doesNotExist();
        assertThat(build.dir.resolve("target/single-1.0.jar")).exists();
    }
}
