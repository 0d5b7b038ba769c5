package io.github.ghacache.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.fingerprint.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyDigesterTest {
    @TempDir
    Path tmp;

    @Test
    void aFileIsDigestedByItsBytesAndKnownOnceForTheBuild() throws Exception {
        Path jar = tmp.resolve("lib.jar");
        Files.write(jar, new byte[] {1, 2, 3});
        DependencyDigester digester = new DependencyDigester();

        String first = digester.digest(jar.toFile(), false);
        String again = digester.digest(jar.toFile(), false);

        assertThat(first).isEqualTo("bytes:" + Digests.of(new byte[] {1, 2, 3})).isEqualTo(again);
        assertThat(digester.known()).isEqualTo(1);
    }

    @Test
    void aChangedFileIsDigestedAgain() throws Exception {
        Path jar = tmp.resolve("lib.jar");
        Files.write(jar, new byte[] {1, 2, 3});
        DependencyDigester digester = new DependencyDigester();
        String before = digester.digest(jar.toFile(), false);

        Files.write(jar, new byte[] {1, 2, 4});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));

        assertThat(digester.digest(jar.toFile(), false)).isNotEqualTo(before)
                .isEqualTo("bytes:" + Digests.of(new byte[] {1, 2, 4}));
    }

    @Test
    void threadsAskingForTheSameFileAtOnceAllGetItsDigest() throws Exception {
        Path jar = tmp.resolve("big.jar");
        byte[] content = new byte[8 << 20];
        new Random(3).nextBytes(content);
        Files.write(jar, content);
        DependencyDigester digester = new DependencyDigester();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit((Callable<String>) () -> digester.digest(jar.toFile(), false)));
            }
            for (Future<String> a : answers) {
                assertThat(a.get()).isEqualTo("bytes:" + Digests.of(content));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(digester.known()).isEqualTo(1);
    }

    @Test
    void aMissingFileAndAFolderAreNotCachedAsFiles() throws Exception {
        DependencyDigester digester = new DependencyDigester();
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Files.writeString(classes.resolve("A.class"), "a");

        assertThat(digester.digest(tmp.resolve("nothing.jar").toFile(), false)).isEqualTo("missing");
        assertThat(digester.digest(classes.toFile(), true)).startsWith("tree:");
        assertThat(digester.known()).isZero();
    }
}
