package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A SNAPSHOT dependency built by a second local project changes content without changing version: the
 * consumer must notice and rebuild, in either mode, and must hit again once nothing changes.
 */
class SnapshotDependencyIT {

    @ParameterizedTest
    @ValueSource(strings = {"min", "max"})
    void aSnapshotRebuiltUnderTheSameVersionIsANewInput(String mode) throws Exception {
        MavenBuild producer = MavenBuild.of("snapshot-producer-" + mode, MavenBuild.PROJECTS.resolve("snapshot-producer"));
        producer.run("install").assertSuccess();
        MavenBuild consumer = MavenBuild.of("snapshot-consumer-" + mode, MavenBuild.PROJECTS.resolve("snapshot-consumer"));
        String modeArg = "-Dgha.cache.mode=" + mode;

        assertThat(consumer.run("verify", modeArg).assertSuccess().outcome("snap-consumer")).isEqualTo("miss");
        assertThat(seen(consumer)).isEqualTo("ONE");
        consumer.deleteTargets();
        assertThat(consumer.run("verify", modeArg).assertSuccess().outcome("snap-consumer")).isEqualTo("hit");
        assertThat(seen(consumer)).isEqualTo("ONE");

        SampleEdits.edit(producer.dir, "src/main/java/org/example/snap/SnapLib.java", "\"one\"", "\"two\"");
        producer.run("install").assertSuccess();
        consumer.deleteTargets();
        MavenBuild.Result changed = consumer.run("verify", modeArg).assertSuccess();

        assertThat(changed.outcome("snap-consumer")).isIn("miss", "partial");
        assertThat(changed.steps("snap-consumer")).containsEntry("maven-surefire-plugin:test", "ran");
        assertThat(changed.module("snap-consumer").get("missReasons").toString())
                .contains("org.example.snap:snap-lib 1.0-SNAPSHOT content changed");
        assertThat(seen(consumer)).as("the tests ran against the new library").isEqualTo("TWO");
    }

    private static String seen(MavenBuild build) throws Exception {
        return Files.readString(build.dir.resolve("target/seen.txt"));
    }
}
