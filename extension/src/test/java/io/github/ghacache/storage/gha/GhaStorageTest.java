package io.github.ghacache.storage.gha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghacache.http.Deadline;
import io.github.ghacache.server.CacheServer;
import io.github.ghacache.server.fault.Fault;
import io.github.ghacache.server.http.Endpoint;
import io.github.ghacache.storage.StorageException;
import io.github.ghacache.storage.StoredPack;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gha backend against our real cache-server on 127.0.0.1, over both protocol versions. */
class GhaStorageTest {
    /** Small blocks and chunks so that a 3 MB pack takes several of each. */
    private static final GhaStorage.Tuning SMALL = new GhaStorage.Tuning(512 * 1024, 256 * 1024, 256 * 1024, 4);
    private static final String PREFIX = "gha-maven-2:maven:g:a:";

    @TempDir
    Path dir;

    private CacheServer server;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() {
        server = CacheServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GhaStorage storage(GhaRuntime.Protocol protocol) throws StorageException {
        Map<String, String> env = Map.of(
                "ACTIONS_RUNTIME_TOKEN", server.token(),
                "ACTIONS_CACHE_URL", server.v1Url(),
                "ACTIONS_RESULTS_URL", server.v2Url(),
                "ACTIONS_CACHE_SERVICE_V2", protocol == GhaRuntime.Protocol.V2 ? "True" : "");
        GhaRuntime runtime = GhaRuntime.resolve(env::get, null, null, "auto");
        assertThat(runtime.protocol()).isEqualTo(protocol);
        return GhaStorage.open(runtime, Deadline.after(Duration.ofMinutes(2)), 100, SMALL, calls::incrementAndGet);
    }

    private Path file(String name, int size, long seed) throws Exception {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] read(StoredPack pack, Path dir) throws Exception {
        Path copy = Files.createTempFile(dir, "copy", ".bin");
        pack.copyRange(0, pack.size(), copy);
        return Files.readAllBytes(copy);
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void missOnAnEmptyService(GhaRuntime.Protocol protocol) throws Exception {
        try (GhaStorage s = storage(protocol)) {
            assertThat(s.lookup(PREFIX + "1", PREFIX)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void savedPackIsFoundByKeyAndReadByRanges(GhaRuntime.Protocol protocol) throws Exception {
        Path pack = file("p", 100_000, 1);
        try (GhaStorage s = storage(protocol)) {
            assertThat(s.save(PREFIX + "1", PREFIX, pack)).isTrue();
            StoredPack found = s.lookup(PREFIX + "1", PREFIX).orElseThrow();

            assertThat(found.key()).isEqualTo(PREFIX + "1");
            assertThat(found.size()).isEqualTo(100_000);
            assertThat(read(found, dir)).isEqualTo(Files.readAllBytes(pack));
            try (InputStream in = found.openRange(500, 10)) {
                byte[] expected = java.util.Arrays.copyOfRange(Files.readAllBytes(pack), 500, 510);
                assertThat(in.readAllBytes()).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void prefixLookupFindsTheNewestPackOfTheModule(GhaRuntime.Protocol protocol) throws Exception {
        try (GhaStorage s = storage(protocol)) {
            s.save(PREFIX + "old", PREFIX, file("a", 1000, 1));
            s.save("gha-maven-2:maven:g:a-other:x", "gha-maven-2:maven:g:a-other:", file("b", 1000, 2));
            s.save(PREFIX + "new", PREFIX, file("c", 1000, 3));

            StoredPack found = s.lookup(PREFIX + "absent", PREFIX).orElseThrow();

            assertThat(found.key()).isEqualTo(PREFIX + "new");
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void secondSaveOfAKeyIsRefusedAndKeepsTheFirst(GhaRuntime.Protocol protocol) throws Exception {
        Path first = file("a", 5000, 1);
        try (GhaStorage s = storage(protocol)) {
            assertThat(s.save(PREFIX + "k", PREFIX, first)).isTrue();
            assertThat(s.save(PREFIX + "k", PREFIX, file("b", 5000, 2))).isFalse();

            assertThat(read(s.lookup(PREFIX + "k", PREFIX).orElseThrow(), dir)).isEqualTo(Files.readAllBytes(first));
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void largePackTravelsInSeveralBlocksOrChunksBothWays(GhaRuntime.Protocol protocol) throws Exception {
        Path pack = file("big", 3 * 1024 * 1024 + 17, 7);
        try (GhaStorage s = storage(protocol)) {
            s.save(PREFIX + "big", PREFIX, pack);
            assertThat(read(s.lookup(PREFIX + "big", PREFIX).orElseThrow(), dir)).isEqualTo(Files.readAllBytes(pack));
        }
        if (protocol == GhaRuntime.Protocol.V2) {
            assertThat(server.requestLog().count(Endpoint.BLOB_PUT_BLOCK)).isEqualTo(13);
            assertThat(server.requestLog().count(Endpoint.BLOB_PUT_BLOCK_LIST)).isEqualTo(1);
        } else {
            assertThat(server.requestLog().count(Endpoint.V1_UPLOAD)).isEqualTo(13);
        }
        // the head in one request, the rest in ranged requests of the chunk size
        assertThat(server.requestLog().count(Endpoint.BLOB_GET)).isGreaterThan(5);
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void serverErrorsAreRetried(GhaRuntime.Protocol protocol) throws Exception {
        Path pack = file("p", 2 * 1024 * 1024, 3);
        Endpoint lookup = protocol == GhaRuntime.Protocol.V2 ? Endpoint.V2_GET_URL : Endpoint.V1_LOOKUP;
        Endpoint upload = protocol == GhaRuntime.Protocol.V2 ? Endpoint.BLOB_PUT_BLOCK : Endpoint.V1_UPLOAD;
        server.faults().next(1, lookup, Fault.status(500))
                .next(2, upload, Fault.status(503))
                .next(1, Endpoint.BLOB_GET, Fault.status(502));
        try (GhaStorage s = storage(protocol)) {
            assertThat(s.lookup(PREFIX + "1", PREFIX)).isEmpty();
            assertThat(s.save(PREFIX + "1", PREFIX, pack)).isTrue();
            assertThat(read(s.lookup(PREFIX + "1", PREFIX).orElseThrow(), dir)).isEqualTo(Files.readAllBytes(pack));
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void droppedAndTruncatedDownloadsAreRetriedToTheRightBytes(GhaRuntime.Protocol protocol) throws Exception {
        Path pack = file("p", 2 * 1024 * 1024, 4);
        try (GhaStorage s = storage(protocol)) {
            s.save(PREFIX + "1", PREFIX, pack);
            StoredPack found = s.lookup(PREFIX + "1", PREFIX).orElseThrow();
            server.faults().next(1, Endpoint.BLOB_GET, Fault.dropConnection())
                    .next(1, Endpoint.BLOB_GET, Fault.truncateBody(1000));

            assertThat(read(found, dir)).isEqualTo(Files.readAllBytes(pack));
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void expiredDownloadUrlIsRenewedOnce(GhaRuntime.Protocol protocol) throws Exception {
        Path pack = file("p", 2 * 1024 * 1024, 5);
        try (GhaStorage s = storage(protocol)) {
            s.save(PREFIX + "1", PREFIX, pack);
            StoredPack found = s.lookup(PREFIX + "1", PREFIX).orElseThrow();
            server.faults().next(1, Endpoint.BLOB_GET, Fault.expiredUrl());

            assertThat(read(found, dir)).isEqualTo(Files.readAllBytes(pack));
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void repeatedThrottlingOnCreationStopsSaving(GhaRuntime.Protocol protocol) throws Exception {
        Endpoint create = protocol == GhaRuntime.Protocol.V2 ? Endpoint.V2_CREATE : Endpoint.V1_RESERVE;
        server.faults().always(create, Fault.rateLimited("1"));
        try (GhaStorage s = storage(protocol)) {
            assertThatThrownBy(() -> s.save(PREFIX + "1", PREFIX, file("a", 100, 1)))
                    .isInstanceOf(StorageException.class).hasMessageContaining("throttled");
            assertThat(s.savingStopped()).isNull();
            assertThatThrownBy(() -> s.save(PREFIX + "2", PREFIX, file("b", 100, 2)))
                    .hasMessageContaining("saves nothing more");
            assertThat(s.savingStopped()).isNotNull();
            long creates = server.requestLog().count(create);
            assertThat(s.save(PREFIX + "3", PREFIX, file("c", 100, 3))).isFalse();
            assertThat(server.requestLog().count(create)).isEqualTo(creates);
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void failuresNeverShowTheTokenOrSignatures(GhaRuntime.Protocol protocol) throws Exception {
        server.faults().always(Endpoint.Family.BLOB, Fault.status(500));
        try (GhaStorage s = storage(protocol)) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                    () -> s.save(PREFIX + "1", PREFIX, file("a", 100, 1)));
            if (protocol == GhaRuntime.Protocol.V1) {
                server.faults().clear();
                server.faults().always(Endpoint.V1_UPLOAD, Fault.status(500));
                t = org.assertj.core.api.Assertions.catchThrowable(
                        () -> s.save(PREFIX + "2", PREFIX, file("b", 100, 2)));
            }
            assertThat(t).isInstanceOf(StorageException.class);
            String all = String.valueOf(t) + t.getCause();
            assertThat(all).doesNotContain(server.token().substring(0, 30)).doesNotContain("sig=");
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void anUnreachableServiceIsGivenUpAfterTwoFailuresInARow(GhaRuntime.Protocol protocol) throws Exception {
        GhaStorage s = storage(protocol);
        server.close();
        try (s) {
            assertThatThrownBy(() -> s.lookup(PREFIX + "1", PREFIX)).isInstanceOf(StorageException.class);
            assertThat(s.unavailable()).isNull();
            assertThatThrownBy(() -> s.save(PREFIX + "1", PREFIX, file("a", 100, 1)))
                    .hasMessageContaining("stops using it");
            assertThat(s.unavailable()).isNotNull();
            assertThat(s.savingStopped()).isNotNull();
            assertThat(s.lookup(PREFIX + "2", PREFIX)).isEmpty();
            assertThat(s.save(PREFIX + "2", PREFIX, file("b", 100, 2))).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void prefetchFindsTheNewestPackByPrefixAlone(GhaRuntime.Protocol protocol) throws Exception {
        try (GhaStorage s = storage(protocol)) {
            assertThat(s.prefetchNewest(PREFIX)).isEmpty();
            s.save(PREFIX + "old", PREFIX, file("a", 1000, 1));
            s.save(PREFIX + "new", PREFIX, file("b", 1000, 2));

            assertThat(s.prefetchNewest(PREFIX).orElseThrow().key()).isEqualTo(PREFIX + "new");
        }
    }

    @ParameterizedTest
    @EnumSource(GhaRuntime.Protocol.class)
    void failedPrefetchesNeverCountTowardsGivingUp(GhaRuntime.Protocol protocol) throws Exception {
        GhaStorage s = storage(protocol);
        server.close();
        try (s) {
            // two failures in a row are what gives a service up
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> s.prefetchNewest(PREFIX)).isInstanceOf(StorageException.class);
            }
            assertThat(s.unavailable()).as("only the modules' own lookups decide").isNull();
            assertThatThrownBy(() -> s.lookup(PREFIX + "1", PREFIX)).isInstanceOf(StorageException.class);
            assertThat(s.unavailable()).isNull();
        }
    }
}
