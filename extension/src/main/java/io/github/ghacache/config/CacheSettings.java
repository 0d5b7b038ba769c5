package io.github.ghacache.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every setting of one build, parsed and checked once; immutable. */
public record CacheSettings(
        boolean enabled,
        Mode mode,
        String scope,
        boolean restore,
        boolean save,
        BackendKind backend,
        Path dir,
        long maxSizeBytes,
        Duration timeout,
        boolean failOnError,
        List<GoalSelector> cacheable,
        List<GoalSelector> uncacheable,
        String salt,
        String url,
        String token,
        String apiVersion,
        int uploadsPerMinute) {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)b?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCOPE_CHARS = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Reads the settings through {@code lookup}, which answers a property name with its value or null
     * (user properties first, then system properties, is what the Maven side passes).
     */
    public static CacheSettings from(Function<String, String> lookup, Path userHome) {
        String scope = str(lookup, SettingKeys.SCOPE, "maven");
        if (!SCOPE_CHARS.matcher(scope).matches()) {
            throw new SettingsException(SettingKeys.SCOPE, scope, "1 to 64 of A-Z a-z 0-9 . _ -");
        }
        String dir = lookup.apply(SettingKeys.DIR);
        return new CacheSettings(
                bool(lookup, SettingKeys.ENABLED, true),
                Mode.parse(str(lookup, SettingKeys.MODE, "min")),
                scope,
                bool(lookup, SettingKeys.RESTORE, true),
                bool(lookup, SettingKeys.SAVE, true),
                BackendKind.parse(str(lookup, SettingKeys.BACKEND, "auto")),
                dir == null || dir.isBlank()
                        ? userHome.resolve(".m2").resolve("gha-cache")
                        : Path.of(dir.trim()).toAbsolutePath(),
                parseSize(str(lookup, SettingKeys.MAX_SIZE, "5g")),
                parseDuration(str(lookup, SettingKeys.TIMEOUT, "10m")),
                bool(lookup, SettingKeys.FAIL_ON_ERROR, false),
                GoalSelector.parseList(SettingKeys.CACHEABLE, lookup.apply(SettingKeys.CACHEABLE)),
                GoalSelector.parseList(SettingKeys.UNCACHEABLE, lookup.apply(SettingKeys.UNCACHEABLE)),
                str(lookup, SettingKeys.SALT, ""),
                blankToNull(lookup.apply(SettingKeys.URL)),
                blankToNull(lookup.apply(SettingKeys.TOKEN)),
                apiVersion(str(lookup, SettingKeys.API_VERSION, "auto")),
                positive(SettingKeys.UPLOADS_PER_MINUTE, str(lookup, SettingKeys.UPLOADS_PER_MINUTE, "60")));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String apiVersion(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        if (!s.equals("auto") && !s.equals("v1") && !s.equals("v2")) {
            throw new SettingsException(SettingKeys.API_VERSION, v, "auto, v1, v2");
        }
        return s;
    }

    private static int positive(String key, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(key, v, "a whole number above 0");
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "CacheSettings[mode=" + mode + ", scope=" + scope + ", backend=" + backend + ", restore=" + restore
                + ", save=" + save + ", dir=" + dir + ", url=" + url + ", token=" + (token == null ? "none" : "<set>")
                + "]";
    }

    private static String str(Function<String, String> lookup, String key, String dflt) {
        String v = lookup.apply(key);
        return v == null ? dflt : v.trim();
    }

    private static boolean bool(Function<String, String> lookup, String key, boolean dflt) {
        String v = lookup.apply(key);
        if (v == null) {
            return dflt;
        }
        // "-Dgha.cache.enabled" alone sets the value to "true" in Maven; an empty string counts the same
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "":
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new SettingsException(key, v, "true, false");
        }
    }

    static long parseSize(String value) {
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw new SettingsException(SettingKeys.MAX_SIZE, value, "a size such as 500m, 5g or 1073741824");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k":
                return n << 10;
            case "m":
                return n << 20;
            case "g":
                return n << 30;
            case "t":
                return n << 40;
            default:
                return n;
        }
    }

    static Duration parseDuration(String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new SettingsException(SettingKeys.TIMEOUT, value, "a duration such as 90s, 10m, 1h or 500ms");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            default:
                return Duration.ofSeconds(n);
        }
    }
}
