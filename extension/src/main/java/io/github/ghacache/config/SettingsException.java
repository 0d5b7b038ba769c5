package io.github.ghacache.config;

/** A property has a value we cannot use; the message names the property and what it accepts. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String key, String value, String accepted) {
        super("Invalid value '" + value + "' for -D" + key + "; accepted: " + accepted);
    }
}
