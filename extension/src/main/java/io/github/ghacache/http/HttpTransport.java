package io.github.ghacache.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP client for the whole build: pooled connections, a timeout on every request, retries by
 * {@link RetryPolicy} inside the build's {@link Deadline}, and only redacted URLs in logs and errors.
 */
public final class HttpTransport implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int MAX_BODY = 4 << 20;

    /** A response whose body was read whole (control-plane calls). */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Reads a streamed response; may be called again from the start when the transfer is retried. */
    @FunctionalInterface
    public interface StreamHandler<T> {
        T handle(int status, Map<String, String> headers, InputStream body) throws IOException;
    }

    private final CloseableHttpClient client;
    private final Deadline deadline;
    private final RetryPolicy retry;
    private final Redactor redactor;
    private final Duration responseTimeout;
    private final Runnable onCall;

    public HttpTransport(Duration connectTimeout, Duration responseTimeout, int maxConnections, Deadline deadline,
            RetryPolicy retry, Redactor redactor, Runnable onCall) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("gha-cache-maven")
                .build();
        this.deadline = deadline;
        this.retry = retry;
        this.redactor = redactor;
        this.responseTimeout = responseTimeout;
        this.onCall = onCall;
    }

    public Redactor redactor() {
        return redactor;
    }

    public Deadline deadline() {
        return deadline;
    }

    /** Sends a request, retrying what the policy allows; returns the last response whatever its status. */
    public Response send(String method, String url, Map<String, String> headers, Supplier<HttpEntity> body,
            boolean retry429) throws IOException {
        return execute(method, url, headers, body, retry429, (status, h, in) -> {
            byte[] bytes = in == null ? new byte[0] : in.readNBytes(MAX_BODY);
            return new Response(status, h, bytes);
        });
    }

    /** Streams a response to a handler; the handler's result is returned for any status it accepts. */
    public <T> T stream(String url, Map<String, String> headers, StreamHandler<T> handler) throws IOException {
        return execute("GET", url, headers, null, true, handler);
    }

    private <T> T execute(String method, String url, Map<String, String> headers, Supplier<HttpEntity> body,
            boolean retry429, StreamHandler<T> handler) throws IOException {
        String shown = method + " " + Redactor.url(url);
        for (int attempt = 1; ; attempt++) {
            if (deadline.expired()) {
                throw new IOException("the cache time budget (gha.cache.timeout) is used up before " + shown);
            }
            HttpUriRequestBase req = new HttpUriRequestBase(method, java.net.URI.create(url));
            headers.forEach(req::setHeader);
            if (body != null) {
                req.setEntity(body.get());
            }
            long timeout = Math.max(1, Math.min(responseTimeout.toMillis(), deadline.remainingMillis()));
            req.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(timeout)).build());
            long start = System.nanoTime();
            int status;
            String retryAfter = null;
            T result = null;
            IOException failure = null;
            onCall.run();
            try (ClassicHttpResponse resp = client.executeOpen(null, req, null)) {
                status = resp.getCode();
                Map<String, String> h = headersOf(resp);
                retryAfter = h.get("retry-after");
                HttpEntity entity = resp.getEntity();
                boolean willRetry = RetryPolicy.retryable(status) && (status != 429 || retry429);
                if (willRetry && delay(attempt, status, retryAfter).isPresent()) {
                    LOG.debug("[gha-cache] HTTP {} -> {} in {} ms, retrying", shown, status, ms(start));
                } else {
                    try (InputStream in = entity == null ? null : entity.getContent()) {
                        result = handler.handle(status, h, in);
                    }
                    LOG.debug("[gha-cache] HTTP {} -> {} in {} ms", shown, status, ms(start));
                    return result;
                }
            } catch (HttpStatusException e) {
                throw e; // the handler refused the status: nothing to retry
            } catch (InterruptedIOException e) {
                status = 0;
                failure = new IOException(shown + " timed out after " + ms(start) + " ms", e);
            } catch (IOException e) {
                status = 0;
                failure = new IOException(shown + " failed: " + redactor.text(String.valueOf(e.getMessage())), e);
            }
            OptionalLong wait = delay(attempt, status, retryAfter);
            if (status == 0) {
                LOG.debug("[gha-cache] HTTP {} failed in {} ms: {}", shown, ms(start), failure.getMessage());
                if (wait.isEmpty()) {
                    throw failure;
                }
            }
            sleep(wait.orElse(0));
        }
    }

    private OptionalLong delay(int attempt, int status, String retryAfter) {
        return retry.delayBefore(attempt, status, retryAfter, deadline.remainingMillis(), System.currentTimeMillis());
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    private static Map<String, String> headersOf(ClassicHttpResponse resp) {
        Map<String, String> h = new LinkedHashMap<>();
        for (Header header : resp.getHeaders()) {
            h.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        return h;
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
