package io.github.ghacache.storage.gha;

import io.github.ghacache.http.Deadline;
import io.github.ghacache.http.HttpTransport;
import io.github.ghacache.http.Redactor;
import io.github.ghacache.http.RetryPolicy;
import io.github.ghacache.storage.CacheStorage;
import io.github.ghacache.storage.DaemonPools;
import io.github.ghacache.storage.StorageException;
import io.github.ghacache.storage.StorageException.Kind;
import io.github.ghacache.storage.StoredPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * Packs in the GitHub Actions cache service, over v2 or v1. Entries are immutable: "already exists" counts
 * as saved by someone else, and a corrupt entry cannot be replaced (only a new key, e.g. a salt, avoids it).
 */
public final class GhaStorage implements CacheStorage {
    /** Transfer tuning, overridable so tests can exercise several blocks with small packs. */
    public record Tuning(long singleShotLimit, int blockSize, int chunkSize, int parallelTransfers) {
        public static final Tuning DEFAULT = new Tuning(64L << 20, 32 << 20, 8 << 20, 4);
    }

    private final CacheProtocol protocol;
    private final HttpTransport http;
    private final ExecutorService transfers;
    private final UploadBudget budget;
    private final Path tempDir;
    private final int chunkSize;
    private volatile String savingStopped;
    private volatile String unavailable;
    private final java.util.concurrent.atomic.AtomicInteger transportFailures = new java.util.concurrent.atomic.AtomicInteger();
    /** Consecutive operations that could not reach the service before the build stops trying. */
    private static final int FAILURES_BEFORE_GIVING_UP = 2;

    GhaStorage(CacheProtocol protocol, HttpTransport http, ExecutorService transfers, UploadBudget budget,
            Path tempDir, int chunkSize) {
        this.protocol = protocol;
        this.http = http;
        this.transfers = transfers;
        this.budget = budget;
        this.tempDir = tempDir;
        this.chunkSize = chunkSize;
    }

    /** Opens a client for the runtime; one HTTP client and one transfer pool for the whole build. */
    public static GhaStorage open(GhaRuntime runtime, Deadline deadline, int uploadsPerMinute, Tuning tuning,
            Runnable onCall) throws StorageException {
        if (!runtime.available()) {
            throw new StorageException(Kind.CONFIG, runtime.unavailableReason());
        }
        Path temp;
        try {
            temp = Files.createTempDirectory("gha-cache-");
        } catch (IOException e) {
            throw new StorageException(Kind.CONFIG, "cannot create a temporary folder: " + e, e);
        }
        quietHttpClientLogs();
        ExecutorService transfers = DaemonPools.fixed(tuning.parallelTransfers(), "gha-cache-transfer-");
        HttpTransport http = new HttpTransport(Duration.ofSeconds(10), Duration.ofSeconds(60),
                tuning.parallelTransfers() * 2 + 2, deadline, RetryPolicy.standard(), new Redactor(runtime.token()),
                onCall);
        CacheProtocol protocol = runtime.protocol() == GhaRuntime.Protocol.V2
                ? new TwirpProtocol(http, runtime.baseUrl(), runtime.token(),
                        new AzureBlob(http, transfers, tuning.singleShotLimit(), tuning.blockSize()))
                : new V1Protocol(http, runtime.baseUrl(), runtime.token(), transfers, tuning.chunkSize());
        return new GhaStorage(protocol, http, transfers, new UploadBudget(uploadsPerMinute, System::currentTimeMillis),
                temp, tuning.chunkSize());
    }

    /**
     * HttpClient logs request headers (the token) and bodies (signed URLs) at debug level, which {@code -X} turns
     * on for every logger. Maven's simple logger reads a logger's level when the logger is created, so raising
     * HttpClient's to warn before its classes first log keeps secrets out of {@code -X} output; our own
     * transport logs each request, redacted, instead.
     */
    static void quietHttpClientLogs() {
        String key = "org.slf4j.simpleLogger.log.org.apache.hc";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
    }

    @Override
    public String name() {
        return protocol.name();
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public String unavailable() {
        return unavailable;
    }

    /**
     * A service that cannot be reached (refused, timed out, or the time budget spent) twice in a row is not
     * asked again in this build, so that every other module does not pay for the same outage.
     */
    private StorageException transportFailure(String what, IOException e) {
        boolean budgetSpent = http.deadline().expired();
        boolean reached = e instanceof io.github.ghacache.http.HttpStatusException;
        int status = reached ? ((io.github.ghacache.http.HttpStatusException) e).status() : 0;
        if (status == 401 || status == 422) {
            // an invalid token or a retired service answers every later call the same way
            unavailable = status == 401 ? "the cache service refuses the token (HTTP 401)"
                    : "the cache service is retired (HTTP 422)";
            savingStopped = unavailable;
            return new StorageException(Kind.CONFIG, what + ": " + e.getMessage() + "; this build stops using it", e);
        }
        if (reached) {
            transportFailures.set(0);
        } else if (budgetSpent || transportFailures.incrementAndGet() >= FAILURES_BEFORE_GIVING_UP) {
            unavailable = budgetSpent ? "the cache time budget (gha.cache.timeout) is spent"
                    : "the cache service could not be reached twice in a row";
            savingStopped = unavailable;
            return new StorageException(Kind.TRANSIENT, what + ": " + e.getMessage() + "; " + unavailable
                    + ", so this build stops using it", e);
        }
        return new StorageException(Kind.TRANSIENT, what + ": " + e.getMessage(), e);
    }

    @Override
    public Optional<StoredPack> lookup(String key, String prefix) throws StorageException {
        if (unavailable != null) {
            return Optional.empty();
        }
        try {
            return find(key, prefix);
        } catch (IOException e) {
            throw transportFailure("cache lookup failed", e);
        }
    }

    @Override
    public Optional<StoredPack> prefetchNewest(String prefix) throws StorageException {
        if (unavailable != null) {
            return Optional.empty();
        }
        try {
            return find(prefix, prefix);
        } catch (IOException e) {
            throw new StorageException(Kind.TRANSIENT, "cache lookup failed: " + e.getMessage(), e);
        }
    }

    private Optional<StoredPack> find(String key, String prefix) throws IOException, StorageException {
        Optional<CacheProtocol.Hit> hit = protocol.lookup(key, List.of(prefix));
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        String matched = hit.get().matchedKey();
        RemotePack.UrlRenewer renew = () -> protocol.lookup(matched, List.of())
                .filter(h -> h.matchedKey().equals(matched))
                .map(CacheProtocol.Hit::downloadUrl);
        RemotePack pack = RemotePack.open(http, hit.get().downloadUrl(), matched, renew, transfers, chunkSize);
        transportFailures.set(0);
        return Optional.of(pack);
    }

    @Override
    public String savingStopped() {
        return savingStopped;
    }

    @Override
    public boolean save(String key, String prefix, Path pack) throws StorageException {
        if (savingStopped != null) {
            return false;
        }
        try {
            long wait = budget.reserve();
            while (wait > 0) {
                if (wait >= http.deadline().remainingMillis()) {
                    throw new StorageException(Kind.TRANSIENT, "the upload budget of "
                            + "gha.cache.uploadsPerMinute is used up and the cache time budget ends first");
                }
                Thread.sleep(wait);
                wait = budget.reserve();
            }
            boolean saved = protocol.save(key, pack, Files.size(pack));
            transportFailures.set(0);
            return saved;
        } catch (CacheProtocol.ThrottledException e) {
            if (budget.throttled()) {
                savingStopped = "the cache service keeps throttling new entries";
                throw new StorageException(Kind.TRANSIENT, e.getMessage() + "; this build saves nothing more", e);
            }
            throw new StorageException(Kind.TRANSIENT, e.getMessage(), e);
        } catch (CacheProtocol.WriteDeniedException e) {
            savingStopped = "the token may not write to the cache";
            throw new StorageException(Kind.CONFIG, e.getMessage() + " (a read-only token, e.g. a pull request from"
                    + " a fork); this build saves nothing", e);
        } catch (IOException e) {
            throw transportFailure("cache upload failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(Kind.TRANSIENT, "interrupted while waiting for the upload budget", e);
        }
    }

    @Override
    public Path tempDir() {
        return tempDir;
    }

    @Override
    public void invalidate(StoredPack pack) {
        // entries of the service are immutable: nothing to drop
    }

    @Override
    public void close() {
        transfers.shutdownNow();
        try {
            http.close();
        } catch (IOException ignored) {
            // the build is over
        }
        try (Stream<Path> s = Files.walk(tempDir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder of the OS
        }
    }
}
