package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * mode=max on the mutation sample: from a store seeded by a full mode=max build, a change reruns exactly the
 * steps that read it, every other step is restored on its own, and the jars equal those of a build without
 * the extension.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaxModeIT {
    private static final Path PROJECT = MavenBuild.PROJECTS.resolve("mutations");
    private static final String MAX = "-Dgha.cache.mode=max";
    private static final String RESOURCES = "maven-resources-plugin:resources";
    private static final String COMPILE = "maven-compiler-plugin:compile";
    private static final String TEST_RESOURCES = "maven-resources-plugin:testResources";
    private static final String TEST_COMPILE = "maven-compiler-plugin:testCompile";
    private static final String TEST = "maven-surefire-plugin:test";
    private static final String JAR = "maven-jar-plugin:jar";
    private static final String TEST_JAR = "maven-jar-plugin:test-jar";
    private Path seedStore;
    private long seedAppPackBytes;

    @BeforeAll
    void seed() throws Exception {
        MavenBuild seed = MavenBuild.of("max-seed", PROJECT);
        MavenBuild.Result r = seed.run("verify", MAX).assertSuccess();
        assertThat(r.outcomes()).containsEntry("lib", "miss").containsEntry("app", "miss");
        seedStore = seed.store;
        seedAppPackBytes = r.module("app").get("bytesUp").asLong();
    }

    private MavenBuild fromSeed(String name) throws Exception {
        MavenBuild build = MavenBuild.of("max-" + name, PROJECT);
        SampleEdits.copyTree(seedStore, build.store);
        return build;
    }

    private static Map<String, String> steps(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    /** The same change built without the extension gives the same jars. */
    private static void assertSameJarsAsPlainBuild(MavenBuild build, String... args) throws Exception {
        MavenBuild plain = build.relocatedCopy("without-cache");
        Files.delete(plain.dir.resolve(".mvn/extensions.xml"));
        plain.deleteTargets();
        List<String> goals = new ArrayList<>(List.of("verify"));
        goals.addAll(List.of(args));
        plain.run(goals.toArray(String[]::new)).assertSuccess();
        assertThat(SampleEdits.jars(build.dir)).isEqualTo(SampleEdits.jars(plain.dir));
    }

    @Test
    void editingATestSourceRerunsOnlyTestCompileAndTests() throws Exception {
        MavenBuild build = fromSeed("test-source");
        SampleEdits.edit(build.dir, "app/src/test/java/org/example/app/AppTest.java",
                "endsWith(\"42\")", "endsWith(\"2\")");

        MavenBuild.Result r = build.run("verify", MAX).assertSuccess();

        assertThat(r.outcomes()).containsEntry("lib", "hit").containsEntry("app", "partial")
                .containsEntry("extra", "hit");
        assertThat(r.steps("app")).isEqualTo(steps(RESOURCES, "restored", COMPILE, "restored",
                TEST_RESOURCES, "restored", TEST_COMPILE, "ran", TEST, "ran", JAR, "restored"));
        // a partial restore reads the members it needs, not the pack
        assertThat(r.module("app").get("bytesDown").asLong()).isPositive().isLessThan(seedAppPackBytes);
        assertSameJarsAsPlainBuild(build);
    }

    @Test
    void changingOnlyTheJarManifestRerunsOnlyTheJar() throws Exception {
        MavenBuild build = fromSeed("jar-config");
        SampleEdits.edit(build.dir, "app/pom.xml", "<plugins>", "<plugins><plugin><artifactId>maven-jar-plugin"
                + "</artifactId><configuration><archive><manifestEntries><X-Case>manifest</X-Case>"
                + "</manifestEntries></archive></configuration></plugin>");

        MavenBuild.Result r = build.run("verify", MAX).assertSuccess();

        assertThat(r.steps("app")).isEqualTo(steps(RESOURCES, "restored", COMPILE, "restored",
                TEST_RESOURCES, "restored", TEST_COMPILE, "restored", TEST, "restored", JAR, "ran"));
        assertThat(Jars.manifestAttribute(build.dir.resolve("app/target/app-1.0.jar"), "X-Case"))
                .isEqualTo("manifest");
        assertSameJarsAsPlainBuild(build);
    }

    @Test
    void editingAMainResourceRerunsWhatReadsIt() throws Exception {
        MavenBuild build = fromSeed("resource");
        Files.writeString(build.dir.resolve("lib/src/main/resources/lib.properties"), "farewell=Bye\n",
                java.nio.file.StandardOpenOption.APPEND);

        MavenBuild.Result r = build.run("verify", MAX).assertSuccess();

        assertThat(r.steps("lib")).isEqualTo(steps(RESOURCES, "ran", COMPILE, "restored",
                TEST_RESOURCES, "restored", TEST_COMPILE, "restored", TEST, "ran", JAR, "ran",
                TEST_JAR, "restored"));
        assertThat(Files.readString(build.dir.resolve("lib/target/classes/lib.properties"))).contains("farewell");
        assertSameJarsAsPlainBuild(build);
    }

    @Test
    void afterFailingTestsAreFixedTheCompileStepsAreRestored() throws Exception {
        MavenBuild build = fromSeed("failed-tests");
        SampleEdits.edit(build.dir, "app/src/test/java/org/example/app/AppTest.java",
                "endsWith(\"42\")", "endsWith(\"43\")");
        MavenBuild.Result failed = build.run("verify", MAX);
        assertThat(failed.exitCode()).as("the broken test fails the build").isNotZero();

        SampleEdits.edit(build.dir, "app/src/test/java/org/example/app/AppTest.java",
                "endsWith(\"43\")", "endsWith(\"42\") && !App.message().isEmpty()");
        build.deleteTargets();
        MavenBuild.Result fixed = build.run("verify", MAX).assertSuccess();

        // the newest pack of app is the failed build's: it holds the steps that finished, and no jar
        assertThat(fixed.steps("app")).isEqualTo(steps(RESOURCES, "restored", COMPILE, "restored",
                TEST_RESOURCES, "restored", TEST_COMPILE, "ran", TEST, "ran", JAR, "ran"));
        assertSameJarsAsPlainBuild(build);
    }

    @Test
    void skipTestsRestoresTheRestAndASkippedTestRunIsNeverTakenForARealOne() throws Exception {
        MavenBuild build = fromSeed("skip-tests");
        MavenBuild.Result skipped = build.run("verify", MAX, "-DskipTests").assertSuccess();
        assertThat(skipped.steps("app")).isEqualTo(steps(RESOURCES, "restored", COMPILE, "restored",
                TEST_RESOURCES, "restored", TEST_COMPILE, "restored", TEST, "ran", JAR, "restored"));

        // a store that only knows the skipped run: the real test run must run the tests
        MavenBuild onlySkipped = MavenBuild.of("max-only-skipped", PROJECT);
        onlySkipped.run("verify", MAX, "-DskipTests").assertSuccess();
        onlySkipped.deleteTargets();
        MavenBuild.Result real = onlySkipped.run("verify", MAX).assertSuccess();
        for (String module : List.of("lib", "app", "extra")) {
            assertThat(real.steps(module)).as(module).containsEntry(TEST, "ran");
            assertThat(real.steps(module)).as(module).containsEntry(TEST_COMPILE, "restored");
        }
        assertThat(real.log()).contains("Tests run:");
        assertSameJarsAsPlainBuild(onlySkipped);
    }

    @Test
    void packsOfEitherModeServeBuildsOfTheOther() throws Exception {
        // min-saved, read by max
        MavenBuild minSaved = MavenBuild.of("max-min-saved", PROJECT);
        minSaved.run("verify").assertSuccess();
        minSaved.deleteTargets();
        MavenBuild.Result maxReads = minSaved.run("verify", MAX).assertSuccess();
        assertThat(maxReads.outcomes()).containsEntry("lib", "hit").containsEntry("app", "hit")
                .containsEntry("extra", "hit");
        assertSameJarsAsPlainBuild(minSaved);

        // max-saved, read by min: whole plan, then a shorter plan that needs only some members
        MavenBuild maxSaved = fromSeed("max-saved");
        MavenBuild.Result minReads = maxSaved.run("verify").assertSuccess();
        assertThat(minReads.outcomes()).containsEntry("lib", "hit").containsEntry("app", "hit")
                .containsEntry("extra", "hit");
        assertSameJarsAsPlainBuild(maxSaved);
        maxSaved.deleteTargets();
        MavenBuild.Result shorter = maxSaved.run("test").assertSuccess();
        // (app misses there: in a build that stops before package, lib stands for its classes folder, not its jar)
        assertThat(shorter.outcomes()).containsEntry("lib", "hit");
        assertThat(maxSaved.dir.resolve("lib/target/classes/org/example/lib/Lib.class")).exists();
        assertThat(maxSaved.dir.resolve("lib/target/surefire-reports")).exists();
        assertThat(maxSaved.dir.resolve("lib/target/lib-1.0.jar")).as("only the members `test` needs").doesNotExist();
    }

    @Test
    void downstreamOfAnUpstreamRebuiltWithIdenticalClassesHits() throws Exception {
        MavenBuild build = fromSeed("identical-classes");
        // a comment at the end of a line: the source differs, the class file does not
        SampleEdits.edit(build.dir, "lib/src/main/java/org/example/lib/Lib.java", "return 2 * x;",
                "return 2 * x; // twice");

        MavenBuild.Result r = build.run("verify", MAX).assertSuccess();

        assertThat(r.steps("lib")).containsEntry(COMPILE, "ran").containsEntry(TEST_COMPILE, "restored")
                .containsEntry(JAR, "restored");
        assertThat(r.outcomes()).containsEntry("lib", "partial").containsEntry("app", "hit")
                .containsEntry("extra", "hit");
        assertSameJarsAsPlainBuild(build);
    }

    @Test
    void testsRerunWhenANonCacheableStepWritesSomethingElseForThem() throws Exception {
        MavenBuild build = MavenBuild.of("max-uncached-writer", PROJECT);
        // antrun (not cacheable) writes a file into the build folder; a test reads it and says what it saw
        SampleEdits.edit(build.dir, "app/pom.xml", "<plugins>", "<plugins><plugin><artifactId>maven-antrun-plugin"
                + "</artifactId><version>3.1.0</version><executions><execution><id>data</id>"
                + "<phase>generate-test-resources</phase><goals><goal>run</goal></goals><configuration><target>"
                + "<echo file=\"${project.build.directory}/data.txt\" message=\"alpha\"/></target></configuration>"
                + "</execution></executions></plugin>");
        Files.writeString(build.dir.resolve("app/src/test/java/org/example/app/DataTest.java"), """
                package org.example.app;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.junit.jupiter.api.Test;

                class DataTest {
                    @Test
                    void recordsWhatItRead() throws Exception {
                        Files.writeString(Path.of("target", "data-seen.txt"), Files.readString(Path.of("target", "data.txt")));
                    }
                }
                """);
        build.run("verify", MAX).assertSuccess();
        assertThat(Files.readString(build.dir.resolve("app/target/data-seen.txt"))).isEqualTo("alpha");

        SampleEdits.edit(build.dir, "app/pom.xml", "message=\"alpha\"", "message=\"beta\"");
        build.deleteTargets();
        MavenBuild.Result r = build.run("verify", MAX).assertSuccess();

        // the POM is no input of the tests as a file, but what the changed step wrote is
        assertThat(r.steps("app")).containsEntry(COMPILE, "restored").containsEntry(TEST, "ran");
        assertThat(Files.readString(build.dir.resolve("app/target/data-seen.txt"))).isEqualTo("beta");
    }
}
