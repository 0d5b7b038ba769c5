package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.server.CacheServer;
import io.github.ghacache.server.fault.Fault;
import io.github.ghacache.server.http.Endpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cache-service faults end in a correct build (or a clean miss) with one warning, never a broken build. */
class GhaFaultsIT {

    private static MavenBuild build(String name, CacheServer server, String version) throws Exception {
        return MavenBuild.of(name, MavenBuild.PROJECTS.resolve("single-module"))
                .withEnv("ACTIONS_RUNTIME_TOKEN", server.token())
                .withEnv("ACTIONS_CACHE_URL", server.v1Url())
                .withEnv("ACTIONS_RESULTS_URL", server.v2Url())
                .withEnv("ACTIONS_CACHE_SERVICE_V2", version.equals("v2") ? "True" : "");
    }

    @Test
    void corruptDownloadIsCaughtByTheDigestAndTheModuleRebuilt() throws Exception {
        try (CacheServer server = CacheServer.start()) {
            MavenBuild build = build("gha-corrupt", server, "v2");
            build.run("verify").assertSuccess();
            build.deleteTargets();
            server.faults().always(Endpoint.BLOB_GET, Fault.corruptBody());

            MavenBuild.Result r = build.run("verify").assertSuccess();

            assertThat(r.outcome("single")).isEqualTo("miss");
            assertThat(r.lines("[WARNING] [gha-cache]")).singleElement().asString()
                    .contains("the pack gha-maven-2:maven:org.example.it:single:", "SHA-256", "rebuilt");
            assertThat(r.log()).contains("Tests run: 1, Failures: 0");
            assertThat(build.dir.resolve("target/single-1.0.jar")).exists();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2", "v1"})
    void unreachableServiceCostsTwoWarningsAndNothingElse(String version) throws Exception {
        int port;
        String token;
        try (CacheServer server = CacheServer.start()) {
            port = server.port();
            token = server.token();
        }
        MavenBuild build = MavenBuild.of("gha-unreachable-" + version, MavenBuild.PROJECTS.resolve("single-module"))
                .withEnv("ACTIONS_RUNTIME_TOKEN", token)
                .withEnv("ACTIONS_RESULTS_URL", "http://127.0.0.1:" + port + "/")
                .withEnv("ACTIONS_CACHE_URL", "http://127.0.0.1:" + port + "/v1cache/")
                .withEnv("ACTIONS_CACHE_SERVICE_V2", version.equals("v2") ? "True" : "");

        MavenBuild.Result r = build.run("verify", "-Dgha.cache.timeout=20s").assertSuccess();

        assertThat(r.outcome("single")).isEqualTo("miss");
        assertThat(r.lines("[WARNING] [gha-cache]")).hasSize(2)
                .anyMatch(l -> l.contains("Could not look up the cache"))
                .anyMatch(l -> l.contains("Could not save to the cache"));
        assertThat(build.dir.resolve("target/single-1.0.jar")).exists();
    }

    @Test
    void retiredV1ServiceIsAWarningNotAFailure() throws Exception {
        try (CacheServer server = CacheServer.start()) {
            server.faults().always(Endpoint.Family.V1, Fault.legacyShutdown());
            MavenBuild build = build("gha-v1-retired", server, "v1");

            MavenBuild.Result r = build.run("verify").assertSuccess();

            assertThat(r.outcome("single")).isEqualTo("miss");
            // said once: a retired service is not asked again
            assertThat(r.lines("[WARNING] [gha-cache]")).singleElement().asString()
                    .contains("422", "stops using it");
        }
    }

    @Test
    void slowServiceIsCutOffByTheTimeout() throws Exception {
        try (CacheServer server = CacheServer.start()) {
            server.faults().always(Endpoint.V2_GET_URL, Fault.latency(Duration.ofSeconds(60)));
            MavenBuild build = build("gha-slow", server, "v2");

            long start = System.nanoTime();
            MavenBuild.Result r = build.run("verify", "-Dgha.cache.timeout=5s").assertSuccess();
            long seconds = (System.nanoTime() - start) / 1_000_000_000;

            assertThat(r.outcome("single")).isEqualTo("miss");
            assertThat(r.lines("[WARNING] [gha-cache]")).anyMatch(l -> l.contains("Could not look up the cache"));
            // the budget bounds the cache's waiting: the build ends long before the 60 s answer would come
            assertThat(seconds).isLessThan(45);
        }
    }
}
