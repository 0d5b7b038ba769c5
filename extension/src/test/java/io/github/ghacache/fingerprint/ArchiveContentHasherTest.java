package io.github.ghacache.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveContentHasherTest {
    @TempDir
    Path tmp;

    private static Map<String, String> entries(String classBody) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("META-INF/", null);
        m.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        m.put("com/example/A.class", classBody);
        return m;
    }

    private Path zip(String name, Map<String, String> entries, Instant time) throws IOException {
        Path file = tmp.resolve(name);
        try (OutputStream os = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setLastModifiedTime(FileTime.from(time));
                zip.putNextEntry(ze);
                if (e.getValue() != null) {
                    zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void sameEntriesWithDifferentTimestampsHashEqual() throws IOException {
        Path a = zip("a.jar", entries("v1"), Instant.parse("2020-01-01T00:00:00Z"));
        Path b = zip("b.jar", entries("v1"), Instant.parse("2024-06-30T12:34:56Z"));

        assertThat(Files.readAllBytes(a)).as("the jars' own bytes differ").isNotEqualTo(Files.readAllBytes(b));
        assertThat(ArchiveContentHasher.hashEntries(a)).isNotNull().isEqualTo(ArchiveContentHasher.hashEntries(b));
    }

    @Test
    void differentEntryContentHashesDifferently() throws IOException {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        Path a = zip("a.jar", entries("v1"), t);
        Path b = zip("b.jar", entries("v2"), t);

        assertThat(ArchiveContentHasher.hashEntries(a)).isNotEqualTo(ArchiveContentHasher.hashEntries(b));
    }

    @Test
    void differentEntryNameHashesDifferently() throws IOException {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        Map<String, String> renamed = new LinkedHashMap<>(entries("v1"));
        renamed.put("com/example/B.class", renamed.remove("com/example/A.class"));

        assertThat(ArchiveContentHasher.hashEntries(zip("a.jar", entries("v1"), t)))
                .isNotEqualTo(ArchiveContentHasher.hashEntries(zip("b.jar", renamed, t)));
    }

    @Test
    void entryOrderInsideTheZipDoesNotMatter() throws IOException {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        Map<String, String> forward = entries("v1");
        Map<String, String> backward = new LinkedHashMap<>();
        forward.keySet().stream().sorted(java.util.Comparator.reverseOrder())
                .forEach(k -> backward.put(k, forward.get(k)));

        assertThat(ArchiveContentHasher.hashEntries(zip("a.jar", forward, t)))
                .isEqualTo(ArchiveContentHasher.hashEntries(zip("b.jar", backward, t)));
    }

    @Test
    void nonZipReturnsNull() throws IOException {
        Path notZip = tmp.resolve("not.jar");
        Files.writeString(notZip, "this is plain text, not a zip archive");

        assertThat(ArchiveContentHasher.hashEntries(notZip)).isNull();
    }
}
