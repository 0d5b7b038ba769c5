package io.github.ghacache.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghacache.pack.MemberExtractor.Limits;
import io.github.ghacache.pack.PackFormat.ReadIndex;
import io.github.ghacache.pack.PackWriter.CopiedMember;
import io.github.ghacache.pack.PackWriter.MemberSource;
import io.github.ghacache.pack.PackWriter.SelectedFiles;
import io.github.ghacache.pack.PackWriter.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackRoundTripTest {
    @TempDir
    Path tmp;

    private Path src;
    private byte[] big;

    @BeforeEach
    void createSourceTree() throws IOException {
        src = tmp.resolve("src");
        Files.createDirectories(src.resolve("classes/com/example/deep/nested"));
        Files.writeString(src.resolve("classes/com/example/A.class"), "class A");
        Files.writeString(src.resolve("classes/com/example/deep/nested/B.class"), "class B");
        Files.createDirectories(src.resolve("generated-sources/empty"));
        Files.createDirectories(src.resolve("bin"));
        Path script = src.resolve("bin/run.sh");
        Files.writeString(script, "#!/bin/sh\necho hi\n");
        makeExecutable(script);
        big = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(big);
        Files.write(src.resolve("big.bin"), big);
    }

    private static void makeExecutable(Path file) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        perms.add(PosixFilePermission.GROUP_EXECUTE);
        Files.setPosixFilePermissions(file, perms);
    }

    private static PackIndex newIndex() {
        PackIndex index = new PackIndex();
        index.formatVersion = PackFormat.VERSION;
        index.key = "gha-maven-2:maven:org.example:core:abc";
        index.module = "org.example:core";
        index.mode = "min";
        index.steps.add(new StepRecord("compiler:compile@default", "k1", "module", 1234, new ModelEffects()));
        return index;
    }

    private Path writePack(List<MemberSource> sources) throws IOException {
        return PackWriter.write(tmp.resolve("work"), newIndex(), sources);
    }

    private Path writeAnyPack(List<? extends Source> sources) throws IOException {
        return PackWriter.write(tmp.resolve("work"), newIndex(), sources);
    }

    private static byte[] memberBytes(Path pack, ReadIndex ri, PackMember m) throws IOException {
        byte[] all = Files.readAllBytes(pack);
        int from = Math.toIntExact(ri.dataOffset() + m.offset);
        return Arrays.copyOfRange(all, from, Math.toIntExact(from + m.length));
    }

    private static ReadIndex readHead(Path pack) throws IOException, CorruptPackException {
        try (InputStream in = Files.newInputStream(pack)) {
            return PackFormat.readHead(in);
        }
    }

    @Test
    void roundTripRestoresTheTreeByteForByte() throws Exception {
        Path pack = writePack(List.of(new MemberSource("module", src, d -> false)));

        ReadIndex ri = readHead(pack);
        PackMember m = ri.index().member("module");
        byte[] bytes = memberBytes(pack, ri, m);
        MemberExtractor.verify(new ByteArrayInputStream(bytes), m);
        Path target = tmp.resolve("target");
        int files = MemberExtractor.extract(new ByteArrayInputStream(bytes), m, target, Limits.DEFAULT);

        assertThat(files).isEqualTo(4);
        assertThat(TreeSnapshot.of(target)).isEqualTo(TreeSnapshot.of(src));
        assertThat(target.resolve("generated-sources/empty")).isEmptyDirectory();
        assertThat(Files.readAllBytes(target.resolve("big.bin"))).isEqualTo(big);
    }

    @Test
    void executableBitSurvivesTheRoundTrip() throws Exception {
        Path pack = writePack(List.of(new MemberSource("module", src, d -> false)));
        ReadIndex ri = readHead(pack);
        PackMember m = ri.index().member("module");
        Path target = tmp.resolve("target");

        MemberExtractor.extract(new ByteArrayInputStream(memberBytes(pack, ri, m)), m, target, Limits.DEFAULT);

        assertThat(Files.getPosixFilePermissions(target.resolve("bin/run.sh")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(target.resolve("classes/com/example/A.class")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void indexRecordsMembersAndSurvivesTheRoundTrip() throws Exception {
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("x.txt"), "hello");

        Path pack = writePack(List.of(new MemberSource("module", src, d -> false),
                new MemberSource("extra", other, d -> false)));
        ReadIndex ri = readHead(pack);

        PackIndex index = ri.index();
        assertThat(index.module).isEqualTo("org.example:core");
        assertThat(index.key).isEqualTo("gha-maven-2:maven:org.example:core:abc");
        assertThat(index.steps).singleElement().satisfies(s -> {
            assertThat(s.key).isEqualTo("k1");
            assertThat(s.durationMs).isEqualTo(1234);
        });
        PackMember module = index.member("module");
        PackMember extra = index.member("extra");
        assertThat(module.offset).isZero();
        assertThat(module.files).isEqualTo(4);
        assertThat(module.size).isEqualTo(big.length + "class A".length() + "class B".length()
                + "#!/bin/sh\necho hi\n".length());
        assertThat(extra.offset).isEqualTo(module.length);
        assertThat(extra.files).isEqualTo(1);
        assertThat(extra.size).isEqualTo(5);
        assertThat(Files.size(pack)).isEqualTo(ri.dataOffset() + module.length + extra.length);

        Path target = tmp.resolve("target");
        MemberExtractor.verify(new ByteArrayInputStream(memberBytes(pack, ri, extra)), extra);
        MemberExtractor.extract(new ByteArrayInputStream(memberBytes(pack, ri, extra)), extra, target, Limits.DEFAULT);
        assertThat(target.resolve("x.txt")).hasContent("hello");
    }

    @Test
    void equalTreesInDifferentFoldersGiveEqualMembers() throws Exception {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        Files.writeString(copy.resolve("b.txt"), "b");
        Files.writeString(copy.resolve("a.txt"), "a");
        Path first = tmp.resolve("first");
        Files.createDirectories(first);
        Files.writeString(first.resolve("a.txt"), "a");
        Files.writeString(first.resolve("b.txt"), "b");

        PackMember m1 = readHead(writePack(List.of(new MemberSource("module", first, d -> false))))
                .index().member("module");
        PackMember m2 = readHead(writePack(List.of(new MemberSource("module", copy, d -> false))))
                .index().member("module");

        assertThat(m1.sha256).isEqualTo(m2.sha256);
        assertThat(m1.length).isEqualTo(m2.length);
    }

    @Test
    void skippedFoldersAreLeftOutOfTheMember() throws Exception {
        Path pack = writePack(List.of(new MemberSource("module", src, d -> d.getFileName().toString().equals("bin"))));
        ReadIndex ri = readHead(pack);
        PackMember m = ri.index().member("module");
        Path target = tmp.resolve("target");

        MemberExtractor.extract(new ByteArrayInputStream(memberBytes(pack, ri, m)), m, target, Limits.DEFAULT);

        assertThat(m.files).isEqualTo(3);
        assertThat(target.resolve("bin")).doesNotExist();
        assertThat(target.resolve("big.bin")).exists();
    }

    @Test
    void extractReplacesExistingFilesAndLeavesNoStagingFolder() throws Exception {
        Path pack = writePack(List.of(new MemberSource("module", src, d -> false)));
        ReadIndex ri = readHead(pack);
        PackMember m = ri.index().member("module");
        Path target = tmp.resolve("target");
        Files.createDirectories(target.resolve("classes/com/example"));
        Files.writeString(target.resolve("classes/com/example/A.class"), "stale");

        MemberExtractor.extract(new ByteArrayInputStream(memberBytes(pack, ri, m)), m, target, Limits.DEFAULT);

        assertThat(target.resolve("classes/com/example/A.class")).hasContent("class A");
        try (var s = Files.list(target)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".gha-cache-restore-"));
        }
    }

    @Test
    void verifyRejectsAFlippedByte() throws Exception {
        Path pack = writePack(List.of(new MemberSource("module", src, d -> false)));
        ReadIndex ri = readHead(pack);
        PackMember m = ri.index().member("module");
        byte[] bytes = memberBytes(pack, ri, m);
        bytes[bytes.length / 2] ^= 0x01;

        assertThatThrownBy(() -> MemberExtractor.verify(new ByteArrayInputStream(bytes), m))
                .isInstanceOf(CorruptPackException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void verifyRejectsATruncatedRange() throws Exception {
        Path pack = writePack(List.of(new MemberSource("module", src, d -> false)));
        ReadIndex ri = readHead(pack);
        PackMember m = ri.index().member("module");
        byte[] bytes = memberBytes(pack, ri, m);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);

        assertThatThrownBy(() -> MemberExtractor.verify(new ByteArrayInputStream(truncated), m))
                .isInstanceOf(CorruptPackException.class)
                .hasMessageContaining("bytes");
    }

    @Test
    void verifyRejectsARangeLongerThanTheMember() throws Exception {
        Path pack = writePack(List.of(new MemberSource("module", src, d -> false)));
        ReadIndex ri = readHead(pack);
        PackMember m = ri.index().member("module");
        byte[] longer = Arrays.copyOf(memberBytes(pack, ri, m), Math.toIntExact(m.length + 10));

        assertThatThrownBy(() -> MemberExtractor.verify(new ByteArrayInputStream(longer), m))
                .isInstanceOf(CorruptPackException.class);
    }

    @Test
    void writerLeavesOnlyThePackInItsWorkFolder() throws Exception {
        Path pack = writePack(List.of(new MemberSource("module", src, d -> false)));

        try (var s = Files.list(tmp.resolve("work"))) {
            assertThat(s).containsExactly(pack);
        }
    }

    private static final String SCRIPT = "#!/bin/sh\necho hi\n";

    @Test
    void selectedFilesPackOnlyTheChosenPathsAndSkipMissingOnes() throws Exception {
        Path pack = writeAnyPack(List.of(new SelectedFiles("step-1", src, List.of("classes/com/example/A.class",
                "generated-sources/empty", "bin/run.sh", "no/longer/there.txt", "gone.class"))));
        ReadIndex ri = readHead(pack);
        PackMember m = ri.index().member("step-1");

        assertThat(ri.index().members).singleElement().extracting(x -> x.name).isEqualTo("step-1");
        assertThat(m.files).isEqualTo(2);
        assertThat(m.size).isEqualTo("class A".length() + SCRIPT.length());
        assertThat(m.offset).isZero();
        assertThat(Files.size(pack)).isEqualTo(ri.dataOffset() + m.length);

        byte[] bytes = memberBytes(pack, ri, m);
        MemberExtractor.verify(new ByteArrayInputStream(bytes), m);
        Path target = tmp.resolve("target");
        int files = MemberExtractor.extract(new ByteArrayInputStream(bytes), m, target, Limits.DEFAULT);

        assertThat(files).isEqualTo(2);
        Map<String, String> restored = TreeSnapshot.of(target);
        Map<String, String> original = TreeSnapshot.of(src);
        assertThat(restored).containsOnlyKeys("classes", "classes/com", "classes/com/example",
                "classes/com/example/A.class", "generated-sources", "generated-sources/empty", "bin",
                "bin/run.sh");
        assertThat(restored.get("classes/com/example/A.class")).isEqualTo(original.get("classes/com/example/A.class"));
        assertThat(restored.get("bin/run.sh")).isEqualTo(original.get("bin/run.sh"));
        assertThat(target.resolve("generated-sources/empty")).isEmptyDirectory();
        assertThat(Files.getPosixFilePermissions(target.resolve("bin/run.sh")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void selectedFolderBecomesAnEntryWithoutItsContent() throws Exception {
        Path pack = writeAnyPack(List.of(new SelectedFiles("step-1", src, List.of("classes/com/example/deep"))));
        ReadIndex ri = readHead(pack);
        PackMember m = ri.index().member("step-1");
        Path target = tmp.resolve("target");

        int files = MemberExtractor.extract(new ByteArrayInputStream(memberBytes(pack, ri, m)), m, target,
                Limits.DEFAULT);

        assertThat(files).isZero();
        assertThat(m.files).isZero();
        assertThat(m.size).isZero();
        assertThat(target.resolve("classes/com/example/deep")).isEmptyDirectory();
        assertThat(TreeSnapshot.of(target)).containsOnlyKeys("classes", "classes/com", "classes/com/example",
                "classes/com/example/deep");
    }

    @Test
    void selectedFilesInAnyOrderOrRepeatedGiveEqualMembers() throws Exception {
        PackMember m1 = readHead(writeAnyPack(List.of(new SelectedFiles("s", src,
                List.of("big.bin", "bin", "bin/run.sh", "classes/com/example/A.class"))))).index().member("s");
        PackMember m2 = readHead(writeAnyPack(List.of(new SelectedFiles("s", src,
                List.of("classes/com/example/A.class", "bin/run.sh", "big.bin", "bin", "big.bin")))))
                .index().member("s");

        assertThat(m2.files).isEqualTo(3);
        assertThat(m2.sha256).isEqualTo(m1.sha256);
        assertThat(m2.length).isEqualTo(m1.length);
    }

    @Test
    void copiedMemberRestoresTheSameFilesUnderItsNewName() throws Exception {
        Path other = tmp.resolve("other");
        Files.createDirectories(other.resolve("sub"));
        Files.writeString(other.resolve("x.txt"), "hello");
        Files.writeString(other.resolve("sub/y.txt"), "world");
        Path first = writeAnyPack(List.of(new MemberSource("module", src, d -> false),
                new MemberSource("step-2", other, d -> false)));
        ReadIndex firstHead = readHead(first);
        PackMember original = firstHead.index().member("step-2");
        assertThat(original.offset).isPositive();
        Path bytesFile = tmp.resolve("step-2.bytes");
        Files.write(bytesFile, memberBytes(first, firstHead, original));

        Path second = writeAnyPack(List.of(
                new SelectedFiles("step-1", src, List.of("classes/com/example/A.class")),
                new CopiedMember("reused", original, bytesFile)));
        ReadIndex ri = readHead(second);
        PackMember step1 = ri.index().member("step-1");
        PackMember copied = ri.index().member("reused");

        assertThat(ri.index().member("step-2")).isNull();
        assertThat(copied.offset).isEqualTo(step1.length);
        assertThat(copied.length).isEqualTo(original.length);
        assertThat(copied.sha256).isEqualTo(original.sha256);
        assertThat(copied.files).isEqualTo(2);
        assertThat(copied.size).isEqualTo(10);
        assertThat(Files.size(second)).isEqualTo(ri.dataOffset() + step1.length + copied.length);
        assertThat(original.name).isEqualTo("step-2");

        byte[] bytes = memberBytes(second, ri, copied);
        MemberExtractor.verify(new ByteArrayInputStream(bytes), copied);
        Path target = tmp.resolve("target");
        MemberExtractor.extract(new ByteArrayInputStream(bytes), copied, target, Limits.DEFAULT);
        assertThat(TreeSnapshot.of(target)).isEqualTo(TreeSnapshot.of(other));
    }

    @Test
    void copiedMemberWhoseBytesDifferInLengthFromItsMetaIsRefused() throws Exception {
        Path first = writeAnyPack(List.of(new MemberSource("module", src, d -> false)));
        ReadIndex head = readHead(first);
        PackMember original = head.index().member("module");
        Path bytesFile = tmp.resolve("module.bytes");
        byte[] bytes = memberBytes(first, head, original);
        Files.write(bytesFile, Arrays.copyOf(bytes, bytes.length - 1));
        Path work = tmp.resolve("work2");

        assertThatThrownBy(() -> PackWriter.write(work, newIndex(), List.of(
                new SelectedFiles("step-1", src, List.of("big.bin")),
                new CopiedMember("reused", original, bytesFile))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("reused");
        try (var s = Files.list(work)) {
            assertThat(s).isEmpty();
        }
    }
}
