package io.github.ghacache.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathNormalizerTest {

    private static PathNormalizer normalizer() {
        Map<String, Path> folders = new LinkedHashMap<>();
        // shorter folder first: the longest must still win
        folders.put("root", Path.of("/srv/proj"));
        folders.put("module", Path.of("/srv/proj/core"));
        folders.put("home", Path.of("/home/u"));
        folders.put("unset", null);
        return PathNormalizer.of(folders);
    }

    @Test
    void longestContainingFolderWins() {
        PathNormalizer n = normalizer();

        assertThat(n.normalize("/srv/proj/core/src/main/java")).isEqualTo("${module}/src/main/java");
        assertThat(n.normalize("/srv/proj/api/src")).isEqualTo("${root}/api/src");
    }

    @Test
    void replacesEveryOccurrenceInsideLongerText() {
        String cp = "-cp /srv/proj/core/target/classes:/home/u/.m2/repository/x.jar";

        assertThat(normalizer().normalize(cp)).isEqualTo("-cp ${module}/target/classes:${home}/.m2/repository/x.jar");
    }

    @Test
    void replacesOnlyAtPathBoundaries() {
        PathNormalizer n = normalizer();

        assertThat(n.normalize("/home/u2/file")).isEqualTo("/home/u2/file");
        assertThat(n.normalize("/srv/proj/core-api/src")).isEqualTo("${root}/core-api/src");
        assertThat(n.normalize("/home/u")).isEqualTo("${home}");
        assertThat(n.normalize("x=/home/u;y")).isEqualTo("x=${home};y");
    }

    @Test
    void trailingSeparatorOfAFolderIsIgnored() {
        PathNormalizer n = PathNormalizer.of(Map.of("repo", Path.of("/r/repo/")));

        assertThat(n.normalize("/r/repo/a.jar")).isEqualTo("${repo}/a.jar");
    }

    @Test
    void normalizingAPathUsesItsAbsoluteNormalForm() {
        assertThat(normalizer().normalize(Path.of("/srv/proj/core/../api/pom.xml"))).isEqualTo("${root}/api/pom.xml");
    }

    @Test
    void expandIsTheInverseOfNormalize() {
        PathNormalizer n = normalizer();
        String original = "/srv/proj/core/target/classes:/srv/proj/api:/home/u/.m2 /home/u2";

        String normalized = n.normalize(original);

        assertThat(normalized).doesNotContain("/srv/proj");
        assertThat(n.expand(normalized)).isEqualTo(original);
    }

    @Test
    void noneLeavesTextAlone() {
        PathNormalizer n = PathNormalizer.none();

        assertThat(n.normalize("/srv/proj/core")).isEqualTo("/srv/proj/core");
        assertThat(n.expand("${module}/x")).isEqualTo("${module}/x");
        assertThat(n.normalize((String) null)).isNull();
    }

    @Test
    void backslashesAreNotRewritten() {
        PathNormalizer n = normalizer();

        assertThat(n.normalize("/srv/proj/core\\src\\A.java")).isEqualTo("${module}\\src\\A.java");
        assertThat(n.normalize("C:\\work\\proj")).isEqualTo("C:\\work\\proj");
    }

    @Test
    void placeholdersListsFoldersLongestFirst() {
        assertThat(normalizer().placeholders())
                .containsExactly(
                        Map.entry("${module}", "/srv/proj/core"),
                        Map.entry("${root}", "/srv/proj"),
                        Map.entry("${home}", "/home/u"));
    }

    @Test
    void filesystemRootIsNeverAPlaceholder() {
        PathNormalizer n = PathNormalizer.of(Map.of("slash", Path.of("/")));

        assertThat(n.normalize("/etc/hosts")).isEqualTo("/etc/hosts");
    }
}
