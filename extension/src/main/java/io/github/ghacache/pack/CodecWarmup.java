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
 * index, the tar classes, SHA-256) on a background thread while Maven is still planning the first module,
 * so the first module does not pay for it. Any failure here is ignored: the real use reports it.
 */
public final class CodecWarmup {
    private CodecWarmup() {}

    public static void startInBackground() {
        Thread t = new Thread(CodecWarmup::run, "gha-cache-warmup");
        t.setDaemon(true);
        t.start();
    }

    static void run() {
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
            Digests.sha256().digest(head);
        } catch (IOException | RuntimeException | CorruptPackException | LinkageError e) {
            // the real use says what is wrong
        }
    }
}
