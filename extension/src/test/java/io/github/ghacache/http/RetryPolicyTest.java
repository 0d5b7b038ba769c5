package io.github.ghacache.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(400), Duration.ofSeconds(2), () -> 0.5);

    @Test
    void serverErrorsAndTransportFailuresBackOffExponentiallyUpToTheCap() {
        assertThat(policy.delayBefore(1, 503, null, 60_000, 0)).hasValue(300);
        assertThat(policy.delayBefore(2, 500, null, 60_000, 0)).hasValue(600);
        assertThat(policy.delayBefore(3, 0, null, 60_000, 0)).hasValue(1200);
        assertThat(new RetryPolicy(10, Duration.ofMillis(400), Duration.ofSeconds(2), () -> 0.5)
                .delayBefore(8, 502, null, 60_000, 0)).hasValue(1500);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.delayBefore(4, 503, null, 60_000, 0)).isEmpty();
    }

    @Test
    void clientErrorsAreNotRetried() {
        for (int status : new int[] {400, 401, 403, 404, 409, 412, 422}) {
            assertThat(policy.delayBefore(1, status, null, 60_000, 0)).as("status %d", status).isEmpty();
        }
    }

    @Test
    void rateLimitWaitsExactlyWhatRetryAfterSays() {
        assertThat(policy.delayBefore(1, 429, "7", 60_000, 0)).hasValue(7000);
        long now = ZonedDateTime.of(2026, 1, 16, 12, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.of(2026, 1, 16, 12, 0, 12, 0,
                ZoneOffset.UTC));
        assertThat(policy.delayBefore(1, 429, date, 60_000, now)).hasValue(12_000);
    }

    @Test
    void rateLimitWithoutOrWithAnUnreadableRetryAfterBacksOff() {
        assertThat(policy.delayBefore(1, 429, null, 60_000, 0)).hasValue(300);
        assertThat(policy.delayBefore(1, 429, "soon", 60_000, 0)).hasValue(300);
        assertThat(policy.delayBefore(1, 429, "-3", 60_000, 0)).hasValue(300);
    }

    @Test
    void aWaitLongerThanWhatIsLeftOfTheBudgetGivesUpAtOnce() {
        assertThat(policy.delayBefore(1, 429, "30", 10_000, 0)).isEmpty();
        assertThat(policy.delayBefore(1, 503, null, 100, 0)).isEmpty();
    }

    @Test
    void jitterSpreadsWaitsWithinHalfToFullOfTheStep() {
        RetryPolicy low = new RetryPolicy(4, Duration.ofMillis(400), Duration.ofSeconds(2), () -> 0.0);
        RetryPolicy high = new RetryPolicy(4, Duration.ofMillis(400), Duration.ofSeconds(2), () -> 0.999);
        assertThat(low.delayBefore(1, 500, null, 60_000, 0)).hasValue(200);
        assertThat(high.delayBefore(1, 500, null, 60_000, 0).getAsLong()).isBetween(390L, 399L);
    }
}
