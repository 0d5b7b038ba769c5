package io.github.ghacache.server;

import com.sun.net.httpserver.HttpServer;
import io.github.ghacache.server.auth.TokenIssuer;
import io.github.ghacache.server.auth.TokenScope;
import io.github.ghacache.server.auth.TokenVerifier;
import io.github.ghacache.server.blob.BlobHandler;
import io.github.ghacache.server.blob.SignedUrls;
import io.github.ghacache.server.fault.FaultInjector;
import io.github.ghacache.server.fault.Sleeper;
import io.github.ghacache.server.http.Endpoint;
import io.github.ghacache.server.http.RecordedRequest;
import io.github.ghacache.server.http.RequestLog;
import io.github.ghacache.server.store.CacheStore;
import io.github.ghacache.server.store.StoreSettings;
import io.github.ghacache.server.v1.ArtifactCacheHandler;
import io.github.ghacache.server.v2.CacheServiceHandler;
import io.github.ghacache.server.v2.MissShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A GitHub Actions cache service on local disk: v1 REST, v2 Twirp and the Azure-Blob subset behind its signed
 * URLs, on one port. In tests:
 *
 * <pre>{@code
 * try (CacheServer server = CacheServer.builder().start()) {
 *     env.put("ACTIONS_RESULTS_URL", server.v2Url());
 *     env.put("ACTIONS_RUNTIME_TOKEN", server.token());
 *     server.faults().next(1, Endpoint.V2_CREATE, Fault.rateLimited("2"));
 *     ...
 *     assertThat(server.requestLog().count(Endpoint.V2_FINALIZE)).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Why the JDK's {@code com.sun.net.httpserver}: it ships with every JDK 17 (no dependency to shade or keep
 * current), handles chunked request bodies and keep-alive, and lets a handler close a connection mid-answer,
 * which the fault injection needs. Throughput needs are those of tests and demos.
 */
public final class CacheServer implements AutoCloseable {
    /** the v1 base path: the real service's URLs carry an opaque prefix too, so clients must keep it */
    public static final String V1_PREFIX = "/v1cache/";

    private final HttpServer http;
    private final ExecutorService executor;
    private final CacheStore store;
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog log = new RequestLog();
    private final TokenIssuer issuer = new TokenIssuer();
    private final Clock clock;
    private final SignedUrls urls;
    private final ArtifactCacheHandler v1;
    private final CacheServiceHandler v2;
    private final Dispatcher dispatcher;
    private final Path ownedDir;
    private final String origin;
    private final Duration tokenLifetime;
    private final List<TokenScope> defaultScopes;

    private CacheServer(Builder b) throws IOException {
        this.clock = b.clock;
        this.ownedDir = b.dir == null ? Files.createTempDirectory("gha-cache-server") : null;
        this.store = new CacheStore(b.dir == null ? ownedDir : b.dir, clock, b.settings);
        this.urls = new SignedUrls(clock, b.uploadUrlLifetime, b.downloadUrlLifetime);
        TokenVerifier verifier = new TokenVerifier(clock);
        this.v1 = new ArtifactCacheHandler(store, urls, verifier);
        this.v2 = new CacheServiceHandler(store, urls, verifier);
        var handlers = new EnumMap<Endpoint.Family, io.github.ghacache.server.http.EndpointHandler>(Endpoint.Family.class);
        handlers.put(Endpoint.Family.V1, v1);
        handlers.put(Endpoint.Family.V2, v2);
        handlers.put(Endpoint.Family.BLOB, new BlobHandler(store, urls, clock));
        this.dispatcher = new Dispatcher(handlers, faults, log, clock);
        this.tokenLifetime = b.tokenLifetime;
        this.defaultScopes = List.copyOf(b.scopes);

        this.http = HttpServer.create(new InetSocketAddress(b.host, b.port), 64);
        AtomicInteger threads = new AtomicInteger();
        // bounded pool of daemon threads: concurrent uploads are served in parallel, and a forgotten server never
        // keeps a test JVM alive
        this.executor = new ThreadPoolExecutor(b.threads, b.threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "gha-cache-server-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
        http.setExecutor(executor);
        http.createContext("/", dispatcher);
        http.start();
        String advertised = b.advertiseHost != null ? b.advertiseHost
                : (b.host.equals("0.0.0.0") || b.host.equals("::") ? "127.0.0.1" : b.host);
        if (advertised.contains(":") && !advertised.startsWith("[")) {
            advertised = "[" + advertised + "]";
        }
        this.origin = "http://" + advertised + ":" + http.getAddress().getPort();
        urls.origin(origin);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a server with defaults: 127.0.0.1, an ephemeral port, a temporary directory removed on close. */
    public static CacheServer start() {
        return builder().start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code ACTIONS_CACHE_URL}: the v1 base, with the path prefix and trailing slash clients expect. */
    public String v1Url() {
        return origin + V1_PREFIX;
    }

    /** {@code ACTIONS_RESULTS_URL}: the v2 base (Twirp is served at the root and below any prefix). */
    public String v2Url() {
        return origin + "/";
    }

    /** A token with the server's default scopes (by default {@code refs/heads/main}, read and write). */
    public String token() {
        return issuer.issue(defaultScopes, clock.instant(), tokenLifetime);
    }

    /** A token with other scopes: the first writable scope receives saves; lookups read write scope first. */
    public String token(TokenScope... scopes) {
        return issuer.issue(Arrays.asList(scopes), clock.instant(), tokenLifetime);
    }

    public String token(Duration lifetime, TokenScope... scopes) {
        return issuer.issue(Arrays.asList(scopes), clock.instant(), lifetime);
    }

    /** The line the standalone server prints: shell assignments a script can {@code eval}. */
    public String environment() {
        return "ACTIONS_CACHE_URL=" + v1Url() + " ACTIONS_RESULTS_URL=" + v2Url() + " ACTIONS_RUNTIME_TOKEN=" + token();
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return log;
    }

    public CacheStore store() {
        return store;
    }

    public CacheServer settings(StoreSettings value) {
        store.settings(value);
        return this;
    }

    public CacheServer missShape(MissShape value) {
        v2.missShape(value);
        return this;
    }

    public CacheServer v1ErrorBom(boolean value) {
        v1.bomOnErrors(value);
        return this;
    }

    public CacheServer urlLifetimes(Duration upload, Duration download) {
        urls.ttl(upload, download);
        return this;
    }

    public CacheServer sleeper(Sleeper value) {
        dispatcher.sleeper(value);
        return this;
    }

    /** Called after each request (standalone {@code --verbose} prints them). */
    public CacheServer onRequest(Consumer<RecordedRequest> listener) {
        dispatcher.listener(listener);
        return this;
    }

    /** Back to an empty service: no entries, reservations, faults or log lines; quirks back to faithful. */
    public void reset() {
        try {
            store.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faults.clear();
        log.clear();
        v2.missShape(MissShape.OK_FALSE);
        v1.bomOnErrors(false);
    }

    /** Stops at once (in-flight requests are cut) and removes the temporary directory if the server made it. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        if (ownedDir != null) {
            try (Stream<Path> walk = Files.walk(ownedDir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private String advertiseHost;
        private int port;
        private Path dir;
        private Clock clock = Clock.systemUTC();
        private StoreSettings settings = StoreSettings.defaults();
        private Duration uploadUrlLifetime = Duration.ofHours(1);
        private Duration downloadUrlLifetime = Duration.ofMinutes(10);
        private Duration tokenLifetime = Duration.ofHours(6);
        private List<TokenScope> scopes = new ArrayList<>(List.of(TokenScope.readWrite("refs/heads/main")));
        private int threads = 32;

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** The host name put in URLs when it differs from the bind address (e.g. bind 0.0.0.0 in a container). */
        public Builder advertiseHost(String value) {
            this.advertiseHost = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** Where entries live; kept on close (a standalone server finds its entries again on restart). */
        public Builder dir(Path value) {
            this.dir = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder settings(StoreSettings value) {
            this.settings = value;
            return this;
        }

        public Builder urlLifetimes(Duration upload, Duration download) {
            this.uploadUrlLifetime = upload;
            this.downloadUrlLifetime = download;
            return this;
        }

        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = value;
            return this;
        }

        /** Scopes of {@link CacheServer#token()}; default {@code refs/heads/main} read+write. */
        public Builder scopes(List<TokenScope> value) {
            this.scopes = new ArrayList<>(value);
            return this;
        }

        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        public CacheServer start() {
            try {
                return new CacheServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the cache server: " + e.getMessage(), e);
            }
        }
    }
}
