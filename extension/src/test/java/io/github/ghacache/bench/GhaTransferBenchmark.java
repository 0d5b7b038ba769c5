package io.github.ghacache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.http.Deadline;
import io.github.ghacache.server.CacheServer;
import io.github.ghacache.storage.StoredPack;
import io.github.ghacache.storage.gha.GhaRuntime;
import io.github.ghacache.storage.gha.GhaStorage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the test run (surefire skips *Benchmark): upload and download figures of one large pack
 * through cache-server on 127.0.0.1, over v2 and v1, with the peak heap seen meanwhile. Run with
 * {@code mvn -B -pl cache-server,extension test -Dtest=GhaTransferBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.mb=300}.
 */
class GhaTransferBenchmark {
    @TempDir
    Path dir;

    @Test
    void transferFigures() throws Exception {
        int mb = Integer.getInteger("bench.mb", 300);
        Path pack = dir.resolve("pack.bin");
        writeRandom(pack, mb);
        String expected = sha256(pack);
        System.out.printf(Locale.ROOT, "%n| protocol | pack | upload MB/s | download MB/s | peak heap MB |%n");
        System.out.printf(Locale.ROOT, "| --- | --- | --- | --- | --- |%n");
        for (GhaRuntime.Protocol protocol : GhaRuntime.Protocol.values()) {
            try (CacheServer server = CacheServer.builder().dir(dir.resolve("server-" + protocol)).start()) {
                Map<String, String> env = Map.of("ACTIONS_RUNTIME_TOKEN", server.token(),
                        "ACTIONS_CACHE_URL", server.v1Url(), "ACTIONS_RESULTS_URL", server.v2Url(),
                        "ACTIONS_CACHE_SERVICE_V2", protocol == GhaRuntime.Protocol.V2 ? "True" : "");
                GhaRuntime runtime = GhaRuntime.resolve(env::get, null, null, "auto");
                System.gc();
                HeapWatch heap = HeapWatch.start();
                try (GhaStorage storage = GhaStorage.open(runtime, Deadline.after(Duration.ofMinutes(20)), 100,
                        GhaStorage.Tuning.DEFAULT, () -> { })) {
                    long t0 = System.nanoTime();
                    assertThat(storage.save("bench:" + protocol, "bench:", pack)).isTrue();
                    double up = mb / seconds(t0);
                    long t1 = System.nanoTime();
                    StoredPack found = storage.lookup("bench:" + protocol, "bench:").orElseThrow();
                    Path copy = dir.resolve("copy-" + protocol);
                    found.copyRange(0, found.size(), copy);
                    double down = mb / seconds(t1);
                    assertThat(sha256(copy)).isEqualTo(expected);
                    Files.delete(copy);
                    System.out.printf(Locale.ROOT, "| %s | %d MB | %.0f | %.0f | %d |%n", protocol, mb, up, down,
                            heap.stop() >> 20);
                }
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void writeRandom(Path file, int mb) throws IOException {
        Random r = new Random(42);
        byte[] block = new byte[1 << 20];
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < mb; i++) {
                r.nextBytes(block);
                out.write(block);
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Samples the used heap every 10 ms. */
    private static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        private HeapWatch() {
            MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(mx.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch w = new HeapWatch();
            w.thread.start();
            return w;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
