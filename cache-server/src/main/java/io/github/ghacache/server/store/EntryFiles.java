package io.github.ghacache.server.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The only class that knows the on-disk layout of committed entries: {@code entries/<id>.bin} holds the bytes,
 * {@code entries/<id>.json} the identity. The JSON is written last, so an entry whose metadata exists is complete;
 * a crash in between leaves an orphan .bin that the next start deletes.
 */
final class EntryFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    EntryFiles(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    Path data(long id) {
        return dir.resolve(id + ".bin");
    }

    private Path meta(long id) {
        return dir.resolve(id + ".json");
    }

    /** Moves the finished upload into place, then publishes its metadata. */
    void publish(Path upload, CacheEntry entry) throws IOException {
        move(upload, data(entry.id()));
        ObjectNode node = JSON.createObjectNode()
                .put("id", entry.id()).put("scope", entry.scope()).put("key", entry.key())
                .put("version", entry.version()).put("size", entry.size())
                .put("created", entry.created().toString()).put("sequence", entry.sequence());
        Path tmp = dir.resolve(entry.id() + ".json.tmp");
        Files.write(tmp, JSON.writeValueAsBytes(node));
        move(tmp, meta(entry.id()));
    }

    void delete(long id) throws IOException {
        Files.deleteIfExists(meta(id));
        Files.deleteIfExists(data(id));
    }

    /** Loads the complete entries and removes leftovers of interrupted commits. */
    List<CacheEntry> load() throws IOException {
        List<CacheEntry> result = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(".json")) {
                    var n = JSON.readTree(file.toFile());
                    CacheEntry e = new CacheEntry(n.get("id").asLong(), n.get("scope").asText(), n.get("key").asText(),
                            n.get("version").asText(), n.get("size").asLong(), Instant.parse(n.get("created").asText()),
                            n.get("sequence").asLong());
                    if (Files.isRegularFile(data(e.id())) && Files.size(data(e.id())) == e.size()) {
                        result.add(e);
                    } else {
                        delete(e.id());
                    }
                }
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.bin")) {
            for (Path file : files) {
                String id = file.getFileName().toString().replace(".bin", "");
                if (!Files.exists(dir.resolve(id + ".json"))) {
                    Files.deleteIfExists(file);
                }
            }
        }
        return result;
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
