package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.ghacache.server.CacheServer;
import io.github.ghacache.server.http.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example built cold then warm through our cache-server, with the runner variables set as GitHub sets
 * them: v2 (Twirp + blob URLs) and v1 (GHES-style artifactcache).
 */
class GhaBackendIT {

    @ParameterizedTest
    @ValueSource(strings = {"v2", "v1"})
    void coldThenWarmThroughTheCacheService(String version) throws Exception {
        try (CacheServer server = CacheServer.start()) {
            MavenBuild build = MavenBuild.of("gha-" + version, MavenBuild.EXAMPLES.resolve("multi-module"))
                    .withEnv("ACTIONS_RUNTIME_TOKEN", server.token())
                    .withEnv("ACTIONS_CACHE_URL", server.v1Url())
                    .withEnv("ACTIONS_RESULTS_URL", server.v2Url())
                    .withEnv("ACTIONS_CACHE_SERVICE_V2", version.equals("v2") ? "True" : "");

            MavenBuild.Result cold = build.run("verify").assertSuccess();
            assertThat(cold.report().get("backend").asText()).isEqualTo("gha-" + version);
            assertThat(cold.lines("[gha-cache] backend gha-" + version)).hasSize(1);
            assertThat(cold.outcomes()).containsExactly(entry("example-parent", "miss"), entry("core", "miss"),
                    entry("service", "miss"), entry("app", "miss"), entry("util", "miss"));
            for (String m : new String[] {"example-parent", "core", "service", "app", "util"}) {
                assertThat(cold.module(m).get("saved").asBoolean()).as(m).isTrue();
            }
            Endpoint create = version.equals("v2") ? Endpoint.V2_CREATE : Endpoint.V1_RESERVE;
            Endpoint lookup = version.equals("v2") ? Endpoint.V2_GET_URL : Endpoint.V1_LOOKUP;
            // one lookup per module, one new entry per changed module
            assertThat(server.requestLog().count(lookup)).isEqualTo(5);
            assertThat(server.requestLog().count(create)).isEqualTo(5);
            assertThat(build.store).doesNotExist();
            assertThat(cold.lines("[gha-cache] hits=0 partial=0 misses=5 saved=5")).singleElement().asString()
                    .contains("api calls=10, http requests=");

            build.deleteTargets();
            server.requestLog().clear();
            MavenBuild.Result warm = build.run("verify").assertSuccess();
            assertThat(warm.outcomes()).containsExactly(entry("example-parent", "hit"), entry("core", "hit"),
                    entry("service", "hit"), entry("app", "hit"), entry("util", "hit"));
            assertThat(warm.log()).doesNotContain("--- compiler:", "[WARNING] [gha-cache]");
            assertThat(server.requestLog().count(lookup)).isEqualTo(5);
            assertThat(server.requestLog().count(create)).isZero();
            assertThat(warm.lines("[gha-cache] hits=5 partial=0 misses=0 saved=0")).singleElement().asString()
                    .contains("api calls=5, http requests=10 ");
            // nothing secret in the output, not even at -X, where every library logs what it does
            build.deleteTargets();
            MavenBuild.Result debug = build.run("verify", "-X").assertSuccess();
            assertThat(debug.lines("[DEBUG] [gha-cache] HTTP ")).isNotEmpty();
            String secret = server.token().split("\\.")[1];
            assertThat(cold.log() + warm.log() + debug.log()).doesNotContain(secret).doesNotContain("sig=")
                    .doesNotContain("Bearer ey");
        }
    }
}
