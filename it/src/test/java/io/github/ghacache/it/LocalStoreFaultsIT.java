package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A local store on a full or a read-only file system (a small tmpfs mounted by the test, which needs root as
 * CI has): restores still work where they can, a save that cannot be written costs one warning, never the build.
 */
class LocalStoreFaultsIT {

    @Test
    void aFullStoreCostsOneWarningAndLeavesNoPartialPack() throws Exception {
        MavenBuild build = MavenBuild.of("store-full", MavenBuild.PROJECTS.resolve("single-module"));
        Path store = build.dir.resolveSibling("full-store");
        mount(store, "size=12k");
        try {
            MavenBuild.Result r = build.run("verify", "-Dgha.cache.dir=" + store).assertSuccess();

            assertThat(r.lines("[WARNING] [gha-cache]")).singleElement().asString()
                    .contains("Could not save to the cache", "No space left on device", "without saving");
            assertThat(build.dir.resolve("target/single-1.0.jar")).exists();
            try (var tmp = Files.list(store.resolve("tmp"))) {
                assertThat(tmp.toList()).as("no partial pack left").isEmpty();
            }
        } finally {
            unmount(store);
        }
    }

    @Test
    void aReadOnlyStoreStillRestoresAndOnlySavingWarns() throws Exception {
        MavenBuild build = MavenBuild.of("store-readonly", MavenBuild.PROJECTS.resolve("single-module"));
        Path store = build.dir.resolveSibling("ro-store");
        mount(store, "size=4m");
        try {
            build.run("verify", "-Dgha.cache.dir=" + store).assertSuccess();
            sh("mount", "-o", "remount,ro", store.toString());

            build.deleteTargets();
            MavenBuild.Result hit = build.run("verify", "-Dgha.cache.dir=" + store).assertSuccess();
            assertThat(hit.outcome("single")).isEqualTo("hit");
            assertThat(hit.lines("[WARNING]")).isEmpty();

            Path source = build.dir.resolve("src/main/java/org/example/single/Calculator.java");
            Files.writeString(source, Files.readString(source).replace("a + b", "b + a"));
            MavenBuild.Result miss = build.run("verify", "-Dgha.cache.dir=" + store).assertSuccess();
            assertThat(miss.outcome("single")).isEqualTo("miss");
            assertThat(miss.lines("[WARNING] [gha-cache]")).singleElement().asString()
                    .contains("Could not save to the cache", "Read-only file system");
        } finally {
            unmount(store);
        }
    }

    private static void mount(Path dir, String options) throws Exception {
        Files.createDirectories(dir);
        int rc = run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
        Assumptions.assumeTrue(rc == 0 || "true".equalsIgnoreCase(System.getenv("CI")),
                "this machine does not let the test mount a tmpfs");
        if (rc != 0) {
            throw new IllegalStateException("mount of a tmpfs failed on CI (exit " + rc + ")");
        }
    }

    private static void unmount(Path dir) throws Exception {
        run(List.of("umount", dir.toString()));
    }

    private static void sh(String... command) throws Exception {
        int rc = run(List.of(command));
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit " + rc);
        }
    }

    private static int run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
