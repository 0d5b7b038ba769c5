package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.server.CacheServer;
import io.github.ghacache.server.fault.Fault;
import io.github.ghacache.server.http.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault cache-server can inject, on lookup, download and upload, over v2 and v1: the build passes with the
 * same jar as a build without the extension; a fault the client absorbs (retry, renewed URL) costs nothing else;
 * a fault it cannot absorb costs exactly one warning naming what failed, and fails the build with that reason
 * when {@code gha.cache.failOnError=true}. The figures of every cell are printed for the notes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixIT {
    private static final AtomicInteger CELLS = new AtomicInteger();

    /** {@code degraded}: the expected warning's words; null when the fault must be absorbed. */
    record Cell(String protocol, String phase, String fault, Endpoint endpoint, Fault injected, boolean always,
            String degraded) {
        @Override
        public String toString() {
            return protocol + " " + phase + " " + fault;
        }
    }

    private final Map<String, CacheServer> servers = new java.util.HashMap<>();
    private Map<String, String> reference;
    private final List<String> figures = new ArrayList<>();

    @BeforeAll
    void seed() throws Exception {
        MavenBuild plain = MavenBuild.of("fault-reference", MavenBuild.PROJECTS.resolve("single-module"));
        plain.run("verify", "-Dgha.cache.enabled=false").assertSuccess();
        reference = Jars.entries(plain.dir.resolve("target/single-1.0.jar"));
        for (String protocol : List.of("v2", "v1")) {
            CacheServer server = CacheServer.start();
            servers.put(protocol, server);
            // the pack that lookup and download cells find
            build(protocol, "seed-" + protocol).run("verify").assertSuccess();
        }
    }

    @AfterAll
    void stop() {
        servers.values().forEach(CacheServer::close);
        System.out.println("\n| protocol | phase | fault | outcome | warnings | seconds |\n| --- | --- | --- | --- | --- | --- |");
        figures.forEach(System.out::println);
    }

    private MavenBuild build(String protocol, String name) throws Exception {
        CacheServer server = servers.get(protocol);
        return MavenBuild.of(name, MavenBuild.PROJECTS.resolve("single-module"))
                .withEnv("ACTIONS_RUNTIME_TOKEN", server.token())
                .withEnv("ACTIONS_CACHE_URL", server.v1Url())
                .withEnv("ACTIONS_RESULTS_URL", server.v2Url())
                .withEnv("ACTIONS_CACHE_SERVICE_V2", protocol.equals("v2") ? "True" : "");
    }

    static Stream<Arguments> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String p : List.of("v2", "v1")) {
            boolean v2 = p.equals("v2");
            Endpoint lookup = v2 ? Endpoint.V2_GET_URL : Endpoint.V1_LOOKUP;
            Endpoint create = v2 ? Endpoint.V2_CREATE : Endpoint.V1_RESERVE;
            Endpoint upload = v2 ? Endpoint.BLOB_PUT : Endpoint.V1_UPLOAD;
            cells.add(new Cell(p, "lookup", "500 once", lookup, Fault.status(500), false, null));
            cells.add(new Cell(p, "lookup", "503 storm", lookup, Fault.status(503), true, "Could not look up the cache"));
            cells.add(new Cell(p, "lookup", "429 storm, Retry-After 1", lookup, Fault.rateLimited("1"), true,
                    "Could not look up the cache"));
            cells.add(new Cell(p, "lookup", "slower than the timeout", lookup, Fault.latency(Duration.ofSeconds(40)),
                    true, "Could not look up the cache"));
            cells.add(new Cell(p, "download", "dropped connection once", Endpoint.BLOB_GET, Fault.dropConnection(),
                    false, null));
            cells.add(new Cell(p, "download", "truncated body once", Endpoint.BLOB_GET, Fault.truncateBody(100), false,
                    null));
            cells.add(new Cell(p, "download", "expired signed URL once", Endpoint.BLOB_GET, Fault.expiredUrl(), false,
                    null));
            cells.add(new Cell(p, "download", "corrupted bytes", Endpoint.BLOB_GET, Fault.corruptBody(), true,
                    "SHA-256"));
            cells.add(new Cell(p, "download", "500 storm", Endpoint.BLOB_GET, Fault.status(500), true, "HTTP 500"));
            cells.add(new Cell(p, "upload", "503 once", upload, Fault.status(503), false, null));
            cells.add(new Cell(p, "upload", "500 storm on create", create, Fault.status(500), true,
                    "Could not save to the cache"));
            cells.add(new Cell(p, "upload", "429 storm on create", create, Fault.rateLimited("1"), true, "throttled"));
            cells.add(new Cell(p, "upload", "dropped connection storm", upload, Fault.dropConnection(), true,
                    "Could not save to the cache"));
        }
        return cells.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void faultEndsInACorrectBuild(Cell cell) throws Exception {
        CacheServer server = servers.get(cell.protocol());
        boolean upload = cell.phase().equals("upload");
        // upload cells need a key nobody saved yet; lookup and download cells find the seeded pack
        String salt = upload ? "-Dgha.cache.salt=cell" + CELLS.incrementAndGet() : "-Dgha.cache.salt=";
        String name = ("fault-" + cell.protocol() + "-" + cell.phase() + "-" + cell.fault())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        MavenBuild build = build(cell.protocol(), name);
        String timeout = cell.fault().contains("slower") ? "-Dgha.cache.timeout=5s" : "-Dgha.cache.timeout=60s";

        inject(server, cell);
        long start = System.nanoTime();
        MavenBuild.Result r;
        try {
            r = build.run("verify", salt, timeout).assertSuccess();
        } finally {
            server.faults().clear();
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000;

        assertThat(Jars.entries(build.dir.resolve("target/single-1.0.jar"))).isEqualTo(reference);
        List<String> warnings = r.lines("[WARNING] [gha-cache]");
        String outcome = r.outcome("single") + (r.module("single").get("saved").asBoolean() ? ", saved" : "");
        figures.add("| " + cell.protocol() + " | " + cell.phase() + " | " + cell.fault() + " | " + outcome + " | "
                + warnings.size() + " | " + seconds + " |");
        if (cell.degraded() == null) {
            assertThat(warnings).as("absorbed fault, no warning").isEmpty();
            assertThat(r.outcome("single")).isEqualTo(upload ? "miss" : "hit");
            if (upload) {
                assertThat(r.module("single").get("saved").asBoolean()).isTrue();
            }
            return;
        }
        assertThat(warnings).singleElement().asString().contains(cell.degraded());
        assertThat(r.outcome("single")).isEqualTo("miss");
        assertThat(r.module("single").get("saved").asBoolean()).isFalse();

        // the same fault with failOnError: the build fails and says why
        inject(server, cell);
        try {
            MavenBuild.Result strict = build.relocatedCopy("strict").run("verify",
                    upload ? "-Dgha.cache.salt=cell" + CELLS.incrementAndGet() : salt, timeout,
                    "-Dgha.cache.failOnError=true");
            assertThat(strict.exitCode()).isNotZero();
            assertThat(strict.log()).contains("Failing because gha.cache.failOnError=true")
                    .contains(cell.degraded());
        } finally {
            server.faults().clear();
        }
    }

    private static void inject(CacheServer server, Cell cell) {
        if (cell.always()) {
            server.faults().always(cell.endpoint(), cell.injected());
        } else {
            server.faults().next(1, cell.endpoint(), cell.injected());
        }
    }

}
