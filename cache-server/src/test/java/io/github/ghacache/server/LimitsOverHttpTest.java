package io.github.ghacache.server;

import static io.github.ghacache.server.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.server.store.StoreSettings;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creation rate limit, cap eviction and racing clients, seen through the wire (spec §7 rows 4, 6, 7). */
class LimitsOverHttpTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static CacheServer server;
    private Wire wire;

    @BeforeAll
    static void start() {
        server = CacheServer.builder().clock(CLOCK).start();
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
    void creationsBeyondThePerMinuteLimitGet429WithIntegerRetryAfter() {
        server.settings(StoreSettings.defaults().withCreatesPerMinute(2));
        Wire.check(wire.create("a", "v"), 200);
        Wire.check(wire.reserve("b", "v", 1L), 201);
        HttpResponse<String> v2 = wire.create("c", "v");
        assertThat(v2.statusCode()).isEqualTo(429);
        assertThat(json(v2).get("code").asText()).isEqualTo("resource_exhausted");
        assertThat(v2.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(s).matches("[1-9][0-9]*"));
        HttpResponse<String> v1 = wire.reserve("c", "v", 1L);
        assertThat(v1.statusCode()).isEqualTo(429);
        assertThat(json(v1).get("typeKey").asText()).isEqualTo("RequestBlockedException");
        assertThat(wire.getUrl("a", "v").statusCode()).as("reads are not limited").isEqualTo(200);
        CLOCK.advance(java.time.Duration.ofMinutes(1));
        assertThat(wire.create("c", "v").statusCode()).isEqualTo(200);
    }

    @Test
    void overTheCapTheLeastRecentlyUsedEntryGoes() {
        server.settings(StoreSettings.defaults().withCapBytes(250));
        wire.saveV2("first", "v", new byte[100]);
        CLOCK.advance(java.time.Duration.ofSeconds(1));
        wire.saveV1("second", "v", new byte[100]);
        CLOCK.advance(java.time.Duration.ofSeconds(1));
        assertThat(wire.restoreV2("first", "v")).hasSize(100);
        CLOCK.advance(java.time.Duration.ofSeconds(1));
        wire.saveV2("third", "v", new byte[100]);
        assertThat(wire.lookupV1("second", "v").statusCode()).isEqualTo(204);
        assertThat(wire.restoreV2("first", "v")).isNotNull();
        assertThat(wire.restoreV2("third", "v")).isNotNull();
        assertThat(server.store().totalBytes()).isEqualTo(200);
    }

    @Test
    void racingClientsCreatingOneKeyGetOneWinnerAndConflicts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                statuses.add(pool.submit(() -> new Wire(server).create("race", "v").statusCode()));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                got.add(f.get());
            }
            assertThat(got).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
