package io.github.ghacache.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * A sample project copied into a work folder, built with the Maven distribution that the build unpacked,
 * against its own local store. Each run keeps its log beside the project, never inside it (a file in the
 * project would be a key input).
 */
final class MavenBuild {
    static final Path MAVEN_HOME = Path.of(required("it.maven.home"));
    static final Path MAVEN4_HOME = Path.of(required("it.maven4.home"));
    static final Path OLD_MAVEN_HOME = Path.of(required("it.old.maven.home"));
    static final Path IT_REPO = Path.of(required("it.repo"));
    static final Path OUTER_REPO = Path.of(required("it.outer.repo"));
    static final String EXTENSION_VERSION = required("it.extension.version");
    static final Path PROJECTS = Path.of(required("it.projects"));
    static final Path EXAMPLES = Path.of(required("it.examples"));
    static final Path WORK = Path.of(required("it.work"));

    final Path dir;
    final Path store;
    private final Path logs;
    private int runs;
    private Path mavenHome = MAVEN_HOME;
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private final Map<String, String> env = new LinkedHashMap<>();

    private MavenBuild(Path dir, Path store, Path logs) {
        this.dir = dir;
        this.store = store;
        this.logs = logs;
    }

    /** Copies a project from it/src/test/projects (or examples/ when the name starts so) into a fresh folder. */
    static MavenBuild of(String testName, Path source) throws IOException {
        Path root = WORK.resolve(testName);
        deleteTree(root);
        Path dir = root.resolve("project");
        copyProject(source, dir);
        return new MavenBuild(dir, root.resolve("store"), root.resolve("logs"));
    }

    /** The same store and logs, another copy of the project (to prove keys do not depend on the folder). */
    MavenBuild relocatedCopy(String folderName) throws IOException {
        Path other = dir.resolveSibling(folderName);
        deleteTree(other);
        copyProject(dir, other);
        MavenBuild b = new MavenBuild(other, store, logs);
        b.runs = 100;
        b.env.putAll(env);
        b.mavenHome = mavenHome;
        b.javaHome = javaHome;
        return b;
    }

    /** Sets an environment variable for the next builds (the runner's own are pinned empty otherwise). */
    MavenBuild withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs the next builds on another JDK. */
    MavenBuild withJavaHome(Path home) {
        this.javaHome = home;
        return this;
    }

    /** Runs the next builds with another Maven distribution. */
    MavenBuild withMaven(Path home) {
        this.mavenHome = home;
        return this;
    }

    Result run(String... goalsAndProperties) throws IOException, MavenInvocationException {
        List<String> goals = new ArrayList<>();
        Properties props = new Properties();
        props.setProperty("gha.cache.dir", store.toString());
        props.setProperty("maven.repo.local.tail", OUTER_REPO.toString());
        for (String g : goalsAndProperties) {
            if (g.startsWith("-D")) {
                int eq = g.indexOf('=');
                props.setProperty(g.substring(2, eq < 0 ? g.length() : eq), eq < 0 ? "true" : g.substring(eq + 1));
            } else {
                goals.add(g);
            }
        }
        Files.createDirectories(logs);
        Path log = logs.resolve(String.format("%s-%02d-%s.log", dir.getFileName(), ++runs,
                String.join("-", goals).replace(':', '_')));
        StringBuilder out = new StringBuilder();
        InvocationRequest req = new DefaultInvocationRequest()
                .setBaseDirectory(dir.toFile())
                .setGoals(goals)
                .setProperties(props)
                .setBatchMode(true)
                .setNoTransferProgress(true)
                .addArg("-V")
                .setLocalRepositoryDirectory(IT_REPO.toFile())
                .setJavaHome(javaHome.toFile())
                .setOutputHandler(line -> out.append(line).append('\n'))
                .setErrorHandler(line -> out.append(line).append('\n'));
        // the runner's own environment must not leak into the builds under test
        for (String var : List.of("ACTIONS_RUNTIME_TOKEN", "ACTIONS_CACHE_URL", "ACTIONS_RESULTS_URL",
                "ACTIONS_CACHE_SERVICE_V2", "GITHUB_STEP_SUMMARY", "MAVEN_OPTS", "MAVEN_ARGS")) {
            req.addShellEnvironment(var, "");
        }
        // short builds: the JIT's first tier and the serial collector start Maven about a third faster, and
        // change nothing the extension does (the forked test JVMs are not affected)
        req.addShellEnvironment("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        req.addShellEnvironment("CI", "false");
        req.addShellEnvironment("GITHUB_ACTIONS", "false");
        env.forEach(req::addShellEnvironment);
        req.setTimeoutInSeconds(600);
        DefaultInvoker invoker = new DefaultInvoker();
        invoker.setMavenHome(mavenHome.toFile());
        InvocationResult r = invoker.execute(req);
        Files.writeString(log, out, StandardCharsets.UTF_8);
        return new Result(r.getExitCode(), out.toString(), log, dir);
    }

    /** What one build left: its exit code, its log, and report.json. */
    record Result(int exitCode, String log, Path logFile, Path dir) {
        Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("build failed with exit code " + exitCode + ", see " + logFile + "\n"
                        + tail(log, 60));
            }
            return this;
        }

        JsonNode report() throws IOException {
            return new ObjectMapper().readTree(dir.resolve("target/gha-cache/report.json").toFile());
        }

        JsonNode module(String artifactId) throws IOException {
            for (JsonNode m : report().get("modules")) {
                if (m.get("module").asText().endsWith(":" + artifactId)) {
                    return m;
                }
            }
            throw new AssertionError("no module " + artifactId + " in report.json of " + logFile);
        }

        String outcome(String artifactId) throws IOException {
            return module(artifactId).get("outcome").asText();
        }

        /** Outcome of each module, in reactor order. */
        Map<String, String> outcomes() throws IOException {
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonNode m : report().get("modules")) {
                String id = m.get("module").asText();
                out.put(id.substring(id.indexOf(':') + 1), m.get("outcome").asText());
            }
            return out;
        }

        /** Outcome of each step of a module by step id suffix "artifactId:goal". */
        Map<String, String> steps(String artifactId) throws IOException {
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonNode s : module(artifactId).get("steps")) {
                String[] id = s.get("id").asText().split(":");
                out.put(id[1] + ":" + id[2].substring(0, id[2].indexOf('@')), s.get("outcome").asText());
            }
            return out;
        }

        List<String> lines(String containing) {
            return Arrays.stream(log.split("\n")).filter(l -> l.contains(containing)).toList();
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    private static void copyProject(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = from.relativize(p);
                if (inBuildDirectory(rel)) {
                    continue;
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (p.getFileName().toString().equals("extensions.xml")) {
                    Files.writeString(t, Files.readString(p).replace("@project.version@", EXTENSION_VERSION)
                            .replace("0.1.0-SNAPSHOT", EXTENSION_VERSION));
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static boolean inBuildDirectory(Path rel) {
        for (Path segment : rel) {
            if (segment.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Deletes every build directory of the project, as a fresh checkout would have none. */
    void deleteTargets() throws IOException {
        List<Path> targets;
        try (Stream<Path> s = Files.walk(dir)) {
            targets = s.filter(p -> p.getFileName().toString().equals("target") && Files.isDirectory(p)).toList();
        }
        for (Path t : targets) {
            deleteTree(t);
        }
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the ITs through Maven");
        }
        return v;
    }
}
