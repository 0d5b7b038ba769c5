package io.github.ghacache.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSnapshotTest {
    private static final Predicate<Path> NONE = d -> false;
    private static final FileTime T0 = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));
    private static final FileTime T1 = FileTime.from(Instant.parse("2024-01-02T00:00:00Z"));

    @TempDir
    Path root;

    @BeforeEach
    void createTree() throws IOException {
        Files.createDirectories(root.resolve("classes/com/example"));
        write("classes/com/example/A.class", "class A");
        write("classes/com/example/B.class", "class B");
    }

    private void write(String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, T0);
    }

    private OutputSnapshot take() throws IOException {
        return OutputSnapshot.take(root, NONE);
    }

    @Test
    void untouchedTreeReportsNothing() throws IOException {
        OutputSnapshot before = take();

        OutputSnapshot after = take();

        assertThat(before.changedIn(after)).isEmpty();
        assertThat(before.removedIn(after)).isEmpty();
    }

    @Test
    void newFilesAndNewFoldersAreReportedSorted() throws IOException {
        OutputSnapshot before = take();
        Files.createDirectories(root.resolve("generated/sub"));
        write("generated/sub/G.java", "class G {}");
        write("classes/com/example/C.class", "class C");
        Files.createDirectories(root.resolve("empty"));

        assertThat(before.changedIn(take())).containsExactly(
                "classes/com/example/C.class", "empty", "generated", "generated/sub", "generated/sub/G.java");
    }

    @Test
    void fileRewrittenWithDifferentSizeIsReported() throws IOException {
        OutputSnapshot before = take();
        write("classes/com/example/A.class", "class A, longer now"); // same mtime T0, other size

        assertThat(before.changedIn(take())).containsExactly("classes/com/example/A.class");
    }

    @Test
    void fileWithChangedModificationTimeIsReported() throws IOException {
        OutputSnapshot before = take();
        Files.setLastModifiedTime(root.resolve("classes/com/example/B.class"), T1); // same size, other time

        assertThat(before.changedIn(take())).containsExactly("classes/com/example/B.class");
    }

    @Test
    void preExistingFolderWhoseContentChangedIsNotItselfReported() throws IOException {
        Path folder = root.resolve("classes/com/example");
        Files.setLastModifiedTime(folder, T0);
        OutputSnapshot before = take();
        write("classes/com/example/C.class", "class C");
        Files.setLastModifiedTime(folder, T1);

        assertThat(before.changedIn(take())).containsExactly("classes/com/example/C.class");
    }

    @Test
    void fileReplacedByAFolderIsReported() throws IOException {
        OutputSnapshot before = take();
        Files.delete(root.resolve("classes/com/example/B.class"));
        Files.createDirectory(root.resolve("classes/com/example/B.class"));

        assertThat(before.changedIn(take())).containsExactly("classes/com/example/B.class");
    }

    @Test
    void skippedFoldersAreLeftOut() throws IOException {
        Predicate<Path> skipTmp = d -> d.getFileName().toString().equals("tmp");
        OutputSnapshot before = OutputSnapshot.take(root, skipTmp);
        Files.createDirectories(root.resolve("tmp/inner"));
        write("tmp/inner/scratch.txt", "scratch");
        write("kept.txt", "kept");

        OutputSnapshot after = OutputSnapshot.take(root, skipTmp);

        assertThat(before.changedIn(after)).containsExactly("kept.txt");
        // what the skip hides is not seen as removed either
        assertThat(after.removedIn(OutputSnapshot.take(root, skipTmp))).isEmpty();
    }

    @Test
    void skippedFoldersWithFilesDoNotCountAsHoldingFiles() throws IOException {
        Path other = root.resolve("other");
        Files.createDirectories(other.resolve("tmp"));
        Files.writeString(other.resolve("tmp/x.txt"), "x");

        assertThat(OutputSnapshot.take(other, d -> d.getFileName().toString().equals("tmp")).holdsNoFiles())
                .isTrue();
        assertThat(OutputSnapshot.take(other, NONE).holdsNoFiles()).isFalse();
    }

    @Test
    void removedInListsDeletedFilesAndFolders() throws IOException {
        Files.createDirectories(root.resolve("old/dir"));
        write("old/dir/x.txt", "x");
        OutputSnapshot before = take();
        Files.delete(root.resolve("old/dir/x.txt"));
        Files.delete(root.resolve("old/dir"));
        Files.delete(root.resolve("old"));
        Files.delete(root.resolve("classes/com/example/A.class"));

        OutputSnapshot after = take();

        assertThat(before.removedIn(after)).containsExactly(
                "classes/com/example/A.class", "old", "old/dir", "old/dir/x.txt");
        assertThat(before.changedIn(after)).isEmpty();
    }

    @Test
    void holdsNoFilesIsTrueForOnlyEmptyFolders() throws IOException {
        Path empty = root.resolve("onlyFolders");
        Files.createDirectories(empty.resolve("a/b"));
        Files.createDirectories(empty.resolve("c"));

        assertThat(OutputSnapshot.take(empty, NONE).holdsNoFiles()).isTrue();
    }

    @Test
    void holdsNoFilesIsFalseWhenAFileExists() throws IOException {
        assertThat(take().holdsNoFiles()).isFalse();
    }

    @Test
    void missingRootGivesAnEmptySnapshot() throws IOException {
        OutputSnapshot missing = OutputSnapshot.take(root.resolve("does-not-exist"), NONE);

        assertThat(missing.holdsNoFiles()).isTrue();
        assertThat(missing.removedIn(take())).isEmpty();
        assertThat(missing.changedIn(take())).contains("classes", "classes/com/example/A.class");
        assertThat(take().removedIn(missing)).containsExactly(
                "classes", "classes/com", "classes/com/example",
                "classes/com/example/A.class", "classes/com/example/B.class");
        assertThat(take().changedIn(missing)).isEmpty();
    }
}
