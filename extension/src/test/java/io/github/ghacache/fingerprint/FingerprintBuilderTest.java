package io.github.ghacache.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintBuilderTest {

    private static Fingerprint sample() {
        return new FingerprintBuilder()
                .add("java.version", "17")
                .add("pom", "abc123")
                .add("nothing", null)
                .add("unicode", "ĝh\u00e4")
                .build();
    }

    @Test
    void sameInputsGiveSameDigest() {
        assertThat(sample().hex()).isEqualTo(sample().hex());
    }

    @Test
    void digestMatchesTheCommittedGoldenVector() {
        // independently recomputed: SHA-256 over (4-byte big-endian length + UTF-8 bytes) of each name, then value.
        // If this changes, every key ever saved changes: only change it together with CacheKeys.NAMESPACE.
        assertThat(sample().hex()).isEqualTo("f8cacaca16fbfced96452cb7d800ff268bd01ec3d599fad93e490fac95bfeb8c");
    }

    @Test
    void emptyBuilderIsTheDigestOfNothing() {
        assertThat(new FingerprintBuilder().build().hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void digestIsLowerCaseHexSha256() {
        assertThat(sample().hex()).matches("[0-9a-f]{64}");
        assertThat(sample().shortHex()).isEqualTo(sample().hex().substring(0, 8));
    }

    @Test
    void nameValueBoundaryCannotCollide() {
        String ab = new FingerprintBuilder().add("ab", "c").build().hex();
        String bc = new FingerprintBuilder().add("a", "bc").build().hex();

        assertThat(ab).isNotEqualTo(bc);
    }

    @Test
    void itemBoundaryCannotCollide() {
        String one = new FingerprintBuilder().add("a", "b").add("c", "d").build().hex();
        String other = new FingerprintBuilder().add("a", "b\u0000\u0000\u0000\u0001c").add("", "d").build().hex();

        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void orderMatters() {
        String ab = new FingerprintBuilder().add("a", "1").add("b", "2").build().hex();
        String ba = new FingerprintBuilder().add("b", "2").add("a", "1").build().hex();

        assertThat(ab).isNotEqualTo(ba);
    }

    @Test
    void valueChangeChangesDigest() {
        String v1 = new FingerprintBuilder().add("salt", "").build().hex();
        String v2 = new FingerprintBuilder().add("salt", "x").build().hex();

        assertThat(v1).isNotEqualTo(v2);
    }

    @Test
    void itemsAreKeptInFeedOrderWithNullShownAsPlaceholder() {
        assertThat(sample().items()).containsExactly(
                new InputItem("java.version", "17"),
                new InputItem("pom", "abc123"),
                new InputItem("nothing", "<null>"),
                new InputItem("unicode", "ĝh\u00e4"));
    }

    @Test
    void addAllPrefixesNamesAndEqualsAddingEachItem() {
        Fingerprint inner = new FingerprintBuilder().add("x", "1").add("y", "2").build();

        Fingerprint viaAddAll = new FingerprintBuilder().add("k", "v").addAll("dep.", inner).build();
        Fingerprint byHand = new FingerprintBuilder().add("k", "v").add("dep.x", "1").add("dep.y", "2").build();

        assertThat(viaAddAll.hex()).isEqualTo(byHand.hex());
        assertThat(viaAddAll.items()).extracting(InputItem::name).containsExactly("k", "dep.x", "dep.y");
    }
}
