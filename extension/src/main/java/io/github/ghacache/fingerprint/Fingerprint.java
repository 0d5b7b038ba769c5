package io.github.ghacache.fingerprint;

import java.util.List;

/** A digest and the inputs it was computed from, in the order they were fed. */
public record Fingerprint(String hex, List<InputItem> items) {
    public Fingerprint {
        items = List.copyOf(items);
    }

    public String shortHex() {
        return hex.substring(0, 8);
    }
}
