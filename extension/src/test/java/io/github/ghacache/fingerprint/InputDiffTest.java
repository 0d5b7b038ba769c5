package io.github.ghacache.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputDiffTest {
    private static final String COMPILE = "step:org.apache.maven.plugins:maven-compiler-plugin:compile@default-compile:";

    private static Map<String, String> base() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("java", "17 Eclipse Adoptium");
        m.put("salt", "");
        m.put("property:greeting", "Hello");
        m.put("user.property:skipTests", "true");
        m.put("file:src/main/java/a/B.java", "0123456789abcdef");
        m.put("file:src/main/java/a/C.java", "fedcba9876543210");
        m.put("dependency:org.x:y:jar:", "1.2 compile bytes:aaaaaaaaaaaaaaaa");
        m.put(COMPILE + "cacheable", "true");
        m.put(COMPILE + "plugin", "org.apache.maven.plugins:maven-compiler-plugin:3.13.0");
        m.put(COMPILE + "config/release", "17");
        m.put(COMPILE + "config/compilerArgs/arg", "-Xlint");
        m.put(COMPILE + "config/compilerArgs/arg[1]", "-Werror");
        return m;
    }

    @Test
    void identicalManifestsHaveNoDifference() {
        assertThat(InputDiff.between(base(), base())).isEmpty();
    }

    @Test
    void fileChangesAdditionsAndRemovalsAreNamedByPath() {
        Map<String, String> now = base();
        now.put("file:src/main/java/a/B.java", "1111111111111111");
        now.remove("file:src/main/java/a/C.java");
        now.put("file:src/main/java/a/D.java", "2222222222222222");

        assertThat(InputDiff.between(base(), now)).containsExactly(
                "src/main/java/a/B.java changed", "src/main/java/a/D.java added", "src/main/java/a/C.java removed");
    }

    @Test
    void dependencyVersionScopeAndContentChangesAreTold() {
        Map<String, String> version = base();
        version.put("dependency:org.x:y:jar:", "1.3 compile bytes:bbbbbbbbbbbbbbbb");
        Map<String, String> scope = base();
        scope.put("dependency:org.x:y:jar:", "1.2 test bytes:aaaaaaaaaaaaaaaa");
        Map<String, String> content = base();
        content.put("dependency:org.x:y:jar:", "1.2 compile bytes:cccccccccccccccc");
        Map<String, String> added = base();
        added.put("dependency:org.z:w:jar:tests", "2.0 test bytes:dddddddddddddddd");

        assertThat(InputDiff.between(base(), version)).containsExactly("dependency org.x:y 1.2 -> 1.3");
        assertThat(InputDiff.between(base(), scope)).containsExactly("dependency org.x:y scope compile -> test");
        assertThat(InputDiff.between(base(), content)).containsExactly("dependency org.x:y 1.2 content changed");
        assertThat(InputDiff.between(base(), added)).containsExactly("dependency org.z:w:tests 2.0 added");
    }

    @Test
    void pluginVersionAndConfigurationChangesNameThePluginAndTheParameterOnce() {
        Map<String, String> now = base();
        now.put(COMPILE + "plugin", "org.apache.maven.plugins:maven-compiler-plugin:3.14.0");
        now.put(COMPILE + "config/compilerArgs/arg", "-Xlint:all");
        now.put(COMPILE + "config/compilerArgs/arg[1]", "-Xmaxerrs");

        assertThat(InputDiff.between(base(), now)).containsExactly(
                "plugin maven-compiler-plugin 3.13.0 -> 3.14.0", "plugin maven-compiler-plugin configuration <compilerArgs>");
    }

    @Test
    void environmentSaltAndPropertiesAreTold() {
        Map<String, String> now = base();
        now.put("java", "25 Eclipse Adoptium");
        now.put("salt", "v2");
        now.put("property:greeting", "Hi");
        now.remove("user.property:skipTests");

        assertThat(InputDiff.between(base(), now)).containsExactly("Java 17 Eclipse Adoptium -> 25 Eclipse Adoptium",
                "gha.cache.salt changed", "property greeting changed", "-DskipTests removed");
    }

    @Test
    void aStepAddedToThePlanIsToldOnceNotPerParameter() {
        Map<String, String> now = base();
        String jar = "step:org.apache.maven.plugins:maven-jar-plugin:jar@default-jar:";
        now.put(jar + "cacheable", "true");
        now.put(jar + "plugin", "org.apache.maven.plugins:maven-jar-plugin:3.4.1");
        now.put(jar + "config/forceCreation", "false");

        List<String> diff = InputDiff.between(base(), now);

        assertThat(diff).containsExactly("step maven-jar-plugin:jar added");
    }
}
