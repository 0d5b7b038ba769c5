package io.github.ghacache.maven;

import io.github.ghacache.config.CacheSettings;
import io.github.ghacache.fingerprint.FileTreeHasher;
import io.github.ghacache.fingerprint.Fingerprint;
import io.github.ghacache.fingerprint.InputItem;
import io.github.ghacache.fingerprint.FingerprintBuilder;
import io.github.ghacache.fingerprint.PathNormalizer;
import io.github.ghacache.fingerprint.StepReads;
import io.github.ghacache.fingerprint.StepReads.Input;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * mode=max: the key of one step over what that step alone reads ({@link StepReads}), taken just before the
 * step would run, so that files earlier steps wrote count by their content as they are now.
 */
final class StepInputKeys {
    /** Parameters that point a known goal at folders other than the project's own: then it reads "anything". */
    private static final List<String> FOLDER_OVERRIDES = List.of("classesDirectory", "testClassesDirectory");
    private static final Set<String> DEFAULT_FOLDERS =
            Set.of("${project.build.outputDirectory}", "${project.build.testOutputDirectory}");

    private final MavenSession session;
    private final CacheSettings settings;
    private final MavenProject project;
    private final PathNormalizer normalizer;
    private final KeyCalculator.Result moduleKeys;
    private final Predicate<Path> notOutput;
    private final Map<String, String> systemInputs;
    /** The POM's path relative to the module folder, as module files are named. */
    private final String pomPath;
    private final FileTreeHasher hasher = new FileTreeHasher();

    StepInputKeys(MavenSession session, CacheSettings settings, MavenProject project, PathNormalizer normalizer,
            KeyCalculator.Result moduleKeys, Map<String, String> systemInputs, Predicate<Path> notOutput) {
        this.systemInputs = systemInputs;
        this.pomPath = project.getFile() == null ? "" : FileTreeHasher.relative(
                project.getBasedir().toPath().toAbsolutePath(), project.getFile().toPath().toAbsolutePath());
        this.session = session;
        this.settings = settings;
        this.project = project;
        this.normalizer = normalizer;
        this.moduleKeys = moduleKeys;
        this.notOutput = notOutput;
    }

    Fingerprint keyOf(PlannedStep step) throws IOException {
        MojoExecution mojo = step.mojo();
        Set<Input> reads = overridesFolders(mojo)
                ? StepReads.of("", "", "")
                : StepReads.of(mojo.getGroupId(), mojo.getArtifactId(), mojo.getGoal());
        FingerprintBuilder fb = new FingerprintBuilder();
        KeyCalculator.addEnvironment(fb, settings, project);
        fb.add("step", step.id());
        for (InputItem item : new MojoConfigDigester(session, normalizer).digest(mojo).items()) {
            fb.add("config." + item.name(), item.value());
        }
        for (Input input : reads) {
            add(fb, input);
        }
        return fb.build();
    }

    private void add(FingerprintBuilder fb, Input input) throws IOException {
        switch (input) {
            case RESOURCES -> resources(fb, "resource", project.getResources());
            case TEST_RESOURCES -> resources(fb, "testResource", project.getTestResources());
            case MAIN_SOURCES -> roots(fb, "source", project.getCompileSourceRoots());
            case TEST_SOURCES -> roots(fb, "testSource", project.getTestCompileSourceRoots());
            case MAIN_CLASSES -> tree(fb, "classes", Path.of(project.getBuild().getOutputDirectory()),
                    rel -> rel.endsWith(".class"));
            case TEST_CLASSES -> tree(fb, "testClasses", Path.of(project.getBuild().getTestOutputDirectory()),
                    rel -> rel.endsWith(".class"));
            case MAIN_OUTPUT -> tree(fb, "output", Path.of(project.getBuild().getOutputDirectory()), rel -> true);
            case TEST_OUTPUT -> tree(fb, "testOutput", Path.of(project.getBuild().getTestOutputDirectory()),
                    rel -> true);
            case COMPILE_CLASSPATH -> dependencies(fb, Set.of("compile", "provided", "system"));
            case TEST_CLASSPATH -> dependencies(fb, null);
            case MODULE_FILES -> moduleKeys.moduleFiles().forEach((rel, digest) -> fb.add("file:" + rel, digest));
            case MODULE_FILES_BUT_POM -> {
                moduleKeys.moduleFiles().forEach((rel, digest) -> {
                    if (!rel.equals(pomPath)) {
                        fb.add("file:" + rel, digest);
                    }
                });
            }
            case BUILD_DIR -> {
                Path dir = Path.of(project.getBuild().getDirectory());
                Path bookkeeping = dir.resolve("maven-status");
                hasher.hash(dir, d -> d.equals(bookkeeping) || notOutput.test(d))
                        .forEach((rel, digest) -> fb.add("build:" + rel, digest));
            }
            case PROPERTIES -> properties(fb);
            case POM -> pom(fb);
        }
    }

    private void resources(FingerprintBuilder fb, String name, List<Resource> resources) throws IOException {
        KeyCalculator.addResources(fb, name, resources, normalizer);
        boolean filtering = false;
        for (Resource r : resources) {
            filtering |= r.isFiltering();
            Path dir = project.getBasedir().toPath().resolve(r.getDirectory());
            hasher.hash(dir, d -> false).forEach((rel, digest) ->
                    fb.add(name + ":" + normalizer.normalize(dir) + "/" + rel, digest));
        }
        if (filtering) {
            // filtered files may show any property or model value
            properties(fb);
            pom(fb);
            for (String filter : project.getBuild().getFilters()) {
                Path f = project.getBasedir().toPath().resolve(filter);
                fb.add("filter:" + normalizer.normalize(f), Files.exists(f) ? hasher.digestOf(f) : "missing");
            }
        }
    }

    private void roots(FingerprintBuilder fb, String name, List<String> roots) throws IOException {
        for (String root : roots) {
            Path dir = project.getBasedir().toPath().resolve(root);
            fb.add(name + "Root", normalizer.normalize(dir));
            hasher.hash(dir, d -> false).forEach((rel, digest) -> fb.add(name + ":" + rel, digest));
        }
    }

    private void tree(FingerprintBuilder fb, String name, Path dir, Predicate<String> include) throws IOException {
        fb.add(name + "Dir", normalizer.normalize(dir));
        hasher.hash(dir, notOutput).forEach((rel, digest) -> {
            if (include.test(rel)) {
                fb.add(name + ":" + rel, digest);
            }
        });
    }

    /** Entries are "version scope [optional] content"; {@code scopes} null means every scope. */
    private void dependencies(FingerprintBuilder fb, Set<String> scopes) {
        moduleKeys.dependencies().forEach((coordinates, value) -> {
            String[] parts = value.split(" ", 3);
            if (scopes == null || (parts.length > 1 && scopes.contains(parts[1]))) {
                fb.add("dependency:" + coordinates, value);
            }
        });
    }

    private void properties(FingerprintBuilder fb) {
        KeyCalculator.addProperties(fb, "property:", project.getProperties(), normalizer);
        KeyCalculator.addUserProperties(fb, session.getUserProperties(), normalizer);
        KeyCalculator.addSystemProperties(fb, systemInputs, normalizer);
    }

    private void pom(FingerprintBuilder fb) throws IOException {
        if (project.getFile() != null && project.getFile().isFile()) {
            // hashed with the module's files already, unless the POM lies outside the module's folder
            String known = moduleKeys.moduleFiles().get(pomPath);
            fb.add("pom", known != null ? known : hasher.digestOf(project.getFile().toPath()));
        }
        TreeMap<String, String> model = new TreeMap<>();
        model.put("name", String.valueOf(project.getName()));
        model.put("description", String.valueOf(project.getDescription()));
        model.put("url", String.valueOf(project.getUrl()));
        model.put("inceptionYear", String.valueOf(project.getInceptionYear()));
        model.put("organization", project.getOrganization() == null ? "null"
                : project.getOrganization().getName() + " " + project.getOrganization().getUrl());
        model.put("parent", project.getParent() == null ? "null" : project.getParent().getId());
        model.forEach((k, v) -> fb.add("model." + k, v));
    }

    private static boolean overridesFolders(MojoExecution mojo) {
        Xpp3Dom config = mojo.getConfiguration();
        if (config == null) {
            return false;
        }
        for (String name : FOLDER_OVERRIDES) {
            Xpp3Dom child = config.getChild(name);
            if (child != null && child.getValue() != null && !DEFAULT_FOLDERS.contains(child.getValue().trim())) {
                return true;
            }
        }
        return false;
    }

}
