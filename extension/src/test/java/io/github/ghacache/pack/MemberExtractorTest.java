package io.github.ghacache.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.luben.zstd.ZstdOutputStream;
import io.github.ghacache.fingerprint.Digests;
import io.github.ghacache.pack.MemberExtractor.Limits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-crafted, hostile members: every refusal must leave the target folder exactly as it was. */
class MemberExtractorTest {
    @TempDir
    Path tmp;

    private Path target;
    private Map<String, String> before;

    /** One tar entry to craft; {@code data} null for folders and links. */
    private record Entry(TarArchiveEntry header, byte[] data) {
        static Entry file(String name, String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry(name, true);
            e.setSize(b.length);
            return new Entry(e, b);
        }

        static Entry dir(String name) {
            return new Entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), null);
        }

        static Entry symlink(String name, String linkTarget) {
            TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
            e.setLinkName(linkTarget);
            return new Entry(e, null);
        }

        static Entry hardlink(String name, String linkTarget) {
            TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
            e.setLinkName(linkTarget);
            return new Entry(e, null);
        }
    }

    /** Compressed member bytes and an index entry for them, whose counts the caller may falsify. */
    private record Crafted(byte[] bytes, PackMember member) {
        ByteArrayInputStream stream() {
            return new ByteArrayInputStream(bytes);
        }
    }

    private static Crafted craft(Entry... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long size = 0;
        int files = 0;
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                tar.putArchiveEntry(e.header());
                if (e.data() != null) {
                    tar.write(e.data());
                    size += e.data().length;
                    files++;
                }
                tar.closeArchiveEntry();
            }
        }
        PackMember m = new PackMember();
        m.name = "module";
        m.length = out.size();
        m.size = size;
        m.files = files;
        m.sha256 = Digests.of(out.toByteArray());
        return new Crafted(out.toByteArray(), m);
    }

    @BeforeEach
    void populateTarget() throws IOException {
        target = tmp.resolve("project/target");
        Files.createDirectories(target.resolve("classes/com/example"));
        Files.writeString(target.resolve("classes/com/example/Existing.class"), "existing");
        Files.writeString(target.resolve("ok.txt"), "original ok");
        before = TreeSnapshot.of(target);
    }

    private void assertRefusedAndUntouched(Crafted c) throws IOException {
        assertThatCode(() -> MemberExtractor.verify(c.stream(), c.member()))
                .as("the crafted member is consistent with its own index entry")
                .doesNotThrowAnyException();
        assertRefusedAndUntouched(c, Limits.DEFAULT);
    }

    private void assertRefusedAndUntouched(Crafted c, Limits limits) throws IOException {
        assertThatThrownBy(() -> MemberExtractor.extract(c.stream(), c.member(), target, limits))
                .isInstanceOf(CorruptPackException.class);
        assertThat(TreeSnapshot.of(target)).isEqualTo(before);
    }

    @Test
    void wellFormedCraftedMemberIsExtracted() throws Exception {
        Crafted c = craft(Entry.dir("gen"), Entry.file("gen/X.java", "class X {}"), Entry.file("ok.txt", "new ok"));

        int files = MemberExtractor.extract(c.stream(), c.member(), target, Limits.DEFAULT);

        assertThat(files).isEqualTo(2);
        assertThat(target.resolve("gen/X.java")).hasContent("class X {}");
        assertThat(target.resolve("ok.txt")).hasContent("new ok");
        assertThat(target.resolve("classes/com/example/Existing.class")).hasContent("existing");
    }

    @Test
    void severalMembersLandInOrderWithTheLaterOnesFileWinning() throws Exception {
        Crafted first = craft(Entry.file("classes/A.class", "a1"), Entry.file("ok.txt", "from first"));
        Crafted second = craft(Entry.file("classes/B.class", "b"), Entry.file("ok.txt", "from second"));

        int files = MemberExtractor.extractAll(List.of(first.member(), second.member()),
                List.of(first::stream, second::stream), target, Limits.DEFAULT);

        assertThat(files).isEqualTo(3);
        assertThat(target.resolve("classes/A.class")).hasContent("a1");
        assertThat(target.resolve("classes/B.class")).hasContent("b");
        assertThat(target.resolve("ok.txt")).hasContent("from second");
        assertThat(target.resolve("classes/com/example/Existing.class")).hasContent("existing");
    }

    @Test
    void aHostileSecondMemberLeavesTheTargetUntouchedByTheFirstToo() throws Exception {
        Crafted first = craft(Entry.file("ok.txt", "from first"));
        Crafted second = craft(Entry.file("../evil", "pwned"));

        assertThatThrownBy(() -> MemberExtractor.extractAll(List.of(first.member(), second.member()),
                List.of(first::stream, second::stream), target, Limits.DEFAULT))
                .isInstanceOf(CorruptPackException.class);
        assertThat(TreeSnapshot.of(target)).isEqualTo(before);
    }

    @Test
    void refusesParentTraversalEntry() throws Exception {
        Crafted c = craft(Entry.file("ok.txt", "overwritten"), Entry.file("../evil", "pwned"));

        assertRefusedAndUntouched(c);
        assertThat(target.resolveSibling("evil")).doesNotExist();
    }

    @Test
    void refusesNestedParentTraversalEntry() throws Exception {
        Crafted c = craft(Entry.file("classes/../../evil", "pwned"));

        assertRefusedAndUntouched(c);
        assertThat(target.resolveSibling("evil")).doesNotExist();
    }

    @Test
    void refusesAbsoluteEntry() throws Exception {
        Path outside = tmp.resolve("outside/evil");
        Crafted c = craft(Entry.file("ok.txt", "overwritten"), Entry.file(outside.toString(), "pwned"));

        assertRefusedAndUntouched(c);
        assertThat(outside).doesNotExist();
    }

    @Test
    void refusesSymlinkEntry() throws Exception {
        Crafted c = craft(Entry.file("ok.txt", "overwritten"), Entry.symlink("classes/link", tmp.toString()));

        assertRefusedAndUntouched(c);
        // refused as a link, not by the file count (links must never be taken for files)
        assertThatThrownBy(() -> MemberExtractor.extract(c.stream(), c.member(), target, Limits.DEFAULT))
                .hasMessageContaining("link or device");
    }

    @Test
    void refusesHardLinkEntry() throws Exception {
        Crafted c = craft(Entry.file("ok.txt", "overwritten"), Entry.hardlink("hard", "ok.txt"));

        assertRefusedAndUntouched(c);
        // refused as a link, not by the file count (links must never be taken for files)
        assertThatThrownBy(() -> MemberExtractor.extract(c.stream(), c.member(), target, Limits.DEFAULT))
                .hasMessageContaining("link or device");
    }

    @Test
    void refusesMoreFilesThanDeclared() throws Exception {
        Crafted c = craft(Entry.file("ok.txt", "overwritten"), Entry.file("b.txt", "b"));
        c.member().files = 1;

        assertRefusedAndUntouched(c);
    }

    @Test
    void refusesMoreBytesThanDeclared() throws Exception {
        Crafted c = craft(Entry.file("ok.txt", "overwritten"), Entry.file("b.txt", "b"));
        c.member().size -= 1;

        assertRefusedAndUntouched(c);
    }

    @Test
    void refusesFewerFilesThanDeclared() throws Exception {
        Crafted c = craft(Entry.file("ok.txt", "overwritten"));
        c.member().files = 2;

        assertRefusedAndUntouched(c);
    }

    @Test
    void refusesDeclaredSizeBeyondLimits() throws Exception {
        Crafted c = craft(Entry.file("ok.txt", "overwritten"));
        c.member().size = 2048;

        assertRefusedAndUntouched(c, new Limits(1024, 10));
    }

    @Test
    void refusesDeclaredFileCountBeyondLimits() throws Exception {
        Crafted c = craft(Entry.file("ok.txt", "overwritten"), Entry.file("b.txt", "b"));

        assertRefusedAndUntouched(c, new Limits(1 << 20, 1));
    }

    @Test
    void refusesNegativeDeclaredSize() throws Exception {
        Crafted c = craft(Entry.file("ok.txt", "overwritten"));
        c.member().size = -1;

        assertRefusedAndUntouched(c);
    }

    @Test
    void refusesBytesThatAreNotZstd() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        PackMember m = new PackMember();
        m.name = "module";
        m.length = garbage.length;
        m.size = 10;
        m.files = 1;

        assertRefusedAndUntouched(new Crafted(garbage, m), Limits.DEFAULT);
    }

    @Test
    void refusesToFollowAnExistingLinkOutOfTheTarget() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Path generated = target.resolve("generated");
        try {
            Files.createSymbolicLink(generated, outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "file system cannot create symbolic links: " + e);
        }
        before = TreeSnapshot.of(target);
        Crafted c = craft(Entry.file("generated/Evil.class", "pwned"), Entry.file("generated/sub/Deep.class", "pwned"));

        assertRefusedAndUntouched(c);
        assertThat(TreeSnapshot.of(outside)).isEmpty();
    }

    @Test
    void refusalThroughAnExistingLinkCreatesNoOtherFolders() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        try {
            Files.createSymbolicLink(target.resolve("generated"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "file system cannot create symbolic links: " + e);
        }
        before = TreeSnapshot.of(target);
        // many harmless folders around the one that leads out through the link, so that whatever order the
        // file system lists the staging folder in, some of them come before the bad one
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (i == 30) {
                entries.add(Entry.file("generated/Evil.class", "pwned"));
            }
            entries.add(Entry.file((char) ('a' + i % 26) + "" + (char) ('a' + i / 26) + "/new/F.class", "f"));
        }
        entries.add(Entry.file("classes/com/example/fresh/F.class", "f"));
        Crafted c = craft(entries.toArray(Entry[]::new));

        assertRefusedAndUntouched(c);
        assertThat(TreeSnapshot.of(outside)).isEmpty();
    }

    // A missing or empty target is written in place (no staging folder); a refusal must leave it as it was.

    @Test
    void aMissingTargetIsFilledInPlaceAndCountsEachFileOnce() throws Exception {
        Path fresh = tmp.resolve("fresh/target");
        Crafted first = craft(Entry.file("classes/A.class", "a1"), Entry.file("ok.txt", "from first"));
        Crafted second = craft(Entry.dir("classes"), Entry.file("classes/B.class", "b"),
                Entry.file("ok.txt", "from second"));

        int files = MemberExtractor.extractAll(List.of(first.member(), second.member()),
                List.of(first::stream, second::stream), fresh, Limits.DEFAULT);

        assertThat(files).isEqualTo(3);
        assertThat(TreeSnapshot.of(fresh)).containsOnlyKeys("classes", "classes/A.class", "classes/B.class", "ok.txt");
        assertThat(fresh.resolve("ok.txt")).hasContent("from second");
    }

    @Test
    void aRefusalRemovesWhatItWroteIntoAMissingTarget() throws Exception {
        Path fresh = tmp.resolve("fresh/target");
        Crafted first = craft(Entry.file("classes/A.class", "a1"), Entry.file("ok.txt", "from first"));
        Crafted second = craft(Entry.file("classes/B.class", "b"), Entry.file("../evil", "pwned"));

        assertThatThrownBy(() -> MemberExtractor.extractAll(List.of(first.member(), second.member()),
                List.of(first::stream, second::stream), fresh, Limits.DEFAULT))
                .isInstanceOf(CorruptPackException.class);
        assertThat(fresh).doesNotExist();
        assertThat(fresh.resolveSibling("evil")).doesNotExist();
    }

    @Test
    void aRefusalEmptiesAnEmptyTargetAgain() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty/target"));
        Crafted c = craft(Entry.file("classes/A.class", "a1"), Entry.file("ok.txt", "fine"));
        c.member().files = 1; // holds more than it declares: refused after the first file was written

        assertThatThrownBy(() -> MemberExtractor.extract(c.stream(), c.member(), empty, Limits.DEFAULT))
                .isInstanceOf(CorruptPackException.class);
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void aLinkAsTheTargetIsNotWrittenInPlace() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Path link = tmp.resolve("linked/target");
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "file system cannot create symbolic links: " + e);
        }
        Crafted c = craft(Entry.file("ok.txt", "fine"), Entry.file("../evil", "pwned"));

        assertThatThrownBy(() -> MemberExtractor.extract(c.stream(), c.member(), link, Limits.DEFAULT))
                .isInstanceOf(CorruptPackException.class);
        assertThat(outside).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }
}
