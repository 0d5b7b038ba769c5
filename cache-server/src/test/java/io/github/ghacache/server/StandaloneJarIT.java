package io.github.ghacache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/gha-cache-server.jar} starts, prints eval-able variables first, and answers. */
class StandaloneJarIT {
    private static final Path JAR = Paths.get(System.getProperty("server.jar", "target/gha-cache-server.jar"));

    @TempDir
    Path dir;

    private static Process java(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void printsRunnerVariablesOnTheFirstLineAndServesBothProtocols() throws Exception {
        Process server = java("--port", "0", "--dir", dir.resolve("cache").toString(), "--verbose");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(first).matches("ACTIONS_CACHE_URL=http://127\\.0\\.0\\.1:[0-9]+/\\S*/ "
                    + "ACTIONS_RESULTS_URL=http://127\\.0\\.0\\.1:[0-9]+/ ACTIONS_RUNTIME_TOKEN=[A-Za-z0-9_.-]+");
            Map<String, String> env = new HashMap<>();
            for (String assignment : first.split(" ")) {
                int eq = assignment.indexOf('=');
                env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
            var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> v2 = client.send(HttpRequest.newBuilder(URI.create(env.get("ACTIONS_RESULTS_URL")
                    + "twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL"))
                    .header("Authorization", "Bearer " + env.get("ACTIONS_RUNTIME_TOKEN"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"version\":\"v\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(v2.statusCode()).isEqualTo(200);
            assertThat(v2.body()).isEqualTo("{\"ok\":false}");
            HttpResponse<String> v1 = client.send(HttpRequest.newBuilder(URI.create(env.get("ACTIONS_CACHE_URL")
                    + "_apis/artifactcache/cache?keys=k&version=v"))
                    .header("Authorization", "Bearer " + env.get("ACTIONS_RUNTIME_TOKEN")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(v1.statusCode()).isEqualTo(204);
            assertThat(Files.isDirectory(dir.resolve("cache/entries"))).isTrue();
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void helpListsOptionsAndExitsZero() throws Exception {
        Process help = java("--help");
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(text).contains("--port", "--dir", "--host", "--cap", "--fault", "127.0.0.1");
    }

    @Test
    void unknownOptionExitsTwo() throws Exception {
        Process bad = java("--no-such-option");
        bad.getInputStream().readAllBytes();
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
    }
}
