package io.github.ghacache.fingerprint;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Which system properties of the Maven JVM enter keys: those a user can set (in .mvn/jvm.config, MAVEN_OPTS
 * or with -D), because filtered resources and plugin expressions see them. The JVM's and the launcher's
 * own (Java, OS, user, file and path properties, Maven's home and the like) describe the machine, not the
 * build, and would make every key local to one machine; environment variables are left out as well.
 */
public final class SystemPropertyInputs {
    private static final List<String> MACHINE_PREFIXES = List.of("java.", "jdk.", "sun.", "os.", "user.", "file.",
            "awt.", "env.", "library.jansi.", "library.jline.", "jansi.", "jline.", "org.jline.", "classworlds.", "guice.",
            "org.slf4j.", "maven.multiModuleProjectDirectory", "maven.home", "maven.conf", "maven.version",
            "maven.build.version", "maven.mainClass",
            // Maven 4's launcher: where its settings files are, and the central repository's address
            "maven.installation.", "maven.project.", "maven.user.", "maven.repo.central", "gha.cache.", "socksNonProxyHosts", "http.nonProxyHosts",
            "ftp.nonProxyHosts", "https.proxy", "http.proxy", "jna.", "native.encoding", "stdout.encoding",
            "stderr.encoding", "stdin.encoding", "line.separator", "path.separator", "apple.", "intellij.",
            "idea.", "jboss.", "javax.", "com.sun.", "securerandom.");

    /**
     * Properties that only steer Maven's console (log format and levels, colours): a user passes them with -D
     * on one machine and not on another, and no build output depends on them.
     */
    private static final List<String> CONSOLE_PREFIXES = List.of("org.slf4j.simpleLogger.", "style.color",
            "jansi.", "library.jansi.", "maven.logging.");

    private SystemPropertyInputs() {}

    /** True for a user property (-D) that only steers the console, never what a build writes. */
    public static boolean isConsoleOnly(String name) {
        for (String prefix : CONSOLE_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isInput(String name) {
        for (String prefix : MACHINE_PREFIXES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** The inputs among {@code props}, sorted by name. */
    public static Map<String, String> of(Properties props) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            if (isInput(name)) {
                out.put(name, props.getProperty(name));
            }
        }
        return out;
    }
}
