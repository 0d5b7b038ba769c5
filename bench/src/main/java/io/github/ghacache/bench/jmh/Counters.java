package io.github.ghacache.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Files and megabytes handled, reported by JMH as rates (files/s, MB/s) next to ops/s. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Counters {
    public double files;
    public double megabytes;

    @Setup(Level.Iteration)
    public void reset() {
        files = 0;
        megabytes = 0;
    }

    void add(long fileCount, long bytes) {
        files += fileCount;
        megabytes += bytes / (1024.0 * 1024.0);
    }
}
