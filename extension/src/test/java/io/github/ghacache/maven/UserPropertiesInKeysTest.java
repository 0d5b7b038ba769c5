package io.github.ghacache.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.fingerprint.FingerprintBuilder;
import io.github.ghacache.fingerprint.PathNormalizer;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UserPropertiesInKeysTest {
    private static final PathNormalizer NONE = PathNormalizer.none();

    private static String userKey(String... pairs) {
        FingerprintBuilder fb = new FingerprintBuilder();
        KeyCalculator.addUserProperties(fb, props(pairs), NONE);
        return fb.build().hex();
    }

    private static String projectKey(String... pairs) {
        FingerprintBuilder fb = new FingerprintBuilder();
        KeyCalculator.addProperties(fb, "property:", props(pairs), NONE);
        return fb.build().hex();
    }

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void consoleOnlyUserPropertiesAndOursAreNotInputs() {
        assertThat(userKey("greeting", "Hi",
                "org.slf4j.simpleLogger.showDateTime", "true",
                "org.slf4j.simpleLogger.log.org.apache.maven.cli.transfer.Slf4jMavenTransferListener", "warn",
                "style.color", "always",
                "gha.cache.mode", "max"))
                .isEqualTo(userKey("greeting", "Hi"));
    }

    @Test
    void everyOtherUserPropertyIsAnInput() {
        assertThat(userKey("greeting", "Hi")).isNotEqualTo(userKey("greeting", "Hello"));
        // a dependency version property that happens to share the logger's package name is a real input
        assertThat(userKey("greeting", "Hi", "org.slf4j.version", "2.0.9")).isNotEqualTo(userKey("greeting", "Hi"));
    }

    @Test
    void projectPropertiesAreAllInputsWhateverTheirName() {
        assertThat(projectKey("style.color", "blue")).isNotEqualTo(projectKey());
        assertThat(projectKey("org.slf4j.simpleLogger.x", "1")).isNotEqualTo(projectKey());
    }
}
