package io.github.ghacache.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeHasherTest {
    @TempDir
    Path tmp;

    private final FileTreeHasher hasher = new FileTreeHasher();

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private Path sampleTree(String name) throws IOException {
        Path root = tmp.resolve(name);
        write(root, "pom.xml", "<project/>");
        write(root, "src/main/java/A.java", "class A {}");
        write(root, "src/main/resources/app.properties", "x=1");
        return root;
    }

    private TreeMap<String, String> hash(Path root) throws IOException {
        return hasher.hash(root, d -> false);
    }

    @Test
    void sameContentInDifferentFoldersGivesSameMapAndTreeDigest() throws IOException {
        Path a = sampleTree("a");
        Path b = sampleTree("elsewhere/b");

        assertThat(hash(a)).isEqualTo(hash(b));
        assertThat(hasher.hashTree(a)).isEqualTo(hasher.hashTree(b));
    }

    @Test
    void mapHasSlashSeparatedRelativePathsWithContentDigests() throws IOException {
        Path a = sampleTree("a");

        assertThat(hash(a))
                .containsOnlyKeys("pom.xml", "src/main/java/A.java", "src/main/resources/app.properties")
                .containsEntry("pom.xml", Digests.of("<project/>"));
    }

    @Test
    void contentChangeChangesTheDigests() throws IOException {
        Path a = sampleTree("a");
        TreeMap<String, String> before = hash(a);
        String treeBefore = hasher.hashTree(a);

        write(a, "src/main/java/A.java", "class A { int x; }");

        assertThat(hash(a)).isNotEqualTo(before);
        assertThat(hasher.hashTree(a)).isNotEqualTo(treeBefore);
    }

    @Test
    void addedFileChangesTheTreeDigest() throws IOException {
        Path a = sampleTree("a");
        String before = hasher.hashTree(a);

        write(a, "src/main/java/B.java", "class B {}");

        assertThat(hasher.hashTree(a)).isNotEqualTo(before);
    }

    @Test
    void renamedFileChangesTheTreeDigest() throws IOException {
        Path a = sampleTree("a");
        String before = hasher.hashTree(a);

        Files.move(a.resolve("src/main/java/A.java"), a.resolve("src/main/java/Renamed.java"));

        assertThat(hasher.hashTree(a)).isNotEqualTo(before);
    }

    @Test
    void modificationTimeDoesNotMatter() throws IOException {
        Path a = sampleTree("a");
        String before = hasher.hashTree(a);

        Files.setLastModifiedTime(a.resolve("pom.xml"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));

        assertThat(hasher.hashTree(a)).isEqualTo(before);
    }

    @Test
    void skipDirPredicateLeavesFoldersOut() throws IOException {
        Path a = sampleTree("a");
        write(a, "target/classes/A.class", "bytecode");

        TreeMap<String, String> map = hasher.hash(a, d -> d.getFileName().toString().equals("target"));

        assertThat(map.keySet()).noneMatch(k -> k.startsWith("target/"));
        assertThat(map).containsKey("src/main/java/A.java");
    }

    @Test
    void rootItselfIsNotSubjectToSkipDir() throws IOException {
        Path a = sampleTree("a");

        assertThat(hasher.hash(a, d -> true)).containsOnlyKeys("pom.xml");
    }

    @Test
    void vcsFoldersAreSkipped() throws IOException {
        Path a = sampleTree("a");
        String before = hasher.hashTree(a);

        write(a, ".git/HEAD", "ref: refs/heads/main");
        write(a, "sub/.svn/entries", "x");

        assertThat(hash(a).keySet()).noneMatch(k -> k.contains(".git") || k.contains(".svn"));
        assertThat(hasher.hashTree(a)).isEqualTo(before);
    }

    @Test
    void missingFolderHashesAsEmpty() throws IOException {
        assertThat(hash(tmp.resolve("absent"))).isEmpty();
    }

    @Test
    void symlinkCountsAsItsTargetTextNotItsTargetContent() throws IOException {
        Path a = sampleTree("a");
        Path link = a.resolve("link");
        try {
            Files.createSymbolicLink(link, Path.of("pom.xml"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "file system cannot create symbolic links: " + e);
        }

        assertThat(hash(a)).containsEntry("link", "link:pom.xml");

        String before = hasher.hashTree(a);
        write(a, "other.xml", "<project/>");
        Files.delete(a.resolve("pom.xml"));
        Files.move(a.resolve("other.xml"), a.resolve("pom.xml"));
        assertThat(hasher.hashTree(a)).as("target content unchanged, link text unchanged").isEqualTo(before);

        Files.delete(link);
        Files.createSymbolicLink(link, Path.of("src/../pom.xml"));
        assertThat(hasher.hashTree(a)).as("link text changed").isNotEqualTo(before);
    }
}
