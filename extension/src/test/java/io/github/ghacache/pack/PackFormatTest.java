package io.github.ghacache.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghacache.pack.PackFormat.ReadIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PackFormatTest {

    private static PackIndex index() {
        PackIndex index = new PackIndex();
        index.formatVersion = PackFormat.VERSION;
        index.module = "org.example:core";
        index.key = "k";
        PackMember m = new PackMember();
        m.name = "module";
        m.length = 3;
        m.sha256 = "00";
        index.members.add(m);
        return index;
    }

    private static byte[] header(String magic, int version, int length) {
        return ByteBuffer.allocate(PackFormat.HEADER_LENGTH)
                .put(magic.getBytes(StandardCharsets.US_ASCII))
                .putInt(version)
                .putInt(length)
                .array();
    }

    private static byte[] concat(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        return out.toByteArray();
    }

    private static ReadIndex read(byte[] bytes) throws IOException, CorruptPackException {
        return PackFormat.readHead(new ByteArrayInputStream(bytes));
    }

    @Test
    void headReadsBackAndLeavesTheStreamAtTheDataArea() throws Exception {
        byte[] head = PackFormat.head(index());
        ByteArrayInputStream in = new ByteArrayInputStream(concat(head, new byte[] {7, 8, 9}));

        ReadIndex ri = PackFormat.readHead(in);

        assertThat(ri.dataOffset()).isEqualTo(head.length);
        assertThat(ri.index().module).isEqualTo("org.example:core");
        assertThat(ri.index().member("module").length).isEqualTo(3);
        assertThat(ri.index().member("absent")).isNull();
        assertThat(in.readAllBytes()).containsExactly(7, 8, 9);
    }

    @Test
    void aPaddedHeadReadsBackTheSameIndexAndEndsWhereItWasAskedTo() throws Exception {
        int unpadded = PackFormat.head(index()).length;
        byte[] head = PackFormat.head(index(), unpadded + 100);
        ByteArrayInputStream in = new ByteArrayInputStream(concat(head, new byte[] {7, 8, 9}));

        ReadIndex ri = PackFormat.readHead(in);

        assertThat(head).hasSize(unpadded + 100);
        assertThat(ri.dataOffset()).isEqualTo(unpadded + 100);
        assertThat(ri.index().member("module").length).isEqualTo(3);
        assertThat(in.readAllBytes()).containsExactly(7, 8, 9);
    }

    @Test
    void aHeadCannotBePaddedToLessThanItsIndex() throws Exception {
        int unpadded = PackFormat.head(index()).length;

        assertThatThrownBy(() -> PackFormat.head(index(), unpadded - 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outgrew");
        assertThat(PackFormat.head(index(), unpadded)).hasSize(unpadded);
    }

    @Test
    void refusesBadMagic() throws Exception {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(header("NOTAPACK", PackFormat.VERSION, json.length), json);

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(CorruptPackException.class).hasMessageContaining("magic");
    }

    @Test
    void refusesWrongVersion() throws Exception {
        byte[] good = PackFormat.head(index());
        byte[] bytes = good.clone();
        ByteBuffer.wrap(bytes).putInt(8, PackFormat.VERSION + 1);

        assertThat(read(good).index()).isNotNull();
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(CorruptPackException.class)
                .hasMessageContaining(String.valueOf(PackFormat.VERSION + 1));
    }

    @Test
    void refusesOversizeIndexLengthWithoutReadingIt() {
        byte[] bytes = header("GHACPACK", PackFormat.VERSION, PackFormat.MAX_INDEX_LENGTH + 1);

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(CorruptPackException.class)
                .hasMessageContaining("out of bounds");
    }

    @Test
    void refusesZeroAndNegativeIndexLength() {
        assertThatThrownBy(() -> read(header("GHACPACK", PackFormat.VERSION, 0)))
                .isInstanceOf(CorruptPackException.class);
        assertThatThrownBy(() -> read(header("GHACPACK", PackFormat.VERSION, -5)))
                .isInstanceOf(CorruptPackException.class);
    }

    @Test
    void refusesTruncatedIndex() throws Exception {
        byte[] good = PackFormat.head(index());
        byte[] truncated = Arrays.copyOf(good, good.length - 1);

        assertThatThrownBy(() -> read(truncated)).isInstanceOf(CorruptPackException.class)
                .hasMessageContaining("index");
    }

    @Test
    void refusesTruncatedHeader() {
        assertThatThrownBy(() -> read("GHACPACK".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(CorruptPackException.class);
    }

    @Test
    void refusesUnparsableIndex() throws Exception {
        byte[] json = "{not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(concat(header("GHACPACK", PackFormat.VERSION, json.length), json)))
                .isInstanceOf(CorruptPackException.class);
    }

    @Test
    void refusesIndexWithoutRequiredFields() throws Exception {
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] nullMembers = ("{\"formatVersion\":" + PackFormat.VERSION + ",\"members\":null}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(concat(header("GHACPACK", PackFormat.VERSION, empty.length), empty)))
                .isInstanceOf(CorruptPackException.class);
        assertThatThrownBy(() -> read(concat(header("GHACPACK", PackFormat.VERSION, nullMembers.length), nullMembers)))
                .isInstanceOf(CorruptPackException.class);
    }

    @Test
    void anIndexChangedAfterWritingIsRefusedEvenWhenItIsStillValidJson() throws Exception {
        byte[] head = PackFormat.head(index());
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("org.example:core");
        head[at] = (byte) 'O'; // "Org.example:core": still JSON, another module

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(head))
                .isInstanceOf(CorruptPackException.class).hasMessageContaining("SHA-256");
    }
}
