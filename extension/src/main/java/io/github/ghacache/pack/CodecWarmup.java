package io.github.ghacache.pack;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import io.github.ghacache.fingerprint.Digests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Loads what the first restore or save needs (zstd's native library, Jackson's readers and writers of the
 * index, the tar classes) and gets SHA-256 compiled (its first megabyte costs about 40 ms interpreted,
 * the next ones under 1 ms), so the first module does not pay for it. Meant for a background thread while
 * Maven is still planning the first module. Any failure here is ignored: the real use reports it.
 */
public final class CodecWarmup {
    private CodecWarmup() {}

    public static void run() {
        try {
            PackIndex index = new PackIndex();
            index.formatVersion = PackFormat.VERSION;
            index.inputs = Map.of("warm", "up");
            index.steps = List.of(new StepRecord("a:b:c@d", "k", "m", 1, new ModelEffects()));
            byte[] head = PackFormat.head(index);
            PackFormat.readHead(new ByteArrayInputStream(head));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(bytes, 3))) {
                TarArchiveEntry e = new TarArchiveEntry("warm");
                e.setSize(1);
                tar.putArchiveEntry(e);
                tar.write(1);
                tar.closeArchiveEntry();
            }
            try (TarArchiveInputStream tar =
                    new TarArchiveInputStream(new ZstdInputStream(new ByteArrayInputStream(bytes.toByteArray())))) {
                while (tar.getNextEntry() != null) {
                    tar.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            var md = Digests.sha256();
            byte[] block = new byte[64 * 1024];
            for (int i = 0; i < 32; i++) {
                md.update(block);
            }
            md.digest(head);
        } catch (IOException | RuntimeException | CorruptPackException | LinkageError e) {
            // the real use says what is wrong
        }
    }
}
