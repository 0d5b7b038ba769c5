package io.github.ghacache.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import io.github.ghacache.fingerprint.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Byte layout of a pack: an 8-byte magic, a 4-byte format version, a 4-byte index length, the SHA-256 of the
 * index (32 bytes), the index as UTF-8 JSON, then the members' compressed bytes (the data area) back to back.
 * The index digest catches a damaged index; each member carries its own digest in the index.
 */
public final class PackFormat {
    public static final int VERSION = 2;
    public static final int HEADER_LENGTH = 48;
    /** An index larger than this is refused as hostile: real ones are a few KB. */
    public static final int MAX_INDEX_LENGTH = 16 << 20;

    private static final byte[] MAGIC = "GHACPACK".getBytes(StandardCharsets.US_ASCII);
    static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PackFormat() {}

    /** Header plus index, ready to be followed by the data area. */
    static byte[] head(PackIndex index) throws IOException {
        return head(index, 0);
    }

    /**
     * Header plus index, the index padded with trailing spaces (still the same JSON) to make the head
     * {@code length} bytes long; 0 for no padding. Fails when the index is too long for that.
     */
    static byte[] head(PackIndex index, int length) throws IOException {
        byte[] json = JSON.writeValueAsBytes(index);
        if (length > 0) {
            int padded = length - HEADER_LENGTH;
            if (json.length > padded) {
                throw new IOException("the pack's index (" + json.length + " bytes) outgrew the " + padded
                        + " bytes reserved for it");
            }
            byte[] p = Arrays.copyOf(json, padded);
            Arrays.fill(p, json.length, padded, (byte) ' ');
            json = p;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_LENGTH + json.length);
        out.write(MAGIC);
        out.write(ByteBuffer.allocate(8).putInt(VERSION).putInt(json.length).array());
        out.write(Digests.sha256().digest(json));
        out.write(json);
        return out.toByteArray();
    }

    /** Reads the header and index from the start of a pack; the stream is left at the data area. */
    public static ReadIndex readHead(InputStream in) throws IOException, CorruptPackException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[HEADER_LENGTH];
        try {
            data.readFully(header);
        } catch (EOFException e) {
            throw new CorruptPackException("pack is shorter than its header");
        }
        if (!Arrays.equals(Arrays.copyOf(header, 8), MAGIC)) {
            throw new CorruptPackException("not a gha-cache pack (bad magic)");
        }
        ByteBuffer bb = ByteBuffer.wrap(header, 8, 8);
        int version = bb.getInt();
        int length = bb.getInt();
        if (version != VERSION) {
            throw new CorruptPackException("pack format " + version + " is not " + VERSION);
        }
        if (length <= 0 || length > MAX_INDEX_LENGTH) {
            throw new CorruptPackException("index length " + length + " out of bounds");
        }
        byte[] json = new byte[length];
        try {
            data.readFully(json);
        } catch (EOFException e) {
            throw new CorruptPackException("pack ends inside its index");
        }
        if (!MessageDigest.isEqual(Digests.sha256().digest(json), Arrays.copyOfRange(header, 16, 48))) {
            throw new CorruptPackException("the pack's index fails its SHA-256 check");
        }
        PackIndex index;
        try {
            index = JSON.readValue(json, PackIndex.class);
        } catch (JsonProcessingException e) {
            throw new CorruptPackException("unreadable index: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CorruptPackException("unreadable index: " + e.getMessage());
        }
        if (index == null || index.formatVersion != VERSION || index.members == null || index.steps == null) {
            throw new CorruptPackException("index lacks its required fields");
        }
        return new ReadIndex(index, HEADER_LENGTH + (long) length);
    }

    /** An index and the absolute offset of the data area in the pack. */
    public record ReadIndex(PackIndex index, long dataOffset) {}
}
