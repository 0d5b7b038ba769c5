package io.github.ghacache.maven;

import io.github.ghacache.pack.CodecWarmup;
import io.github.ghacache.report.BuildReport;
import io.github.ghacache.report.TestTotals;
import java.io.IOException;

/**
 * Runs, on one background thread started with the build, what would otherwise load while the build waits:
 * the codecs of the first restore or save, the parser of restored test reports, and the serializers of
 * the report written at the very end.
 * Failures are ignored: the real use reports them.
 */
final class StartupWarmup {
    private StartupWarmup() {}

    /** {@code codecs}: also what restores and saves need (not when the build runs no cacheable step). */
    static void startInBackground(boolean codecs) {
        Thread t = new Thread(() -> run(codecs), "gha-cache-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run(boolean codecs) {
        try {
            if (codecs) {
                CodecWarmup.run();
                TestTotals.warmUp();
            }
            BuildReport.warmUp();
        } catch (IOException | RuntimeException | LinkageError e) {
            // the real report says what is wrong
        }
    }
}
