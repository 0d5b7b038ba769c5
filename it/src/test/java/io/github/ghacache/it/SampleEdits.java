package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Edits of the mutation sample and the comparison of its jars, shared by the suites that change it. */
final class SampleEdits {
    private SampleEdits() {}

    /** Entries of every jar of every module: module/jar-name → entry → bytes (hex). */
    static Map<String, Map<String, String>> jars(Path dir) throws Exception {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (String module : List.of("lib", "app", "extra")) {
            Path target = dir.resolve(module).resolve("target");
            try (Stream<Path> s = Files.list(target)) {
                for (Path jar : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".jar"))::iterator) {
                    out.put(module + "/" + jar.getFileName(), Jars.entries(jar));
                }
            }
        }
        assertThat(out).containsKeys("lib/lib-1.0.jar", "app/app-1.0.jar");
        return out;
    }

    static void edit(Path dir, String file, String from, String to) throws Exception {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    static void rename(Path dir, String file, String fromClass, String toClass) throws Exception {
        Path p = dir.resolve(file);
        String text = Files.readString(p).replace(fromClass, toClass);
        Files.delete(p);
        Files.writeString(p.resolveSibling(toClass + ".java"), text);
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
