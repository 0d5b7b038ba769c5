package io.github.ghacache.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathsTest {
    private static final Path ROOT = Path.of("/tmp/restore-root");

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/abs", "/etc/passwd", "../x", "a/../../x", "a/..", "a/./b", "./a", "a//b", "C:/x",
            "c:x", "a\\b", "..\\x", "a/\u0000b", "."})
    void refusesUnsafeNames(String name) {
        assertThatThrownBy(() -> SafePaths.resolve(ROOT, name)).isInstanceOf(CorruptPackException.class);
    }

    @Test
    void refusesNullAndOverlongNames() {
        assertThatThrownBy(() -> SafePaths.resolve(ROOT, null)).isInstanceOf(CorruptPackException.class);
        assertThatThrownBy(() -> SafePaths.resolve(ROOT, "a/".repeat(2049))).isInstanceOf(CorruptPackException.class);
    }

    @Test
    void acceptsPlainRelativeFile() throws CorruptPackException {
        assertThat(SafePaths.resolve(ROOT, "a/b/c.txt")).isEqualTo(ROOT.resolve("a").resolve("b").resolve("c.txt"));
    }

    @Test
    void acceptsFolderEntryWithTrailingSlash() throws CorruptPackException {
        assertThat(SafePaths.resolve(ROOT, "dir/")).isEqualTo(ROOT.resolve("dir"));
    }

    @Test
    void acceptsNamesThatMerelyContainDots() throws CorruptPackException {
        assertThat(SafePaths.resolve(ROOT, "..a/b..c/.hidden")).isEqualTo(ROOT.resolve("..a/b..c/.hidden"));
    }
}
