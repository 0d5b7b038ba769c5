package io.github.ghacache.storage.gha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BlockIdsAndBudgetTest {

    @Test
    void blockIdsAreBase64OfTheUuidAndTwelveDigitIndexAllOfOneLength() {
        BlockIds ids = new BlockIds(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));

        String decoded = new String(Base64.getDecoder().decode(ids.id(7)), StandardCharsets.US_ASCII);

        assertThat(decoded).isEqualTo("123e4567-e89b-12d3-a456-426614174000000000000007");
        assertThat(ids.id(0)).hasSize(64);
        assertThat(ids.id(123_456)).hasSameSizeAs(ids.id(0)).isNotEqualTo(ids.id(123_457));
    }

    @Test
    void budgetAllowsPerMinuteCreationsThenSaysHowLongToWait() {
        AtomicLong now = new AtomicLong(1_000_000);
        UploadBudget budget = new UploadBudget(3, now::get);

        assertThat(budget.reserve()).isZero();
        now.addAndGet(10_000);
        assertThat(budget.reserve()).isZero();
        assertThat(budget.reserve()).isZero();
        assertThat(budget.reserve()).isEqualTo(50_000);
        now.addAndGet(50_000);
        assertThat(budget.reserve()).isZero();
    }

    @Test
    void budgetGivesUpAfterRepeatedThrottling() {
        UploadBudget budget = new UploadBudget(10, () -> 0);
        assertThat(budget.throttled()).isFalse();
        assertThat(budget.exhausted()).isFalse();
        assertThat(budget.throttled()).isTrue();
        assertThat(budget.exhausted()).isTrue();
    }
}
