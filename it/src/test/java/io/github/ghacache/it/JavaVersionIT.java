package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same project built on two JDKs (this one and another feature version found beside it, or named by
 * IT_OTHER_JDK): nothing built by one is restored for the other, and each hits its own packs.
 */
class JavaVersionIT {
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"min", "max"})
    void packsOfOneJavaVersionAreNeverRestoredOnAnother(String mode) throws Exception {
        Path other = otherJdk().orElse(null);
        if (other == null) {
            String why = "no JDK of another feature version beside this one; set IT_OTHER_JDK to one";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        MavenBuild build = MavenBuild.of("java-version-" + mode, MavenBuild.PROJECTS.resolve("mutations"));
        String modeArg = "-Dgha.cache.mode=" + mode;
        build.run("verify", modeArg).assertSuccess();
        build.deleteTargets();

        MavenBuild.Result onOther = build.withJavaHome(other).run("verify", modeArg).assertSuccess();

        assertThat(onOther.outcomes()).containsEntry("lib", "miss").containsEntry("app", "miss")
                .containsEntry("extra", "miss");
        assertThat(onOther.module("lib").get("missReasons").toString()).contains("Java " + feature(javaHome()) + " ")
                .contains("-> " + feature(other) + " ");
        build.deleteTargets();
        assertThat(build.run("verify", modeArg).assertSuccess().outcomes()).containsEntry("lib", "hit")
                .containsEntry("app", "hit");
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static Optional<Path> otherJdk() throws IOException {
        String named = System.getenv("IT_OTHER_JDK");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named));
        }
        int mine = feature(javaHome());
        Path parent = javaHome().toRealPath().getParent();
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(p -> Files.isExecutable(p.resolve("bin/java")))
                    .filter(p -> feature(p) > 0 && feature(p) != mine).sorted().findFirst();
        }
    }

    /** The feature version a JDK's release file declares, 0 when unreadable. */
    private static int feature(Path jdk) {
        try {
            Matcher m = VERSION.matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
