package io.github.ghacache.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** Reads jars the way the assertions compare them: entry name to bytes. */
final class Jars {
    private Jars() {}

    static Map<String, String> entries(Path jar) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> en = jf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                try (InputStream in = jf.getInputStream(e)) {
                    out.put(e.getName(), java.util.HexFormat.of().formatHex(in.readAllBytes()));
                }
            }
        }
        return out;
    }

    static String manifestAttribute(Path jar, String name) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            return jf.getManifest().getMainAttributes().getValue(name);
        }
    }
}
