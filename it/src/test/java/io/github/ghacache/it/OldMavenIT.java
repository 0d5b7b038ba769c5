package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Maven 3.8 has no MojosExecutionStrategy: the extension says so in one line and changes nothing. */
class OldMavenIT {

    @Test
    void oldMavenBuildsNormallyWithOneNotice() throws Exception {
        MavenBuild build = MavenBuild.of("old-maven", MavenBuild.PROJECTS.resolve("single-module"))
                .withMaven(MavenBuild.OLD_MAVEN_HOME);

        MavenBuild.Result r = build.run("verify").assertSuccess();

        assertThat(r.log()).contains("Apache Maven 3.8", "Tests run: 1, Failures: 0");
        assertThat(r.lines("[gha-cache]")).containsExactly("[INFO] [gha-cache] this Maven has no MojosExecutionStrategy"
                + " (it needs Maven 3.9.0 or newer); the build runs without the cache.");
        assertThat(build.store).doesNotExist();
        assertThat(build.dir.resolve("target/single-1.0.jar")).exists();
    }
}
