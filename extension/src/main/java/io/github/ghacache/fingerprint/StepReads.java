package io.github.ghacache.fingerprint;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a step reads, for mode=max step keys. Built-in goals declare it; any other step reads everything
 * (every file of the module and everything earlier steps wrote), so a step we know nothing about can only
 * miss more, never hit wrongly.
 */
public final class StepReads {
    /** One kind of input a step can read. */
    public enum Input {
        /** The files of the main resource folders with their settings; when filtering, the values filters see. */
        RESOURCES,
        TEST_RESOURCES,
        /** Every file of the main source roots, generated roots added by earlier steps included. */
        MAIN_SOURCES,
        TEST_SOURCES,
        /** The class files (only) of the main output folder: what javac reads of it. */
        MAIN_CLASSES,
        /** The class files of the test output folder (javac has it on its classpath too). */
        TEST_CLASSES,
        /** Every file of the main output folder: classes and resources. */
        MAIN_OUTPUT,
        TEST_OUTPUT,
        /** Dependencies of scope compile, provided and system. */
        COMPILE_CLASSPATH,
        /** Every dependency. */
        TEST_CLASSPATH,
        /** Every file of the module outside the build folder. */
        MODULE_FILES,
        /**
         * The same but the POM: tests may read any file, but what the POM means to them (configuration,
         * classpath, properties) is in their key already, so an edit elsewhere in the POM does not rerun them.
         */
        MODULE_FILES_BUT_POM,
        /**
         * Every file of the build folder as the step finds it (outputs of earlier steps by content), but the
         * compiler's bookkeeping (maven-status), which holds absolute paths and no input of a later step.
         */
        BUILD_DIR,
        /** Project and user properties. */
        PROPERTIES,
        /** The POM file and the descriptive fields of the model (packed into jars and manifests). */
        POM
    }

    private static final String MAVEN_PLUGINS = "org.apache.maven.plugins";
    private static final Set<Input> UNKNOWN = EnumSet.of(Input.MODULE_FILES, Input.BUILD_DIR, Input.PROPERTIES,
            Input.TEST_CLASSPATH, Input.POM);

    private StepReads() {}

    public static Set<Input> of(String groupId, String artifactId, String goal) {
        if (!MAVEN_PLUGINS.equals(groupId)) {
            return EnumSet.copyOf(UNKNOWN);
        }
        return switch (artifactId + ":" + goal) {
            case "maven-resources-plugin:resources" -> EnumSet.of(Input.RESOURCES);
            case "maven-resources-plugin:testResources" -> EnumSet.of(Input.TEST_RESOURCES);
            // javac has its own output folder on its classpath: class files already there (none in a clean
            // build; leftovers otherwise) count, resources do not
            case "maven-compiler-plugin:compile" ->
                EnumSet.of(Input.MAIN_SOURCES, Input.MAIN_CLASSES, Input.COMPILE_CLASSPATH);
            case "maven-compiler-plugin:testCompile" ->
                EnumSet.of(Input.TEST_SOURCES, Input.MAIN_CLASSES, Input.TEST_CLASSES, Input.TEST_CLASSPATH);
            // tests may read any file of their module, whatever earlier steps (cacheable or not) wrote into the
            // build folder, and the properties surefire passes on to them
            case "maven-surefire-plugin:test" -> EnumSet.of(Input.BUILD_DIR, Input.TEST_CLASSPATH,
                    Input.MODULE_FILES_BUT_POM, Input.PROPERTIES);
            case "maven-jar-plugin:jar" -> EnumSet.of(Input.MAIN_OUTPUT, Input.POM);
            case "maven-jar-plugin:test-jar" -> EnumSet.of(Input.TEST_OUTPUT, Input.POM);
            case "maven-source-plugin:jar-no-fork" -> EnumSet.of(Input.MAIN_SOURCES, Input.RESOURCES, Input.POM);
            case "maven-source-plugin:test-jar-no-fork" ->
                EnumSet.of(Input.TEST_SOURCES, Input.TEST_RESOURCES, Input.POM);
            default -> EnumSet.copyOf(UNKNOWN);
        };
    }
}
