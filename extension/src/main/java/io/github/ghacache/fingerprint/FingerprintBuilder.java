package io.github.ghacache.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates named inputs into one SHA-256. Names and values are length-prefixed so that no two
 * different input lists can produce the same byte stream. Callers feed inputs in a deterministic order.
 */
public final class FingerprintBuilder {
    private final MessageDigest md = Digests.sha256();
    private final List<InputItem> items = new ArrayList<>();

    /** Adds an input whose value is short and meaningful as it is (a version, a flag, a digest). */
    public FingerprintBuilder add(String name, String value) {
        String v = value == null ? "<null>" : value;
        update(name);
        update(v);
        items.add(new InputItem(name, v));
        return this;
    }

    /** Adds every item of another fingerprint under a name prefix, keeping them visible for {@code -X}. */
    public FingerprintBuilder addAll(String prefix, Fingerprint other) {
        for (InputItem item : other.items()) {
            add(prefix + item.name(), item.value());
        }
        return this;
    }

    public Fingerprint build() {
        return new Fingerprint(Digests.hex(md.digest()), items);
    }

    private void update(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        md.update(b);
    }
}
