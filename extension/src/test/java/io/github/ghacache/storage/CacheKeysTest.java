package io.github.ghacache.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheKeysTest {
    private static final String MODULE_KEY = "a".repeat(64);

    @Test
    void prefixNamesNamespaceScopeGroupAndArtifact() {
        assertThat(CacheKeys.prefix("maven", "org.example", "core")).isEqualTo("gha-maven-2:maven:org.example:core:");
    }

    @Test
    void keyStartsWithItsPrefixAndEndsWithTheModuleKey() {
        String prefix = CacheKeys.prefix("maven", "org.example", "core");

        String key = CacheKeys.key(prefix, MODULE_KEY);

        assertThat(key).startsWith(prefix).endsWith(MODULE_KEY).hasSize(prefix.length() + 64);
    }

    @Test
    void prefixOfOneArtifactIsNotAPrefixOfAnotherArtifactsKeys() {
        String core = CacheKeys.prefix("maven", "org.example", "core");
        String coreApiKey = CacheKeys.key(CacheKeys.prefix("maven", "org.example", "core-api"), MODULE_KEY);

        assertThat(coreApiKey).doesNotStartWith(core);
    }

    @Test
    void scopeSeparatesPrefixes() {
        assertThat(CacheKeys.prefix("maven", "g", "a")).isNotEqualTo(CacheKeys.prefix("maven-jdk21", "g", "a"));
        assertThat(CacheKeys.key(CacheKeys.prefix("maven-jdk21", "g", "a"), MODULE_KEY))
                .doesNotStartWith(CacheKeys.prefix("maven", "g", "a"));
    }

    @Test
    void veryLongIdsAreHashedSoTheKeyStaysWithin512Characters() {
        String group = "org." + "g".repeat(300);
        String artifact = "a".repeat(300);

        String prefix = CacheKeys.prefix("maven", group, artifact);
        String key = CacheKeys.key(prefix, MODULE_KEY);

        assertThat(key).hasSizeLessThanOrEqualTo(512).startsWith(prefix);
        assertThat(prefix).startsWith("gha-maven-2:maven:").doesNotContain(artifact);
        assertThat(prefix).isNotEqualTo(CacheKeys.prefix("maven", group, artifact + "b"));
    }

    @Test
    void idsJustBelowTheLimitAreKeptReadable() {
        String fixed = "gha-maven-2:maven:g::";
        String artifact = "a".repeat(512 - 64 - fixed.length());

        String prefix = CacheKeys.prefix("maven", "g", artifact);

        assertThat(prefix).contains(artifact);
        assertThat(CacheKeys.key(prefix, MODULE_KEY)).hasSize(512);
    }
}
