package io.github.ghacache.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.fingerprint.StepReads.Input;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepReadsTest {
    private static final String MAVEN = "org.apache.maven.plugins";
    private static final Set<Input> EVERYTHING_UNKNOWN_READS = EnumSet.of(Input.MODULE_FILES, Input.BUILD_DIR,
            Input.PROPERTIES, Input.TEST_CLASSPATH, Input.POM);

    @Test
    void compileReadsMainSourcesClassFilesAlreadyThereAndCompileClasspathOnly() {
        Set<Input> reads = StepReads.of(MAVEN, "maven-compiler-plugin", "compile");

        assertThat(reads).containsExactlyInAnyOrder(Input.MAIN_SOURCES, Input.MAIN_CLASSES, Input.COMPILE_CLASSPATH);
        assertThat(reads).doesNotContain(Input.TEST_SOURCES, Input.MODULE_FILES, Input.MODULE_FILES_BUT_POM,
                Input.BUILD_DIR, Input.TEST_CLASSPATH);
    }

    @Test
    void testCompileReadsMainClassesNotMainOutput() {
        Set<Input> reads = StepReads.of(MAVEN, "maven-compiler-plugin", "testCompile");

        assertThat(reads).containsExactlyInAnyOrder(Input.TEST_SOURCES, Input.MAIN_CLASSES, Input.TEST_CLASSES,
                Input.TEST_CLASSPATH);
        assertThat(reads).doesNotContain(Input.MAIN_OUTPUT, Input.MAIN_SOURCES, Input.COMPILE_CLASSPATH);
    }

    @Test
    void surefireReadsModuleFilesButPomTheBuildFolderAndProperties() {
        Set<Input> reads = StepReads.of(MAVEN, "maven-surefire-plugin", "test");

        // the whole build folder: tests may read what a non-cacheable step wrote there
        assertThat(reads).containsExactlyInAnyOrder(Input.MODULE_FILES_BUT_POM, Input.PROPERTIES, Input.BUILD_DIR,
                Input.TEST_CLASSPATH);
        assertThat(reads).doesNotContain(Input.MODULE_FILES, Input.POM);
    }

    @Test
    void jarReadsMainOutputAndPom() {
        assertThat(StepReads.of(MAVEN, "maven-jar-plugin", "jar"))
                .containsExactlyInAnyOrder(Input.MAIN_OUTPUT, Input.POM);
        assertThat(StepReads.of(MAVEN, "maven-jar-plugin", "test-jar"))
                .containsExactlyInAnyOrder(Input.TEST_OUTPUT, Input.POM);
    }

    @Test
    void resourcesReadTheirOwnResourceFolders() {
        assertThat(StepReads.of(MAVEN, "maven-resources-plugin", "resources")).containsExactly(Input.RESOURCES);
        assertThat(StepReads.of(MAVEN, "maven-resources-plugin", "testResources"))
                .containsExactly(Input.TEST_RESOURCES);
    }

    @Test
    void sourceJarsReadSourcesResourcesAndPom() {
        assertThat(StepReads.of(MAVEN, "maven-source-plugin", "jar-no-fork"))
                .containsExactlyInAnyOrder(Input.MAIN_SOURCES, Input.RESOURCES, Input.POM);
        assertThat(StepReads.of(MAVEN, "maven-source-plugin", "test-jar-no-fork"))
                .containsExactlyInAnyOrder(Input.TEST_SOURCES, Input.TEST_RESOURCES, Input.POM);
    }

    @Test
    void unknownGoalOfAMavenPluginReadsEverything() {
        Set<Input> reads = StepReads.of(MAVEN, "maven-compiler-plugin", "something-new");

        assertThat(reads).contains(Input.MODULE_FILES, Input.BUILD_DIR);
        assertThat(reads).isEqualTo(EVERYTHING_UNKNOWN_READS);
    }

    @Test
    void unknownPluginOfTheMavenGroupReadsEverything() {
        assertThat(StepReads.of(MAVEN, "maven-antrun-plugin", "run")).isEqualTo(EVERYTHING_UNKNOWN_READS);
    }

    @Test
    void builtInArtifactAndGoalUnderAnotherGroupReadsEverything() {
        Set<Input> reads = StepReads.of("com.example.fork", "maven-compiler-plugin", "compile");

        assertThat(reads).contains(Input.MODULE_FILES, Input.BUILD_DIR);
        assertThat(reads).isEqualTo(EVERYTHING_UNKNOWN_READS);
    }

    @Test
    void nullGroupReadsEverything() {
        assertThat(StepReads.of(null, "maven-jar-plugin", "jar")).contains(Input.MODULE_FILES, Input.BUILD_DIR);
    }
}
