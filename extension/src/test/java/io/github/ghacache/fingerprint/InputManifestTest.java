package io.github.ghacache.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputManifestTest {

    @Test
    void keepsShortValuesAndShortensDigestsAndLongValues() {
        String digest = "a".repeat(64);
        Fingerprint base = new FingerprintBuilder()
                .add("java", "17 Debian")
                .add("file:src/A.java", digest)
                .add("dependency:org.x:y:jar:", "1.2 compile bytes:" + digest)
                .add("property:long", "x".repeat(200))
                .build();
        Fingerprint config = new FingerprintBuilder().add("config/release", "17").build();

        Map<String, String> m = InputManifest.of(base, List.of(new ModuleKeys.StepInput("g:a:goal@e", true, config)));

        assertThat(m).containsEntry("java", "17 Debian")
                .containsEntry("file:src/A.java", "a".repeat(16))
                .containsEntry("dependency:org.x:y:jar:", "1.2 compile bytes:" + "a".repeat(16))
                .containsEntry("step:g:a:goal@e:cacheable", "true")
                .containsEntry("step:g:a:goal@e:config/release", "17");
        assertThat(m.get("property:long")).startsWith("sha256:").hasSize(23);
    }

    @Test
    void aChangedLongValueStillShowsAsADifference() {
        Fingerprint a = new FingerprintBuilder().add("property:long", "x".repeat(200)).build();
        Fingerprint b = new FingerprintBuilder().add("property:long", "x".repeat(199) + "y").build();

        assertThat(InputDiff.between(InputManifest.of(a, List.of()), InputManifest.of(b, List.of())))
                .containsExactly("property long changed");
    }
}
