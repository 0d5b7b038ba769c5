package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No false hits (mode=min): from a fully cached three-module sample (lib with a filtered resource and a test-jar,
 * app using lib, extra testing against lib's test-jar), one change per case, then exactly the expected modules
 * rerun, and every jar equals that of a build of the same change without the extension.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationIT {
    private static final Path PROJECT = MavenBuild.PROJECTS.resolve("mutations");
    private static final List<String> MODES = List.of("min", "max");
    /** The cases also run on Maven 4: relocation, a source change, a -D property, a parallel build. */
    private static final List<String> ON_MAVEN_4 = List.of("no change", "lib main source edited",
            "filtered property changed by -D", "parallel build (-T 2)");
    private final Map<String, Path> seedStores = new LinkedHashMap<>();
    /** Jars of the plain build of each case: the same whatever the mode, so built once. */
    private final Map<String, Map<String, Map<String, String>>> plainJars = new LinkedHashMap<>();

    @FunctionalInterface
    interface Mutation {
        void apply(Path dir) throws Exception;
    }

    record Case(String name, Mutation mutation, List<String> args, String lib, String app, String extra) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void seed() throws Exception {
        for (String maven : List.of("3", "4")) {
            for (String mode : MODES) {
                MavenBuild seed = MavenBuild.of("mutation-seed-" + mode + "-maven" + maven, PROJECT)
                        .withMaven(maven.equals("4") ? MavenBuild.MAVEN4_HOME : MavenBuild.MAVEN_HOME);
                MavenBuild.Result r = seed.run("verify", "-Dgha.cache.mode=" + mode).assertSuccess();
                assertThat(r.outcomes()).containsEntry("lib", "miss").containsEntry("app", "miss")
                        .containsEntry("extra", "miss");
                seedStores.put(mode + maven, seed.store);
            }
        }
    }

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("no change", d -> { }, List.of(), "hit", "hit", "hit"));
        c.add(new Case("lib main source edited", d -> SampleEdits.edit(d, "lib/src/main/java/org/example/lib/Lib.java",
                "return 2 * x;", "return x * 2;"), List.of(), "miss", "miss", "miss"));
        c.add(new Case("app main source edited", d -> SampleEdits.edit(d, "app/src/main/java/org/example/app/App.java",
                "Lib.twice(21)", "Lib.twice(7 * 3)"), List.of(), "hit", "miss", "hit"));
        c.add(new Case("app main source added", d -> Files.writeString(
                d.resolve("app/src/main/java/org/example/app/More.java"),
                "package org.example.app;\npublic final class More {}\n"), List.of(), "hit", "miss", "hit"));
        c.add(new Case("app main source deleted", d -> Files.delete(
                d.resolve("app/src/main/java/org/example/app/Spare.java")), List.of(), "hit", "miss", "hit"));
        c.add(new Case("app main source renamed", d -> SampleEdits.rename(d,
                "app/src/main/java/org/example/app/Spare.java", "Spare", "Reserve"), List.of(), "hit", "miss", "hit"));
        c.add(new Case("app test source added", d -> Files.writeString(
                d.resolve("app/src/test/java/org/example/app/MoreTest.java"),
                "package org.example.app;\nclass MoreTest {\n    @org.junit.jupiter.api.Test\n    void runs() {}\n}\n"),
                List.of(), "hit", "miss", "hit"));
        c.add(new Case("app test source deleted", d -> Files.delete(
                d.resolve("app/src/test/java/org/example/app/AppExtraTest.java")), List.of(), "hit", "miss", "hit"));
        c.add(new Case("app test source renamed", d -> SampleEdits.rename(d,
                "app/src/test/java/org/example/app/AppExtraTest.java", "AppExtraTest", "AppOtherTest"),
                List.of(), "hit", "miss", "hit"));
        // lib's test classes change its test-jar, which only extra uses
        c.add(new Case("lib test source edited", d -> SampleEdits.edit(d, "lib/src/test/java/org/example/lib/LibSupport.java",
                "return x + x;", "return 2 * x;"), List.of(), "miss", "hit", "miss"));
        c.add(new Case("lib resource edited", d -> Files.writeString(d.resolve("lib/src/main/resources/notes.txt"),
                "Other notes.\n"), List.of(), "miss", "miss", "miss"));
        c.add(new Case("lib resource added", d -> Files.writeString(d.resolve("lib/src/main/resources/more.txt"),
                "More.\n"), List.of(), "miss", "miss", "miss"));
        c.add(new Case("lib resource deleted", d -> Files.delete(d.resolve("lib/src/main/resources/notes.txt")),
                List.of(), "miss", "miss", "miss"));
        c.add(new Case("lib resource renamed", d -> {
            Files.move(d.resolve("lib/src/main/resources/lib.properties"),
                    d.resolve("lib/src/main/resources/lib2.properties"));
            Files.writeString(d.resolve("lib/src/main/resources/lib.properties"), "greeting=${greeting}\n");
        }, List.of(), "miss", "miss", "miss"));
        c.add(new Case("filtered property changed in the POM", d -> SampleEdits.edit(d, "pom.xml",
                "<greeting>Hello</greeting>", "<greeting>Howdy</greeting>"), List.of(), "miss", "miss", "miss"));
        c.add(new Case("filtered property changed by -D", d -> { }, List.of("-Dgreeting=Hi"), "miss", "miss", "miss"));
        c.add(new Case("profile activated by a property", d -> { }, List.of("-Dloud"), "miss", "miss", "miss"));
        c.add(new Case("dependency version bumped in app", d -> SampleEdits.edit(d, "app/pom.xml",
                "<version>3.17.0</version>", "<version>3.18.0</version>"), List.of(), "hit", "miss", "hit"));
        c.add(new Case("dependency scope changed in app", d -> SampleEdits.edit(d, "app/pom.xml",
                "<version>3.17.0</version>", "<version>3.17.0</version><scope>runtime</scope>"), List.of(),
                "hit", "miss", "hit"));
        c.add(new Case("new dependency in extra", d -> SampleEdits.edit(d, "extra/pom.xml", "<dependencies>",
                "<dependencies><dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId>"
                        + "<version>3.17.0</version></dependency>"), List.of(), "hit", "hit", "miss"));
        c.add(new Case("plugin configuration changed in app", d -> SampleEdits.edit(d, "app/pom.xml",
                "<trimStackTrace>true</trimStackTrace>", "<trimStackTrace>false</trimStackTrace>"), List.of(),
                "hit", "miss", "hit"));
        c.add(new Case("plugin version bumped", d -> SampleEdits.edit(d, "pom.xml",
                "<artifactId>maven-jar-plugin</artifactId><version>3.4.1</version>",
                "<artifactId>maven-jar-plugin</artifactId><version>3.4.2</version>"), List.of(), "miss", "miss", "miss"));
        c.add(new Case("compiler release by -D", d -> { }, List.of("-Dmaven.compiler.release=11"), "miss", "miss",
                "miss"));
        c.add(new Case("-DskipTests", d -> { }, List.of("-DskipTests"), "miss", "miss", "miss"));
        c.add(new Case(".mvn/maven.config feeds a property", d -> Files.writeString(d.resolve(".mvn/maven.config"),
                "-Dgreeting=Config\n"), List.of(), "miss", "miss", "miss"));
        // .mvn/jvm.config sets a system property of Maven's JVM, which resource filtering sees
        c.add(new Case(".mvn/jvm.config feeds a property", d -> Files.writeString(d.resolve(".mvn/jvm.config"),
                "-Dgreeting=Jvm\n"), List.of(), "miss", "miss", "miss"));
        // keys take files byte for byte: a checkout with other line endings is another input (see README)
        c.add(new Case("line endings of a source changed to CRLF", d -> {
            Path p = d.resolve("app/src/main/java/org/example/app/App.java");
            Files.writeString(p, Files.readString(p).replace("\n", "\r\n"));
        }, List.of(), "hit", "miss", "hit"));
        c.add(new Case("salt changed", d -> { }, List.of("-Dgha.cache.salt=v2"), "miss", "miss", "miss"));
        c.add(new Case("parallel build (-T 2)", d -> { }, List.of("-T", "2"), "hit", "hit", "hit"));
        return Stream.concat(
                c.stream().flatMap(x -> MODES.stream().map(mode -> Arguments.of(x, mode, "3"))),
                c.stream().filter(x -> ON_MAVEN_4.contains(x.name()))
                        .flatMap(x -> MODES.stream().map(mode -> Arguments.of(x, mode, "4"))));
    }

    /**
     * In mode=max, for some cases: per module, the goals that must run; every other step of that module must be
     * restored (modules not listed follow the module outcome).
     */
    private static final Map<String, Map<String, Set<String>>> MAX_RAN = Map.of(
            // 7 * 3 is folded to 21: the class files come out identical, so testCompile and jar are restored
            "app main source edited", Map.of("app", Set.of("compile", "test")),
            "app test source deleted", Map.of("app", Set.of("testCompile", "test")),
            "lib test source edited", Map.of("lib", Set.of("testCompile", "test", "test-jar")),
            "lib resource edited", Map.of("lib", Set.of("resources", "test", "jar")),
            "plugin configuration changed in app", Map.of("app", Set.of("test", "jar")), // the jar holds the POM
            "-DskipTests", Map.of("app", Set.of("test"), "extra", Set.of("test")));

    @ParameterizedTest(name = "{0} (mode={1}, Maven {2})")
    @MethodSource("cases")
    void exactlyTheAffectedModulesRerunAndOutputsMatchABuildWithoutTheCache(Case c, String mode, String maven)
            throws Exception {
        String slug = c.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        MavenBuild build = MavenBuild.of("mutation-" + mode + "-maven" + maven + "-" + slug, PROJECT)
                .withMaven(maven.equals("4") ? MavenBuild.MAVEN4_HOME : MavenBuild.MAVEN_HOME);
        SampleEdits.copyTree(seedStores.get(mode + maven), build.store);
        c.mutation().apply(build.dir);
        List<String> args = new ArrayList<>(List.of("verify"));
        args.addAll(c.args());
        List<String> cached = new ArrayList<>(args);
        cached.add("-Dgha.cache.mode=" + mode);

        MavenBuild.Result r = build.run(cached.toArray(String[]::new)).assertSuccess();

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("mut-parent", "off");
        expected.put("lib", c.lib());
        expected.put("app", c.app());
        expected.put("extra", c.extra());
        Map<String, String> actual = new LinkedHashMap<>(r.outcomes());
        if (mode.equals("max")) {
            // a changed module may restore the steps the change does not reach: what matters is that it ran some
            actual.replaceAll((module, outcome) -> outcome.equals("partial") ? "miss" : outcome);
        }
        assertThat(actual).as(c.name()).isEqualTo(expected);
        if (mode.equals("max")) {
            for (Map.Entry<String, Set<String>> e : MAX_RAN.getOrDefault(c.name(), Map.of()).entrySet()) {
                Map<String, String> steps = new TreeMap<>();
                r.steps(e.getKey()).forEach((step, outcome) -> steps.put(step.substring(step.indexOf(':') + 1),
                        outcome));
                Map<String, String> wanted = new TreeMap<>();
                steps.keySet().forEach(goal -> wanted.put(goal, e.getValue().contains(goal) ? "ran" : "restored"));
                assertThat(steps).as("steps of %s in %s", e.getKey(), c.name()).isEqualTo(wanted);
            }
        }

        String plainKey = c.name() + " on Maven " + maven;
        if (!plainJars.containsKey(plainKey)) {
            MavenBuild plain = build.relocatedCopy("without-cache");
            Files.delete(plain.dir.resolve(".mvn/extensions.xml"));
            plain.deleteTargets();
            plain.run(args.toArray(String[]::new)).assertSuccess();
            plainJars.put(plainKey, SampleEdits.jars(plain.dir));
        }
        assertThat(SampleEdits.jars(build.dir)).as("jars of %s equal those of a build without the cache", c.name())
                .isEqualTo(plainJars.get(plainKey));
    }
}
