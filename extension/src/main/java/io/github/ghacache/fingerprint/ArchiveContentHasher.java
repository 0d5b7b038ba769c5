package io.github.ghacache.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Digests a jar by what it holds (entry names and entry bytes), not by its own bytes, which carry
 * timestamps: a module rebuilt with identical classes then gives its dependents identical keys.
 */
public final class ArchiveContentHasher {
    private ArchiveContentHasher() {}

    /** Entry digest of a zip file, or null when the file is not a readable zip. */
    public static String hashEntries(Path zip) throws IOException {
        TreeMap<String, String> entries = new TreeMap<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory()) {
                    entries.put(e.getName(), "dir");
                } else {
                    try (InputStream in = zf.getInputStream(e)) {
                        entries.put(e.getName(), Digests.of(in));
                    }
                }
            }
        } catch (ZipException notAZip) {
            return null;
        }
        FingerprintBuilder fb = new FingerprintBuilder();
        entries.forEach(fb::add);
        return fb.build().hex();
    }
}
