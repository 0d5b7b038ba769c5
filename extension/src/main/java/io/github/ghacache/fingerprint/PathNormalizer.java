package io.github.ghacache.fingerprint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces absolute folders inside key inputs with placeholders ({@code ${module}}, {@code ${root}},
 * {@code ${repo}}, ...) so that the same project checked out elsewhere gets the same keys, and expands
 * them back when a restore replays recorded paths.
 */
public final class PathNormalizer {
    private record Root(String path, String placeholder) {}

    private final List<Root> roots;

    private PathNormalizer(List<Root> roots) {
        this.roots = roots;
    }

    /** Placeholder name to folder; the longest folder wins when several contain a path. */
    public static PathNormalizer of(Map<String, Path> folders) {
        List<Root> roots = new ArrayList<>();
        folders.forEach((name, path) -> {
            if (path != null) {
                String p = stripTrailingSeparator(path.toAbsolutePath().normalize().toString());
                if (p.length() > 1) {
                    roots.add(new Root(p, "${" + name + "}"));
                }
            }
        });
        roots.sort(Comparator.comparingInt((Root r) -> r.path.length()).reversed());
        return new PathNormalizer(roots);
    }

    public static PathNormalizer none() {
        return new PathNormalizer(List.of());
    }

    /** Every occurrence of a known folder that ends at a path boundary becomes its placeholder. */
    public String normalize(String text) {
        if (text == null || roots.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            for (Root r : roots) {
                if (text.startsWith(r.path, i) && atBoundary(text, i + r.path.length())) {
                    out.append(r.placeholder);
                    i += r.path.length();
                    continue outer;
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }

    public String normalize(Path path) {
        return normalize(path.toAbsolutePath().normalize().toString());
    }

    /** The inverse of {@link #normalize(String)} for a single recorded value. */
    public String expand(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Root r : roots) {
            out = out.replace(r.placeholder, r.path);
        }
        return out;
    }

    public Map<String, String> placeholders() {
        Map<String, String> m = new LinkedHashMap<>();
        roots.forEach(r -> m.put(r.placeholder, r.path));
        return m;
    }

    private static boolean atBoundary(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        return c == '/' || c == '\\' || c == ':' || c == ';' || c == ',' || c == ' ' || c == '"' || c == '\''
                || c == '=' || c == '\n' || c == ']' || c == '}' || c == ')';
    }

    private static String stripTrailingSeparator(String p) {
        return p.length() > 1 && (p.endsWith("/") || p.endsWith("\\")) ? p.substring(0, p.length() - 1) : p;
    }
}
