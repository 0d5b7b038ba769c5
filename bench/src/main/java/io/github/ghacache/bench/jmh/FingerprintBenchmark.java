package io.github.ghacache.bench.jmh;

import io.github.ghacache.fingerprint.FileTreeHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Fingerprinting a large source tree (in the page cache): what every module's key costs per file. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class FingerprintBenchmark {
    @Param("10000")
    public int files;

    @Param("4096")
    public int fileBytes;

    private Path root;
    private long totalBytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory("gha-bench-src-");
        totalBytes = Trees.sourceTree(root, files, fileBytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Trees.delete(root);
    }

    @Benchmark
    public TreeMap<String, String> hashTree(Counters counters) throws IOException {
        TreeMap<String, String> digests = new FileTreeHasher().hash(root, dir -> false);
        counters.add(digests.size(), totalBytes);
        return digests;
    }
}
