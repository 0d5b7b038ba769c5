package io.github.ghacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A miss says which inputs differ from the newest pack of the module: a changed file, a bumped dependency. */
class MissReasonIT {

    @Test
    void missNamesTheChangedFileAndTheChangedDependency() throws Exception {
        MavenBuild build = MavenBuild.of("miss-reason", MavenBuild.PROJECTS.resolve("single-module"));
        Path pom = build.dir.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<dependencies>", "<dependencies>\n"
                + "    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId>"
                + "<version>3.17.0</version></dependency>"));
        build.run("verify").assertSuccess();

        Path source = build.dir.resolve("src/main/java/org/example/single/Calculator.java");
        Files.writeString(source, Files.readString(source).replace("return a + b;", "return b + a;"));
        MavenBuild.Result edited = build.run("verify").assertSuccess();
        assertThat(edited.outcome("single")).isEqualTo("miss");
        assertThat(edited.lines("[gha-cache] MISS")).singleElement().asString()
                .contains(":single", "src/main/java/org/example/single/Calculator.java changed");
        assertThat(edited.module("single").get("missReasons").get(0).asText())
                .isEqualTo("src/main/java/org/example/single/Calculator.java changed");

        Files.writeString(pom, Files.readString(pom).replace("<version>3.17.0</version>", "<version>3.18.0</version>"));
        MavenBuild.Result bumped = build.run("verify").assertSuccess();
        assertThat(bumped.lines("[gha-cache] MISS")).singleElement().asString()
                .contains("pom.xml changed", "dependency org.apache.commons:commons-lang3 3.17.0 -> 3.18.0");
    }
}
