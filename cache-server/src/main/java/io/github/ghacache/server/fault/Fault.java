package io.github.ghacache.server.fault;

import java.time.Duration;

/**
 * One injected misbehaviour. {@link Type#STATUS} replaces the response; {@link Type#LATENCY} delays a normal one;
 * the body faults ({@link Type#TRUNCATE}, {@link Type#CORRUPT}) spoil the body of a normal response;
 * {@link Type#DROP} closes the connection without an answer; {@link Type#EXPIRED_URL} makes the blob endpoint
 * treat the signed URL as expired.
 *
 * @param retryAfter the {@code Retry-After} header value, verbatim (seconds, an HTTP date, or garbage), or null
 * @param jsonBody false sends an HTML body instead of the protocol's error JSON/XML (clients retry those differently)
 */
public record Fault(Type type, int status, String retryAfter, boolean jsonBody, Duration latency, long keepBytes) {
    public enum Type { STATUS, LATENCY, DROP, TRUNCATE, CORRUPT, EXPIRED_URL }

    public static Fault status(int status) {
        return new Fault(Type.STATUS, status, null, true, Duration.ZERO, 0);
    }

    /** A 429 with {@code Retry-After: <retryAfter>} (null for no header). */
    public static Fault rateLimited(String retryAfter) {
        return new Fault(Type.STATUS, 429, retryAfter, true, Duration.ZERO, 0);
    }

    /** A status whose body is not the protocol's error format (an HTML error page, as a proxy would send). */
    public static Fault statusWithHtmlBody(int status) {
        return new Fault(Type.STATUS, status, null, false, Duration.ZERO, 0);
    }

    /** The retired v1 service on github.com: 422 "This legacy service is shutting down". */
    public static Fault legacyShutdown() {
        return status(422);
    }

    public static Fault latency(Duration delay) {
        return new Fault(Type.LATENCY, 0, null, true, delay, 0);
    }

    public static Fault dropConnection() {
        return new Fault(Type.DROP, 0, null, true, Duration.ZERO, 0);
    }

    /** Announces the full Content-Length, sends only {@code keepBytes} bytes, then closes the connection. */
    public static Fault truncateBody(long keepBytes) {
        return new Fault(Type.TRUNCATE, 0, null, true, Duration.ZERO, keepBytes);
    }

    /** Flips bits in the body; length and headers stay correct, so only a digest check notices. */
    public static Fault corruptBody() {
        return new Fault(Type.CORRUPT, 0, null, true, Duration.ZERO, 0);
    }

    public static Fault expiredUrl() {
        return new Fault(Type.EXPIRED_URL, 0, null, true, Duration.ZERO, 0);
    }

    public Fault withRetryAfter(String value) {
        return new Fault(type, status, value, jsonBody, latency, keepBytes);
    }

    @Override
    public String toString() {
        return switch (type) {
            case STATUS -> "status " + status + (retryAfter != null ? " Retry-After=" + retryAfter : "")
                    + (jsonBody ? "" : " html");
            case LATENCY -> "latency " + latency.toMillis() + "ms";
            case TRUNCATE -> "truncate after " + keepBytes + " bytes";
            default -> type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        };
    }
}
