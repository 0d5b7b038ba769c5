package io.github.ghacache.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves request bodies into a reservation's staging folder: v1 chunks in place, Azure Put Blob / Put Block into
 * temporary files, Put Block List by concatenation. Pure file work; the caller holds the reservation's state.
 */
final class Uploads {
    private Uploads() {
    }

    /** Writes a v1 chunk at its offset; concurrent chunks use positional writes on their own channels. */
    static long writeAt(Path file, long start, InputStream body) throws IOException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    written += channel.write(chunk, start + written);
                }
            }
        }
        return written;
    }

    /** Streams a body to a fresh temporary file in {@code dir}; the caller moves or deletes it. */
    static Path writeTemp(Path dir, InputStream body, long expectedLength) throws IOException, StoreException {
        Path tmp = dir.resolve("tmp-" + UUID.randomUUID());
        long written;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            written = body.transferTo(out);
        }
        if (expectedLength >= 0 && written != expectedLength) {
            Files.deleteIfExists(tmp);
            throw new StoreException(StoreException.Kind.INVALID,
                    "body has " + written + " bytes, Content-Length said " + expectedLength);
        }
        return tmp;
    }

    /** Validates an Azure block id: base64, at most 64 bytes decoded, same length as the blob's other ids. */
    static String blockFileName(Reservation r, String blockId) throws StoreException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(blockId);
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Kind.INVALID, "block id is not valid base64");
        }
        if (raw.length == 0 || raw.length > 64) {
            throw new StoreException(StoreException.Kind.INVALID, "block id must be 1 to 64 bytes before encoding");
        }
        if (r.blockIdLength >= 0 && r.blockIdLength != blockId.length()) {
            throw new StoreException(StoreException.Kind.INVALID, "all block ids of a blob must have the same length");
        }
        return "block-" + HexFormat.of().formatHex(raw);
    }

    /**
     * Builds the new blob from a block list into a temporary file and returns it with the new committed-block map.
     * Blocks come from the uncommitted files or from ranges of the current blob (the committed blocks).
     */
    static Map.Entry<Path, Map<String, long[]>> assemble(Reservation r, List<BlockRef> list) throws IOException, StoreException {
        Path tmp = r.dir.resolve("tmp-" + UUID.randomUUID());
        Map<String, long[]> committed = new HashMap<>();
        long offset = 0;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (BlockRef ref : list) {
                Path uncommitted = r.uncommittedBlocks.get(ref.blockId());
                long[] old = r.committedBlocks.get(ref.blockId());
                boolean useUncommitted = switch (ref.source()) {
                    case UNCOMMITTED -> true;
                    case COMMITTED -> false;
                    case LATEST -> uncommitted != null;
                };
                long length;
                if (useUncommitted) {
                    if (uncommitted == null) {
                        throw new StoreException(StoreException.Kind.INVALID, "unknown uncommitted block " + ref.blockId());
                    }
                    try (FileChannel in = FileChannel.open(uncommitted, StandardOpenOption.READ)) {
                        length = in.size();
                        copy(in, 0, length, out);
                    }
                } else {
                    if (old == null) {
                        throw new StoreException(StoreException.Kind.INVALID, "unknown committed block " + ref.blockId());
                    }
                    try (FileChannel in = FileChannel.open(r.blobFile(), StandardOpenOption.READ)) {
                        length = old[1];
                        copy(in, old[0], length, out);
                    }
                }
                committed.put(ref.blockId(), new long[] {offset, length});
                offset += length;
            }
        } catch (IOException | StoreException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return Map.entry(tmp, committed);
    }

    private static void copy(FileChannel in, long position, long length, FileChannel out) throws IOException {
        long done = 0;
        while (done < length) {
            long n = in.transferTo(position + done, length - done, out);
            if (n <= 0) {
                throw new IOException("short read while assembling blocks");
            }
            done += n;
        }
    }
}
