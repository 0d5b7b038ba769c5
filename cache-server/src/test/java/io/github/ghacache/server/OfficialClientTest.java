package io.github.ghacache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghacache.server.http.Endpoint;
import io.github.ghacache.server.http.RecordedRequest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proof that the server speaks the real protocol: the official {@code @actions/cache} npm client (installed
 * from the npm registry into target/npm at test time) saves and restores through it, v1 and v2. Without node the
 * test is skipped on a laptop but FAILS under CI=true.
 */
class OfficialClientTest {
    private static final String PACKAGE_VERSION = System.getProperty("actions.cache.npm.version", "6.3.0");
    private static final Path NPM_DIR = Paths.get(System.getProperty("npm.dir", "target/npm")).toAbsolutePath();
    private static final Path JS_DIR = Paths.get(System.getProperty("js.dir", "src/test/js")).toAbsolutePath();
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    @TempDir
    Path work;

    @BeforeAll
    static void installClient() throws Exception {
        if (which("node") == null || which("npm") == null) {
            if (CI) {
                fail("node and npm are required on PATH under CI=true (the official-client protocol test)");
            }
            Assumptions.abort("node/npm not on PATH: official-client test skipped (set CI=true to make this fatal)");
        }
        Path installed = NPM_DIR.resolve("node_modules/@actions/cache/package.json");
        if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"" + PACKAGE_VERSION + "\"")) {
            Files.createDirectories(NPM_DIR);
            if (!Files.exists(NPM_DIR.resolve("package.json"))) {
                Files.writeString(NPM_DIR.resolve("package.json"), "{\"name\":\"gha-cache-server-client-test\",\"private\":true}\n");
            }
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                    "@actions/cache@" + PACKAGE_VERSION).directory(NPM_DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(NPM_DIR.resolve("npm-install.log").toFile()).start();
            boolean done = npm.waitFor(5, TimeUnit.MINUTES);
            if (!done || npm.exitValue() != 0) {
                npm.destroyForcibly();
                String log = Files.readString(NPM_DIR.resolve("npm-install.log"));
                if (CI) {
                    fail("npm install @actions/cache@" + PACKAGE_VERSION + " failed:\n" + log);
                }
                Assumptions.abort("npm install failed (offline?): " + log);
            }
        }
        Files.copy(JS_DIR.resolve("cache-driver.mjs"), NPM_DIR.resolve("cache-driver.mjs"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v1", "v2"})
    void officialClientSavesAndRestoresThroughTheServer(String protocol) throws Exception {
        try (CacheServer server = CacheServer.builder().dir(work.resolve("server")).start()) {
            Path workspace = Files.createDirectories(work.resolve("ws"));
            Path data = workspace.resolve("data");
            byte[] big = new byte[3 * 1024 * 1024 + 12345]; // incompressible: several 1 MiB v1 chunks
            new Random(42).nextBytes(big);
            writeFolder(data, big, "first");
            List<String> paths = List.of("data");
            String key = "it-" + protocol + "-linux-1";

            JsonNode saved = drive(server, protocol, workspace, "save", paths, key, List.of());
            assertThat(saved.path("error").isMissingNode()).as("save error: %s", saved).isTrue();
            assertThat(saved.get("cacheId").asLong()).isPositive();

            deleteTree(data);
            JsonNode exact = drive(server, protocol, workspace, "restore", paths, key, List.of());
            assertThat(exact.get("matchedKey").asText()).isEqualTo(key);
            assertThat(Files.readAllBytes(data.resolve("big.bin"))).isEqualTo(big);
            assertThat(Files.readString(data.resolve("sub/note.txt"))).isEqualTo("first");

            deleteTree(data);
            JsonNode prefix = drive(server, protocol, workspace, "restore", paths, "it-" + protocol + "-linux-2",
                    List.of("it-" + protocol + "-linux-"));
            assertThat(prefix.get("matchedKey").asText()).isEqualTo(key);
            assertThat(Files.readString(data.resolve("sub/note.txt"))).isEqualTo("first");

            deleteTree(data);
            JsonNode primaryPrefix = drive(server, protocol, workspace, "restore", paths, "it-" + protocol + "-linux",
                    List.of());
            assertThat(primaryPrefix.get("matchedKey").asText()).isEqualTo(key);

            deleteTree(data);
            JsonNode miss = drive(server, protocol, workspace, "restore", paths, "nothing-1", List.of("nothing-"));
            assertThat(miss.get("matchedKey").isNull()).as("miss: %s", miss).isTrue();
            assertThat(Files.exists(data)).isFalse();

            writeFolder(data, new byte[] {1, 2, 3}, "second");
            JsonNode again = drive(server, protocol, workspace, "save", paths, key, List.of());
            assertThat(again.get("cacheId").asLong()).as("second save of the same key is refused").isEqualTo(-1);
            deleteTree(data);
            drive(server, protocol, workspace, "restore", paths, key, List.of());
            assertThat(Files.readString(data.resolve("sub/note.txt"))).as("the first save is intact").isEqualTo("first");
            assertThat(Files.readAllBytes(data.resolve("big.bin"))).isEqualTo(big);

            assertProtocolUsed(server, protocol);
        }
    }

    private static void assertProtocolUsed(CacheServer server, String protocol) {
        var log = server.requestLog();
        if (protocol.equals("v2")) {
            assertThat(log.count(Endpoint.V1_LOOKUP) + log.count(Endpoint.V1_RESERVE)).isZero();
            assertThat(log.count(Endpoint.V2_CREATE)).isEqualTo(2);
            assertThat(log.of(Endpoint.V2_CREATE)).extracting(RecordedRequest::status).containsExactly(200, 409);
            assertThat(log.count(Endpoint.V2_FINALIZE)).isEqualTo(1);
            assertThat(log.count(Endpoint.BLOB_PUT) + log.count(Endpoint.BLOB_PUT_BLOCK)).isPositive();
        } else {
            assertThat(log.count(Endpoint.V2_CREATE) + log.count(Endpoint.V2_GET_URL)).isZero();
            assertThat(log.of(Endpoint.V1_RESERVE)).extracting(RecordedRequest::status).containsExactly(201, 409);
            List<RecordedRequest> chunks = log.of(Endpoint.V1_UPLOAD);
            assertThat(chunks).as("1 MiB chunks of a 3+ MiB archive").hasSizeGreaterThanOrEqualTo(4);
            assertThat(chunks).allSatisfy(r -> assertThat(r.status()).isEqualTo(204));
            assertThat(chunks).anySatisfy(r -> assertThat(r.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked"));
            assertThat(log.of(Endpoint.V1_COMMIT)).extracting(RecordedRequest::status).containsExactly(204);
            assertThat(log.of(Endpoint.V1_LOOKUP)).extracting(RecordedRequest::status).contains(200, 204);
        }
    }

    private JsonNode drive(CacheServer server, String protocol, Path workspace, String op, List<String> paths, String key,
            List<String> restoreKeys) throws Exception {
        var request = Wire.JSON.createObjectNode().put("op", op).put("key", key);
        paths.forEach(request.putArray("paths")::add);
        restoreKeys.forEach(request.putArray("restoreKeys")::add);
        ProcessBuilder pb = new ProcessBuilder("node", NPM_DIR.resolve("cache-driver.mjs").toString(), request.toString())
                .directory(workspace.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("ACTIONS_") || k.startsWith("GITHUB_") || k.startsWith("RUNNER_")
                || k.startsWith("CACHE_") || k.equals("SEGMENT_DOWNLOAD_TIMEOUT_MINS"));
        env.put("ACTIONS_RUNTIME_TOKEN", server.token());
        env.put("ACTIONS_RESULTS_URL", server.v2Url());
        env.put("ACTIONS_CACHE_URL", server.v1Url());
        if (protocol.equals("v2")) {
            env.put("ACTIONS_CACHE_SERVICE_V2", "True");
        }
        // only read as a string to decide "not GHES": no request goes there
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("RUNNER_TEMP", Files.createDirectories(work.resolve("runner-temp")).toString());
        env.put("RUNNER_DEBUG", "1");
        env.put("CACHE_UPLOAD_CHUNK_SIZE", "1"); // MiB: v1 uploads in several concurrent, out-of-order chunks
        env.put("NO_PROXY", "127.0.0.1,localhost");
        env.remove("HTTP_PROXY");
        env.remove("HTTPS_PROXY");
        env.remove("http_proxy");
        env.remove("https_proxy");
        Process node = pb.start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(2, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            fail("node did not finish: " + output);
        }
        String last = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no RESULT line from the driver:\n" + output));
        System.out.println("[" + protocol + " " + op + " " + key + "]\n" + output);
        return Wire.JSON.readTree(last.substring(7));
    }

    private static void writeFolder(Path data, byte[] big, String note) throws IOException {
        Files.createDirectories(data.resolve("sub"));
        Files.write(data.resolve("big.bin"), big);
        Files.writeString(data.resolve("sub/note.txt"), note);
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String which(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
