package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdOutputStream;
import io.github.ghacache.pack.PackFormat;
import io.github.ghacache.pack.PackIndex;
import io.github.ghacache.pack.PackMember;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packs are untrusted input. A pack planted in the store under the module's real key, with valid digests but a
 * member that tries to write outside the build directory, is refused before anything is written: one warning,
 * the module is rebuilt, nothing appears outside target/.
 */
class HostilePackIT {
    /** What the warning must say for each kind of hostile pack. */
    private static final java.util.Map<String, String> REASONS = java.util.Map.of(
            "dot-dot", "'..' segment",
            "absolute", "not a plain relative path",
            "symlink", "is a link or device",
            "outside-the-file", "lies outside the pack",
            "another-module", "claims to hold org.example.it:other",
            "size-lies", "holds more than it declares");

    @ParameterizedTest
    @ValueSource(strings = {"dot-dot", "absolute", "symlink", "outside-the-file", "another-module", "size-lies"})
    void aPackThatTriesToEscapeIsRefusedAndTheModuleRebuilt(String kind) throws Exception {
        MavenBuild build = MavenBuild.of("hostile-" + kind, MavenBuild.PROJECTS.resolve("single-module"));
        build.run("verify").assertSuccess();
        Path pack = onlyPack(build.store);
        Path victim = build.dir.resolveSibling("victim-" + kind + ".txt");
        Files.write(pack, hostile(pack, kind, victim));

        build.deleteTargets();
        MavenBuild.Result r = build.run("verify").assertSuccess();

        assertThat(r.outcome("single")).isEqualTo("miss");
        assertThat(r.lines("[WARNING] [gha-cache]")).singleElement().asString()
                .contains("the pack", "rebuilt", REASONS.get(kind));
        assertThat(victim).doesNotExist();
        assertThat(build.dir.resolve("escape.txt")).doesNotExist();
        assertThat(build.dir.resolve("target/classes/org/example/single/Calculator.class")).exists();
    }

    /** The pack with its member replaced by a hostile tar; the index's digests are made to match. */
    private static byte[] hostile(Path pack, String kind, Path victim) throws Exception {
        PackIndex index;
        try (InputStream in = Files.newInputStream(pack)) {
            index = PackFormat.readHead(in).index();
        }
        ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
        byte[] payload = "owned".getBytes(StandardCharsets.UTF_8);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(tarBytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry ok = new TarArchiveEntry("classes/fine.txt");
            ok.setSize(payload.length);
            tar.putArchiveEntry(ok);
            tar.write(payload);
            tar.closeArchiveEntry();
            TarArchiveEntry bad;
            switch (kind) {
                case "outside-the-file":
                case "another-module":
                case "size-lies":
                    bad = new TarArchiveEntry("classes/also-fine.txt");
                    break;
                case "dot-dot":
                    bad = new TarArchiveEntry("../escape.txt", true);
                    break;
                case "absolute":
                    bad = new TarArchiveEntry(victim.toString(), true);
                    break;
                default:
                    bad = new TarArchiveEntry("classes/link", TarArchiveEntry.LF_SYMLINK);
                    bad.setLinkName(victim.toString());
            }
            if (!kind.equals("symlink")) {
                bad.setSize(payload.length);
            }
            tar.putArchiveEntry(bad);
            if (!kind.equals("symlink")) {
                tar.write(payload);
            }
            tar.closeArchiveEntry();
        }
        byte[] member = tarBytes.toByteArray();
        PackMember m = index.members.get(0);
        m.offset = 0;
        m.length = member.length;
        m.size = payload.length * 2L;
        m.files = 2;
        if (kind.equals("outside-the-file")) {
            m.offset = 1L << 40; // an index that points past the end of the pack
        } else if (kind.equals("another-module")) {
            index.module = "org.example.it:other";
        } else if (kind.equals("size-lies")) {
            m.size = 3; // the member holds more than it declares
        }
        m.sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(member));
        index.members = List.of(m);
        byte[] json = new ObjectMapper().writeValueAsBytes(index);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("GHACPACK".getBytes(StandardCharsets.US_ASCII));
        out.write(ByteBuffer.allocate(8).putInt(PackFormat.VERSION).putInt(json.length).array());
        out.write(MessageDigest.getInstance("SHA-256").digest(json));
        out.write(json);
        out.write(member);
        return out.toByteArray();
    }

    private static Path onlyPack(Path store) throws Exception {
        try (Stream<Path> s = Files.walk(store.resolve("packs"))) {
            return s.filter(p -> p.toString().endsWith(".pack")).findFirst().orElseThrow();
        }
    }
}
