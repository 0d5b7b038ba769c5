package io.github.ghacache.pack;

import java.nio.file.Path;

/** Checks member entry names, which come from untrusted packs, before any file is created. */
public final class SafePaths {
    private SafePaths() {}

    /**
     * Resolves a relative '/'-separated entry name under {@code root}; refuses absolute names, drive letters,
     * backslashes, empty or dot segments, and anything that would land outside root.
     */
    public static Path resolve(Path root, String name) throws CorruptPackException {
        if (name == null || name.isEmpty() || name.length() > 4096) {
            throw new CorruptPackException("entry with an empty or overlong name");
        }
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty() || n.startsWith("/") || n.indexOf('\\') >= 0 || n.indexOf('\0') >= 0
                || (n.length() > 1 && n.charAt(1) == ':')) {
            throw new CorruptPackException("entry '" + name + "' is not a plain relative path");
        }
        for (String segment : n.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new CorruptPackException("entry '" + name + "' has an empty, '.' or '..' segment");
            }
        }
        Path base = root.toAbsolutePath().normalize();
        Path p = base.resolve(n).normalize();
        if (!p.startsWith(base) || p.equals(base)) {
            throw new CorruptPackException("entry '" + name + "' leaves its folder");
        }
        return p;
    }
}
