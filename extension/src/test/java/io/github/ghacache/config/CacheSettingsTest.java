package io.github.ghacache.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CacheSettingsTest {
    private static final Path HOME = Path.of("/home/someone");

    private static CacheSettings parse(Map<String, String> props) {
        return CacheSettings.from(props::get, HOME);
    }

    private static CacheSettings parse(String key, String value) {
        return parse(Map.of(key, value));
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        CacheSettings s = parse(Map.of());

        assertThat(s.enabled()).isTrue();
        assertThat(s.mode()).isEqualTo(Mode.MIN);
        assertThat(s.scope()).isEqualTo("maven");
        assertThat(s.restore()).isTrue();
        assertThat(s.save()).isTrue();
        assertThat(s.backend()).isEqualTo(BackendKind.AUTO);
        assertThat(s.dir()).isEqualTo(HOME.resolve(".m2").resolve("gha-cache"));
        assertThat(s.maxSizeBytes()).isEqualTo(5L * 1024 * 1024 * 1024);
        assertThat(s.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.failOnError()).isFalse();
        assertThat(s.cacheable()).isEmpty();
        assertThat(s.uncacheable()).isEmpty();
        assertThat(s.salt()).isEmpty();
    }

    @Test
    void explicitValuesOverrideDefaults() {
        CacheSettings s = parse(Map.of(
                SettingKeys.MODE, "MAX",
                SettingKeys.SCOPE, "ci-linux_17",
                SettingKeys.BACKEND, " local ",
                SettingKeys.DIR, "/var/cache/gha",
                SettingKeys.SALT, "v2",
                SettingKeys.FAIL_ON_ERROR, "true",
                SettingKeys.SAVE, "false"));

        assertThat(s.mode()).isEqualTo(Mode.MAX);
        assertThat(s.scope()).isEqualTo("ci-linux_17");
        assertThat(s.backend()).isEqualTo(BackendKind.LOCAL);
        assertThat(s.dir()).isEqualTo(Path.of("/var/cache/gha"));
        assertThat(s.salt()).isEqualTo("v2");
        assertThat(s.failOnError()).isTrue();
        assertThat(s.save()).isFalse();
        assertThat(s.restore()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"500m, 524288000", "5g, 5368709120", "1024, 1024", "2k, 2048", "2KB, 2048", "1t, 1099511627776"})
    void maxSizeAcceptsUnits(String text, long bytes) {
        assertThat(parse(SettingKeys.MAX_SIZE, text).maxSizeBytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "five", "5x", "-1g", "1.5g"})
    void maxSizeRejectsGarbageNamingTheProperty(String text) {
        assertThatThrownBy(() -> parse(SettingKeys.MAX_SIZE, text))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gha.cache.maxSize");
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "10m, PT10M", "1h, PT1H", "500ms, PT0.5S", "45, PT45S"})
    void timeoutAcceptsUnitsAndBareSeconds(String text, String iso) {
        assertThat(parse(SettingKeys.TIMEOUT, text).timeout()).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "10d", "-5s"})
    void timeoutRejectsGarbageNamingTheProperty(String text) {
        assertThatThrownBy(() -> parse(SettingKeys.TIMEOUT, text))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gha.cache.timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "true", "TRUE", " true "})
    void emptyAndTrueEnable(String text) {
        assertThat(parse(SettingKeys.FAIL_ON_ERROR, text).failOnError()).isTrue();
    }

    @Test
    void falseDisables() {
        assertThat(parse(SettingKeys.ENABLED, "false").enabled()).isFalse();
    }

    @Test
    void yesIsNotABooleanAndTheMessageNamesTheProperty() {
        assertThatThrownBy(() -> parse(SettingKeys.ENABLED, "yes"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gha.cache.enabled")
                .hasMessageContaining("yes");
    }

    @Test
    void invalidModeNamesPropertyAndAcceptedValues() {
        assertThatThrownBy(() -> parse(SettingKeys.MODE, "medium"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gha.cache.mode")
                .hasMessageContaining("min")
                .hasMessageContaining("max");
    }

    @Test
    void invalidBackendNamesPropertyAndAcceptedValues() {
        assertThatThrownBy(() -> parse(SettingKeys.BACKEND, "s3"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gha.cache.backend")
                .hasMessageContaining("auto, gha, local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "a/b", "x:y", ""})
    void invalidScopeNamesPropertyAndAcceptedCharacters(String scope) {
        assertThatThrownBy(() -> parse(SettingKeys.SCOPE, scope))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gha.cache.scope")
                .hasMessageContaining("A-Z a-z 0-9 . _ -");
    }

    @Test
    void scopeLongerThan64CharactersIsRejected() {
        assertThatThrownBy(() -> parse(SettingKeys.SCOPE, "s".repeat(65)))
                .isInstanceOf(SettingsException.class);
        assertThat(parse(SettingKeys.SCOPE, "s".repeat(64)).scope()).hasSize(64);
    }

    @Test
    void cacheableListParsesBothSelectorForms() {
        CacheSettings s = parse(SettingKeys.CACHEABLE, "org.example:gen-plugin:generate, antlr4:antlr4 ,,");

        assertThat(s.cacheable()).containsExactly(
                new GoalSelector("org.example", "gen-plugin", "generate"),
                new GoalSelector(null, "antlr4", "antlr4"));
    }

    @Test
    void uncacheableListParsesWildcardGoal() {
        CacheSettings s = parse(SettingKeys.UNCACHEABLE, "maven-surefire-plugin:*");

        assertThat(s.uncacheable()).containsExactly(new GoalSelector(null, "maven-surefire-plugin", "*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"justone", "a:b:c:d", ":goal", "g::goal", "g:a:", "a:", "good:goal,bad"})
    void invalidSelectorEntriesAreRejectedNamingTheProperty(String list) {
        assertThatThrownBy(() -> parse(SettingKeys.CACHEABLE, list))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gha.cache.cacheable");
        assertThatThrownBy(() -> parse(SettingKeys.UNCACHEABLE, list))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gha.cache.uncacheable");
    }
}
