package io.github.ghacache.bench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Random;

/** Deterministic file trees for the benchmarks: Java-like sources, and class-like binaries. */
final class Trees {
    private static final String[] WORDS = {"public", "static", "final", "int", "return", "new", "String", "List",
        "this", "value", "for", "if", "else", "(", ")", "{", "}", ";", "=", "+", "1", "0", "get", "set", "map"};
    private static final int FOLDERS = 100;

    private Trees() {}

    /** {@code files} text files of {@code bytes} bytes each in 100 folders; returns the total size. */
    static long sourceTree(Path root, int files, int bytes) throws IOException {
        Random random = new Random(42);
        long total = 0;
        for (int i = 0; i < files; i++) {
            StringBuilder sb = new StringBuilder(bytes + 16);
            while (sb.length() < bytes) {
                sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? '\n' : ' ');
            }
            sb.setLength(bytes);
            total += write(root.resolve("p" + (i % FOLDERS)).resolve("F" + i + ".java"),
                    sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return total;
    }

    /**
     * {@code files} class-like files of about {@code bytes} bytes (half to one and a half times) in 100
     * folders: runs of tokens mixed with random bytes, so zstd compresses them about as it does class files.
     */
    static long buildTree(Path root, int files, int bytes) throws IOException {
        Random random = new Random(7);
        long total = 0;
        for (int i = 0; i < files; i++) {
            int size = bytes / 2 + random.nextInt(bytes + 1);
            byte[] data = new byte[size];
            for (int at = 0; at < size; ) {
                if (random.nextInt(3) == 0) {
                    int n = Math.min(size - at, 1 + random.nextInt(24));
                    for (int k = 0; k < n; k++) {
                        data[at++] = (byte) random.nextInt(256);
                    }
                } else {
                    byte[] w = WORDS[random.nextInt(WORDS.length)].getBytes(StandardCharsets.US_ASCII);
                    int n = Math.min(size - at, w.length);
                    System.arraycopy(w, 0, data, at, n);
                    at += n;
                }
            }
            total += write(root.resolve("classes/p" + (i % FOLDERS)).resolve("C" + i + ".class"), data);
        }
        return total;
    }

    private static long write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        return data.length;
    }

    static void delete(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
