package io.github.ghacache.storage.gha;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the parallel parts of one transfer (blocks, chunks, ranges). */
final class Transfers {
    private Transfers() {}

    /** Waits for every part; the first failure is thrown once all have ended. */
    static void await(List<Future<?>> pending) throws IOException {
        IOException first = null;
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted during a transfer");
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
