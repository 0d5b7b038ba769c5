package io.github.ghacache.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;

/**
 * When to try a request again: transport errors and 5xx with capped exponential backoff and jitter; 429
 * after the server's {@code Retry-After} (seconds or HTTP date), never sooner; nothing else. Every wait must
 * fit in what is left of the build's cache budget, else the request gives up at once.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final long baseMillis;
    private final long capMillis;
    private final DoubleSupplier random;

    public RetryPolicy(int maxAttempts, Duration base, Duration cap, DoubleSupplier random) {
        this.maxAttempts = maxAttempts;
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.random = random;
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10), Math::random);
    }

    /** Status 0 stands for a transport error (no response). */
    public static boolean retryable(int status) {
        return status == 0 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504
                || status == 408;
    }

    /**
     * The wait before attempt {@code attempt + 1}, or empty to give up. {@code attempt} counts from 1; {@code
     * retryAfter} is the header's value or null; {@code nowEpochMillis} serves HTTP-date values.
     */
    public OptionalLong delayBefore(int attempt, int status, String retryAfter, long remainingMillis,
            long nowEpochMillis) {
        if (!retryable(status) || attempt >= maxAttempts) {
            return OptionalLong.empty();
        }
        long wait;
        OptionalLong told = status == 429 || status == 503 ? parseRetryAfter(retryAfter, nowEpochMillis)
                : OptionalLong.empty();
        if (told.isPresent()) {
            wait = told.getAsLong();
        } else {
            long exp = Math.min(capMillis, baseMillis << Math.min(20, attempt - 1));
            // full jitter in [exp/2, exp): spreads the retries of parallel transfers
            wait = exp / 2 + (long) (random.getAsDouble() * (exp / 2.0));
        }
        return wait < remainingMillis ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    /** Seconds or an RFC 1123 date; empty for a missing or unreadable value. */
    static OptionalLong parseRetryAfter(String value, long nowEpochMillis) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? OptionalLong.empty() : OptionalLong.of(seconds * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return OptionalLong.of(Math.max(0, at - nowEpochMillis));
            } catch (DateTimeParseException notADate) {
                return OptionalLong.empty();
            }
        }
    }
}
