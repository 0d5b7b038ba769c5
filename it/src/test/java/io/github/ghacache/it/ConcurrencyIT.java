package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.server.CacheServer;
import io.github.ghacache.server.http.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Builds running at once against one store: all pass, the store stays valid, races cost nothing. */
class ConcurrencyIT {

    @Test
    void fourBuildsAtOnceAgainstOneLocalStoreAllPassAndLeaveValidPacks() throws Exception {
        MavenBuild first = MavenBuild.of("concurrent-local", MavenBuild.PROJECTS.resolve("single-module"));
        List<MavenBuild> builds = new ArrayList<>();
        builds.add(first);
        for (int i = 1; i < 4; i++) {
            builds.add(first.relocatedCopy("copy" + i));
        }

        List<MavenBuild.Result> results = runAtOnce(builds, "verify");

        for (MavenBuild.Result r : results) {
            r.assertSuccess();
            assertThat(r.lines("[WARNING]")).isEmpty();
        }
        // the same key saved by whichever finished first; the others found it there or lost the race quietly
        try (var packs = Files.walk(first.store.resolve("packs"))) {
            assertThat(packs.filter(p -> p.toString().endsWith(".pack")).count()).isEqualTo(1);
        }
        try (var tmp = Files.list(first.store.resolve("tmp"))) {
            assertThat(tmp.count()).as("no temporary left behind").isZero();
        }
        MavenBuild fresh = first.relocatedCopy("after");
        MavenBuild.Result after = fresh.run("verify").assertSuccess();
        assertThat(after.outcome("single")).isEqualTo("hit");
    }

    @Test
    void twoBuildsRacingToSaveTheSameKeysInTheServiceBothPass() throws Exception {
        try (CacheServer server = CacheServer.start()) {
            MavenBuild a = MavenBuild.of("concurrent-gha", MavenBuild.EXAMPLES.resolve("multi-module"))
                    .withEnv("ACTIONS_RUNTIME_TOKEN", server.token())
                    .withEnv("ACTIONS_RESULTS_URL", server.v2Url())
                    .withEnv("ACTIONS_CACHE_SERVICE_V2", "True");
            MavenBuild b = a.relocatedCopy("racer");

            List<MavenBuild.Result> results = runAtOnce(List.of(a, b), "verify");

            for (MavenBuild.Result r : results) {
                r.assertSuccess();
                assertThat(r.lines("[WARNING] [gha-cache]")).as("409 is success, not a warning").isEmpty();
            }
            // each module's key exists once, however the race went
            assertThat(server.requestLog().count(Endpoint.V2_FINALIZE)).isEqualTo(5);
            a.deleteTargets();
            MavenBuild.Result warm = a.run("verify").assertSuccess();
            assertThat(warm.outcomes().values()).containsOnly("hit");
        }
    }

    @Test
    void anUnusableStoreFolderCostsOneWarningAndNothingElse() throws Exception {
        MavenBuild build = MavenBuild.of("store-unusable", MavenBuild.PROJECTS.resolve("single-module"));
        Path notAFolder = build.dir.resolveSibling("store-is-a-file");
        Files.writeString(notAFolder, "not a folder");

        MavenBuild.Result r = build.run("verify", "-Dgha.cache.dir=" + notAFolder).assertSuccess();

        assertThat(r.lines("[WARNING] [gha-cache]")).singleElement().asString()
                .contains("cannot create the cache folder", "without the cache");
        assertThat(build.dir.resolve("target/single-1.0.jar")).exists();
    }

    private static List<MavenBuild.Result> runAtOnce(List<MavenBuild> builds, String... args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(builds.size());
        try {
            List<Future<MavenBuild.Result>> futures = new ArrayList<>();
            for (MavenBuild b : builds) {
                futures.add(pool.submit(() -> b.run(args)));
            }
            List<MavenBuild.Result> out = new ArrayList<>();
            for (Future<MavenBuild.Result> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
