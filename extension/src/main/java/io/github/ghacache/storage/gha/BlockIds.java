package io.github.ghacache.storage.gha;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Azure block ids in the form Microsoft's JavaScript SDK writes them: base64 of a 36-character UUID followed
 * by the block index padded to 12 digits. All ids of one blob have the same length, as Azure requires, and
 * self-hosted cache services that accept nothing else accept these.
 */
public final class BlockIds {
    private final String prefix;

    public BlockIds(UUID uuid) {
        this.prefix = uuid.toString();
    }

    public static BlockIds random() {
        return new BlockIds(UUID.randomUUID());
    }

    public String id(int index) {
        String raw = prefix + String.format("%012d", index);
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }
}
