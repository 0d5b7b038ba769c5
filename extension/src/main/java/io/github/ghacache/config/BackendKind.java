package io.github.ghacache.config;

import java.util.Locale;

/** Which store packs go to. */
public enum BackendKind {
    AUTO,
    GHA,
    LOCAL;

    static BackendKind parse(String value) {
        try {
            return BackendKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(SettingKeys.BACKEND, value, "auto, gha, local");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
