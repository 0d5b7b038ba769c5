package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.ghacache.server.CacheServer;
import io.github.ghacache.server.http.Endpoint;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
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

    @Test
    void maxModeDownloadsOnlyTheMembersAPartlyChangedModuleNeeds() throws Exception {
        try (CacheServer server = CacheServer.start()) {
            MavenBuild build = MavenBuild.of("gha-max", MavenBuild.EXAMPLES.resolve("multi-module"))
                    .withEnv("ACTIONS_RUNTIME_TOKEN", server.token())
                    .withEnv("ACTIONS_CACHE_URL", server.v1Url())
                    .withEnv("ACTIONS_RESULTS_URL", server.v2Url())
                    .withEnv("ACTIONS_CACHE_SERVICE_V2", "True");
            // 2 MB that does not compress away: in the resources member, the jar and the sources jar
            byte[] noise = new byte[1536 * 1024];
            new Random(42).nextBytes(noise);
            Files.writeString(build.dir.resolve("core/src/main/resources/noise.txt"),
                    Base64.getMimeEncoder().encodeToString(noise));
            MavenBuild.Result cold = build.run("verify", "-Dgha.cache.mode=max").assertSuccess();
            long packBytes = cold.module("core").get("bytesUp").asLong();
            assertThat(packBytes).isGreaterThan(4L << 20);

            MavenBuild.Result again = build.relocatedCopy("unchanged").run("verify", "-Dgha.cache.mode=max")
                    .assertSuccess();
            assertThat(again.outcomes()).containsEntry("core", "hit").containsEntry("app", "hit");

            // a main source changes: only the resources (and the small test-resources) members are needed
            MavenBuild edited = build.relocatedCopy("edited");
            String greeter = "core/src/main/java/org/example/core/Greeter.java";
            Files.writeString(edited.dir.resolve(greeter), Files.readString(edited.dir.resolve(greeter))
                    .replace("greeting + \", \" + name", "greeting + \", \" + name.strip()"));
            server.requestLog().clear();
            MavenBuild.Result warm = edited.run("verify", "-Dgha.cache.mode=max").assertSuccess();
            assertThat(warm.steps("core")).containsEntry("maven-resources-plugin:resources", "restored")
                    .containsEntry("maven-compiler-plugin:compile", "ran")
                    .containsEntry("maven-jar-plugin:jar", "ran");
            long down = warm.module("core").get("bytesDown").asLong();
            assertThat(down).as("bytes of core's members read").isGreaterThan(1L << 20).isLessThan(packBytes / 2);
            assertThat(server.requestLog().count(Endpoint.BLOB_GET)).as("ranged reads, not one whole download")
                    .isGreaterThan(1);
        }
    }
}
