package io.github.ghacache.config;

import java.util.Locale;

/** How much of a module a pack keeps: see DESIGN §2. */
public enum Mode {
    MIN,
    MAX;

    static Mode parse(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(SettingKeys.MODE, value, "min, max");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
