package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled example (core <- service <- app, and util on its own): an unchanged rebuild restores all,
 * a leaf edit reruns only the leaf, an upstream edit reruns it and its dependents.
 */
class MultiModuleIT {

    @Test
    void onlyChangedModulesAndTheirDependentsRebuild() throws Exception {
        MavenBuild build = MavenBuild.of("multi-module", MavenBuild.EXAMPLES.resolve("multi-module"));

        MavenBuild.Result cold = build.run("verify").assertSuccess();
        assertThat(cold.outcomes()).containsExactly(entry("example-parent", "miss"), entry("core", "miss"),
                entry("service", "miss"), entry("app", "miss"), entry("util", "miss"));

        build.deleteTargets();
        MavenBuild.Result warm = build.run("verify").assertSuccess();
        assertThat(warm.outcomes()).containsExactly(entry("example-parent", "hit"), entry("core", "hit"),
                entry("service", "hit"), entry("app", "hit"), entry("util", "hit"));
        assertThat(warm.log()).doesNotContain("--- compiler:", "--- surefire:");
        // one line per module, outcome and module name in the same columns whatever the name's length
        List<String> hitLines = warm.lines("[gha-cache] HIT ");
        assertThat(hitLines).hasSize(5);
        assertThat(hitLines).allMatch(l -> l.indexOf(" :") == hitLines.get(0).indexOf(" :"))
                .allMatch(l -> l.indexOf("restored ") == hitLines.get(0).indexOf("restored "));
        assertThat(warm.lines("[gha-cache] hits=5 partial=0 misses=0 saved=0 | steps restored=29 run=0")).hasSize(1);
        assertThat(build.dir.resolve("core/target/classes/core.properties"))
                .content().contains("greeting=Hello from the example");
        assertThat(build.dir.resolve("core/target/core-1.0.0-SNAPSHOT-sources.jar")).exists();

        edit(build.dir.resolve("app/src/main/java/org/example/app/Main.java"), "example app", "example app v2");
        edit(build.dir.resolve("app/src/test/java/org/example/app/MainTest.java"), "example app", "example app v2");
        MavenBuild.Result leaf = build.run("verify").assertSuccess();
        assertThat(leaf.outcomes()).containsExactly(entry("example-parent", "hit"), entry("core", "hit"),
                entry("service", "hit"), entry("app", "miss"), entry("util", "hit"));
        assertThat(leaf.lines("[gha-cache] MISS")).singleElement().asString().contains(":app",
                "src/main/java/org/example/app/Main.java changed; src/test/java/org/example/app/MainTest.java changed");

        edit(build.dir.resolve("core/src/main/java/org/example/core/Greeter.java"), "\", \" + name", "\", \" + name.trim()");
        MavenBuild.Result upstream = build.run("verify").assertSuccess();
        assertThat(upstream.outcomes()).containsExactly(entry("example-parent", "hit"), entry("core", "miss"),
                entry("service", "miss"), entry("app", "miss"), entry("util", "hit"));
        // a dependent misses because what its dependency provides changed, and says so
        assertThat(upstream.module("service").get("missReasons").toString())
                .contains("dependency org.example.ghacache:core 1.0.0-SNAPSHOT content changed");

        // a checkout in another folder hits everything: keys hold no absolute paths
        MavenBuild elsewhere = build.relocatedCopy("elsewhere");
        MavenBuild.Result moved = elsewhere.run("verify").assertSuccess();
        assertThat(moved.outcomes()).containsOnly(entry("example-parent", "hit"), entry("core", "hit"),
                entry("service", "hit"), entry("app", "hit"), entry("util", "hit"));

        // a parallel build finds what the serial one saved
        elsewhere.deleteTargets();
        MavenBuild.Result parallel = elsewhere.run("install", "-T", "2").assertSuccess();
        assertThat(parallel.outcomes()).containsOnly(entry("example-parent", "hit"), entry("core", "hit"),
                entry("service", "hit"), entry("app", "hit"), entry("util", "hit"));
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
