package io.github.ghacache.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class SystemPropertyInputsTest {
    @Test
    void propertiesAUserSetAreInputsAndTheMachinesAreNot() {
        Properties p = new Properties();
        p.setProperty("greeting", "Jvm");
        p.setProperty("maven.compiler.release", "17");
        p.setProperty("java.home", "/opt/jdk");
        p.setProperty("user.home", "/home/someone");
        p.setProperty("os.name", "Linux");
        p.setProperty("env.PATH", "/usr/bin");
        p.setProperty("maven.home", "/opt/maven");
        p.setProperty("maven.multiModuleProjectDirectory", "/src/project");
        p.setProperty("maven.user.settings", "/home/someone/.m2/settings.xml");
        p.setProperty("gha.cache.dir", "/tmp/store");
        p.setProperty("line.separator", "\n");

        assertThat(SystemPropertyInputs.of(p)).containsOnlyKeys("greeting", "maven.compiler.release")
                .containsEntry("greeting", "Jvm");
    }
}
