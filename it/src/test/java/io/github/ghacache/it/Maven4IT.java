package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Maven 4 (4.0.0-rc-7, the newest served here): the example saves cold, restores warm, and installs. */
class Maven4IT {

    @Test
    void exampleColdThenWarmOnMaven4() throws Exception {
        MavenBuild build = MavenBuild.of("maven4", MavenBuild.EXAMPLES.resolve("multi-module"))
                .withMaven(MavenBuild.MAVEN4_HOME);

        MavenBuild.Result cold = build.run("verify").assertSuccess();
        assertThat(cold.log()).contains("Apache Maven 4.0.0-rc-7");
        assertThat(cold.outcomes()).containsExactly(entry("example-parent", "miss"), entry("core", "miss"),
                entry("service", "miss"), entry("app", "miss"), entry("util", "miss"));

        build.deleteTargets();
        MavenBuild.Result warm = build.run("install").assertSuccess();
        assertThat(warm.outcomes()).containsExactly(entry("example-parent", "hit"), entry("core", "hit"),
                entry("service", "hit"), entry("app", "hit"), entry("util", "hit"));
        assertThat(warm.log()).doesNotContain("--- compiler:", "--- surefire:").contains("--- install:");
        Path installed = MavenBuild.IT_REPO.resolve("org/example/ghacache/app/1.0.0-SNAPSHOT/app-1.0.0-SNAPSHOT.jar");
        assertThat(Files.readAllBytes(installed))
                .isEqualTo(Files.readAllBytes(build.dir.resolve("app/target/app-1.0.0-SNAPSHOT.jar")));
    }
}
