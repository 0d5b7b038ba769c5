package io.github.ghacache.bench.jmh;

import io.github.ghacache.pack.CorruptPackException;
import io.github.ghacache.pack.MemberExtractor;
import io.github.ghacache.pack.PackFormat;
import io.github.ghacache.pack.PackIndex;
import io.github.ghacache.pack.PackMember;
import io.github.ghacache.pack.PackWriter;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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

/** Writing a module's pack (tar + zstd + SHA-256) and reading it back (verify, then extract all or nothing). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PackBenchmark {
    @Param("2000")
    public int files;

    @Param("6000")
    public int fileBytes;

    private Path work;
    private Path buildDir;
    private Path pack;
    private long totalBytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        work = Files.createTempDirectory("gha-bench-pack-");
        buildDir = work.resolve("build");
        totalBytes = Trees.buildTree(buildDir, files, fileBytes);
        pack = writePack();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Trees.delete(work);
    }

    private Path writePack() throws IOException {
        PackIndex index = new PackIndex();
        index.formatVersion = PackFormat.VERSION;
        index.key = "bench";
        index.module = "bench:module";
        index.mode = "min";
        return PackWriter.write(work.resolve("tmp"), index,
                List.of(new PackWriter.MemberSource("module", buildDir, dir -> false)));
    }

    @Benchmark
    public long write(Counters counters) throws IOException {
        Path written = writePack();
        long size = Files.size(written);
        Files.delete(written);
        counters.add(files, totalBytes);
        return size;
    }

    /** A fresh, not yet existing folder to restore into, removed after each call (outside the measurement). */
    @State(Scope.Thread)
    public static class Target {
        Path dir;

        @Setup(Level.Invocation)
        public void create() throws IOException {
            dir = Files.createTempDirectory("gha-bench-restore-").resolve("target");
        }

        @TearDown(Level.Invocation)
        public void delete() throws IOException {
            Trees.delete(dir.getParent());
        }
    }

    @Benchmark
    public int read(Target target, Counters counters) throws IOException, CorruptPackException {
        try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.READ)) {
            PackFormat.ReadIndex head = PackFormat.readHead(new BufferedInputStream(Channels.newInputStream(channel)));
            PackMember member = head.index().member("module");
            long start = head.dataOffset() + member.offset;
            channel.position(start);
            MemberExtractor.verify(bounded(channel, member.length), member);
            channel.position(start);
            int restored = MemberExtractor.extract(bounded(channel, member.length), member, target.dir,
                    MemberExtractor.Limits.DEFAULT);
            counters.add(restored, member.size);
            return restored;
        }
    }

    /**
     * Experimental control for {@link #read}: the same files copied one by one into a fresh folder, with no
     * pack at all. What the file system alone costs; {@code read} can only be slower.
     */
    @Benchmark
    public long copyBaseline(Target target, Counters counters) throws IOException {
        long copied = 0;
        try (var paths = Files.walk(buildDir)) {
            for (Path from : (Iterable<Path>) paths::iterator) {
                Path to = target.dir.resolve(buildDir.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                    copied++;
                }
            }
        }
        counters.add(copied, totalBytes);
        return copied;
    }

    /** The next {@code length} bytes of the channel, from its current position. */
    private static InputStream bounded(FileChannel channel, long length) {
        return new FilterInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16)) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() {
                // the channel belongs to the caller
            }
        };
    }
}
