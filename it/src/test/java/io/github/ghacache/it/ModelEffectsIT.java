package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Restored steps replay what they did to the project model: build-helper's extra source root and jacoco's
 * argLine property reach the steps that run after them, with paths of the folder the build runs in.
 */
class ModelEffectsIT {

    @Test
    void restoredStepsReplaySourceRootsAndProperties() throws Exception {
        MavenBuild build = MavenBuild.of("model-effects", MavenBuild.PROJECTS.resolve("model-effects"));

        MavenBuild.Result test = build.run("test").assertSuccess();
        assertThat(test.outcome("effects")).isEqualTo("miss");
        assertThat(test.module("effects").get("cacheableSteps").asInt()).isEqualTo(7);

        // package after test: the seven steps of `test` are restored, jar and sources jar run on top of them
        build.deleteTargets();
        MavenBuild.Result pkg = build.run("package").assertSuccess();
        assertThat(pkg.outcome("effects")).isEqualTo("partial");
        assertThat(pkg.lines("[gha-cache] PARTIAL 7/9")).hasSize(1);
        assertThat(pkg.steps("effects"))
                .containsEntry("build-helper-maven-plugin:add-source", "restored")
                .containsEntry("jacoco-maven-plugin:prepare-agent", "restored")
                .containsEntry("maven-compiler-plugin:compile", "restored")
                .containsEntry("maven-antrun-plugin:run", "not-cacheable")
                .containsEntry("maven-jar-plugin:jar", "ran")
                .containsEntry("maven-source-plugin:jar-no-fork", "ran");
        // the sources jar packs every compile source root, so it holds Extra.java only if the root was replayed
        assertThat(Jars.entries(build.dir.resolve("target/effects-1.0-sources.jar")))
                .containsKey("org/example/extra/Extra.java");
        String argLine = Jars.manifestAttribute(build.dir.resolve("target/effects-1.0.jar"), "X-Arg-Line");
        assertThat(argLine).contains("-javaagent:", build.dir.resolve("target/jacoco.exec").toString());

        // another checkout: everything restored, and the replayed argLine names this folder, not the first
        MavenBuild moved = build.relocatedCopy("moved");
        MavenBuild.Result hit = moved.run("package").assertSuccess();
        assertThat(hit.outcome("effects")).isEqualTo("hit");
        String replayed = Files.readString(moved.dir.resolve("target/argline.txt"));
        assertThat(replayed).contains("-javaagent:", moved.dir.resolve("target/jacoco.exec").toString())
                .doesNotContain(build.dir.resolve("target").toString());
    }
}
