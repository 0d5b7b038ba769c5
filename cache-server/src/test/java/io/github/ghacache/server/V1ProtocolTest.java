package io.github.ghacache.server;

import static io.github.ghacache.server.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghacache.server.auth.TokenScope;
import io.github.ghacache.server.fault.Fault;
import io.github.ghacache.server.http.Endpoint;
import io.github.ghacache.server.store.StoreSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The legacy v1 REST API over real HTTP (spec §2, §7 rows 8-13). */
class V1ProtocolTest {
    private static final String V = "c538a492dc53daaed119aaacbe9be444dd6f0478f3c1e96eef74be5e3b7be6fa";
    private static CacheServer server;
    private Wire wire;

    @BeforeAll
    static void start() {
        server = CacheServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
        server.settings(StoreSettings.defaults());
        wire = new Wire(server);
    }

    @Test
    void baseUrlCarriesAPathPrefixWithTrailingSlash() {
        assertThat(URI.create(server.v1Url()).getPath()).isEqualTo(CacheServer.V1_PREFIX).endsWith("/");
    }

    @Test
    void routesWorkBelowAnyPrefix() {
        wire.saveV1("k", V, new byte[] {1});
        for (String prefix : List.of("", "abc/", "deep/er/prefix/")) {
            HttpResponse<String> r = wire.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"
                    + prefix + "_apis/artifactcache/cache?keys=k&version=" + V))
                    .header("Authorization", "Bearer " + wire.token()).GET());
            assertThat(r.statusCode()).as(prefix).isEqualTo(200);
        }
    }

    @Test
    void missIs204WithEmptyBody() {
        HttpResponse<String> r = wire.lookupV1("nothing,nothing-", V);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void hitIs200WithEntryFieldsAndASignedArchiveLocationReadableWithoutAuth() {
        byte[] data = "v1 bytes".getBytes(StandardCharsets.UTF_8);
        wire.saveV1("npm-linux-1", V, data);
        HttpResponse<String> r = wire.lookupV1("npm-linux-2,npm-linux-", V);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode entry = json(r);
        assertThat(entry.get("cacheKey").asText()).isEqualTo("npm-linux-1");
        assertThat(entry.get("scope").asText()).isEqualTo("refs/heads/main");
        assertThat(entry.get("cacheVersion").asText()).isEqualTo(V);
        assertThat(entry.get("creationTime").asText()).isNotEmpty();
        String location = entry.get("archiveLocation").asText();
        HttpResponse<byte[]> blob = wire.getBytes(location, null); // no Authorization header
        assertThat(blob.statusCode()).isEqualTo(200);
        assertThat(blob.body()).isEqualTo(data);
        HttpResponse<byte[]> part = wire.getBytes(location, "bytes=3-");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(new String(part.body(), StandardCharsets.UTF_8)).isEqualTo("bytes");
    }

    @Test
    void reserveAnswersCacheIdAndSecondReserveIs409WithVssConflictBody() {
        HttpResponse<String> first = wire.reserve("k", V, 10L);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).get("cacheId").isIntegralNumber()).isTrue();
        HttpResponse<String> second = wire.reserve("k", V, 10L);
        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode err = json(second);
        assertThat(err.get("typeKey").asText()).isEqualTo("ArtifactCacheItemAlreadyExistsException");
        assertThat(err.get("message").asText())
                .isEqualTo("Cache already exists. Scope: refs/heads/main, Key: k, Version: " + V);
        assertThat(err.has("$id")).isTrue();
        assertThat(err.has("typeName")).isTrue();
        assertThat(err.has("errorCode")).isTrue();
        assertThat(err.has("eventId")).isTrue();
    }

    @Test
    void reserveWithoutCacheSizeIsAcceptedAndOverCapIs400() {
        assertThat(wire.reserve("no-size", V, null).statusCode()).isEqualTo(201);
        server.settings(StoreSettings.defaults().withCapBytes(1000));
        HttpResponse<String> r = wire.reserve("too-big", V, 1001L);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("message").asText()).contains("over the data cap");
    }

    @Test
    void chunksMayArriveOutOfOrderAndConcurrentlyWithChunkedEncoding() throws Exception {
        byte[] data = new byte[5 * 64 * 1024 + 17];
        new Random(1).nextBytes(data);
        long id = json(wire.reserve("chunks", V, (long) data.length)).get("cacheId").asLong();
        int chunk = 64 * 1024;
        List<Integer> starts = new ArrayList<>();
        for (int s = 0; s < data.length; s += chunk) {
            starts.add(s);
        }
        Collections.reverse(starts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int s : starts) {
                byte[] part = Arrays.copyOfRange(data, s, Math.min(data.length, s + chunk));
                futures.add(pool.submit(() -> wire.patch(id, s, part)));
            }
            for (var f : futures) {
                assertThat(f.get().statusCode()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requestLog().of(Endpoint.V1_UPLOAD))
                .allSatisfy(r -> assertThat(r.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked"));
        Wire.check(wire.commit(id, data.length), 204);
        String location = json(wire.lookupV1("chunks", V)).get("archiveLocation").asText();
        assertThat(wire.getBytes(location, null).body()).isEqualTo(data);
    }

    @Test
    void commitWithWrongSizeOrAGapIs400AndNothingBecomesVisible() {
        long id = json(wire.reserve("gap", V, null)).get("cacheId").asLong();
        Wire.check(wire.patch(id, 0, new byte[10]), 204);
        Wire.check(wire.patch(id, 20, new byte[10]), 204);
        HttpResponse<String> gap = wire.commit(id, 30);
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(json(gap).get("message").asText()).contains("does not match");
        assertThat(wire.commit(id, 10).statusCode()).as("bytes beyond the size").isEqualTo(400);
        assertThat(wire.lookupV1("gap", V).statusCode()).isEqualTo(204);
        Wire.check(wire.patch(id, 10, new byte[10]), 204);
        Wire.check(wire.commit(id, 30), 204);
        assertThat(wire.lookupV1("gap", V).statusCode()).isEqualTo(200);
    }

    @Test
    void chunkAfterCommitOrForUnknownIdIs400() {
        long id = wire.saveV1("done", V, new byte[] {1, 2});
        assertThat(wire.patch(id, 0, new byte[] {9}).statusCode()).isEqualTo(400);
        assertThat(wire.patch(987654, 0, new byte[] {9}).statusCode()).isEqualTo(400);
        assertThat(wire.commit(987654, 1).statusCode()).isEqualTo(400);
    }

    @Test
    void malformedContentRangeIs400() {
        long id = json(wire.reserve("cr", V, null)).get("cacheId").asLong();
        HttpResponse<String> r = wire.send(wire.v1Request("caches/" + id).header("Content-Range", "items 0-1/*")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[2])));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("typeKey").asText()).isEqualTo("ArgumentException");
    }

    @Test
    void emptyEntryCanBeSavedAndRead() {
        wire.saveV1("empty", V, new byte[0]);
        String location = json(wire.lookupV1("empty", V)).get("archiveLocation").asText();
        HttpResponse<byte[]> r = wire.getBytes(location, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void listingReturnsEntriesWithTheKeyPrefixAcrossVersions() {
        wire.saveV1("list-a", V, new byte[] {1});
        wire.saveV1("list-a", "other-version", new byte[] {1});
        wire.saveV1("unrelated", V, new byte[] {1});
        HttpResponse<String> r = wire.send(wire.v1Request("caches?key=list-").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = json(r);
        assertThat(list.get("totalCount").asInt()).isEqualTo(2);
        assertThat(list.get("artifactCaches")).extracting(n -> n.get("cacheVersion").asText())
                .containsExactlyInAnyOrder(V, "other-version");
    }

    @Test
    void readOnlyTokenCannotReserveAndTokenWithoutReadScopeCannotLookUp() {
        Wire readOnly = new Wire(server).token(server.token(TokenScope.readOnly("refs/heads/main")));
        HttpResponse<String> reserve = readOnly.reserve("k", V, 1L);
        assertThat(reserve.statusCode()).isEqualTo(403);
        assertThat(json(reserve).get("message").asText()).startsWith("cache write denied:");
        Wire none = new Wire(server).token(server.token(new TokenScope("refs/heads/main", 0)));
        HttpResponse<String> lookup = none.lookupV1("k", V);
        assertThat(lookup.statusCode()).isEqualTo(403);
        assertThat(json(lookup).get("message").asText()).startsWith("cache read denied:");
    }

    @Test
    void errorBodiesCanCarryAUtf8Bom() {
        server.v1ErrorBom(true);
        wire.reserve("bom", V, 1L);
        HttpResponse<byte[]> r = wire.sendBytes(wire.v1Request("caches").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"bom\",\"version\":\"" + V + "\"}")));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Arrays.copyOf(r.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    }

    @Test
    void retiredV1AnswersLegacyShutdown422() {
        server.faults().always(Endpoint.Family.V1, Fault.legacyShutdown());
        HttpResponse<String> r = wire.lookupV1("k", V);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("message").asText()).startsWith("This legacy service is shutting down");
        assertThat(wire.reserve("k", V, 1L).statusCode()).isEqualTo(422);
    }

    @Test
    void unknownV1RouteIs404() {
        HttpResponse<String> r = wire.send(wire.v1Request("nothing").GET());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("typeKey").asText()).isEqualTo("NotFoundException");
    }
}
