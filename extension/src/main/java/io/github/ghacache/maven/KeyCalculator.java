package io.github.ghacache.maven;

import io.github.ghacache.config.CacheSettings;
import io.github.ghacache.config.SettingKeys;
import io.github.ghacache.fingerprint.FileTreeHasher;
import io.github.ghacache.fingerprint.Fingerprint;
import io.github.ghacache.fingerprint.FingerprintBuilder;
import io.github.ghacache.fingerprint.ModuleKeys;
import io.github.ghacache.fingerprint.PathNormalizer;
import io.github.ghacache.fingerprint.SystemPropertyInputs;
import io.github.ghacache.pack.PackFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.Dependency;

/**
 * Computes a module's keys before any of its steps runs: the base inputs (module files, model,
 * dependencies, environment, salt) and one chained key per cacheable step (see {@link ModuleKeys}).
 */
final class KeyCalculator {
    /** Bumped whenever what goes into a key changes, so old packs stop matching. */
    static final String KEY_SCHEME = "2";

    private final MavenSession session;
    private final CacheSettings settings;
    private final ProjectDependenciesResolver resolver;
    private final DependencyDigester dependencyDigester;
    private final Map<String, String> systemInputs;
    private final ReactorModules reactor;

    KeyCalculator(MavenSession session, CacheSettings settings, ProjectDependenciesResolver resolver,
            DependencyDigester dependencyDigester, Map<String, String> systemInputs, ReactorModules reactor) {
        this.systemInputs = systemInputs;
        this.reactor = reactor;
        this.session = session;
        this.settings = settings;
        this.resolver = resolver;
        this.dependencyDigester = dependencyDigester;
    }

    /**
     * The keys, plus what mode=max step keys reuse: the module's files (relative path to digest) and its
     * resolved dependencies (coordinates to "version scope [optional] content").
     */
    record Result(Fingerprint base, List<ModuleKeys.StepInput> steps, ModuleKeys keys,
            TreeMap<String, String> moduleFiles, TreeMap<String, String> dependencies) {}

    private TreeMap<String, String> moduleFiles;
    private TreeMap<String, String> dependencies;

    Result compute(MavenProject project, List<PlannedStep> plan, PathNormalizer normalizer)
            throws IOException, DependencyResolutionException {
        Fingerprint base = base(project, normalizer);
        MojoConfigDigester digester = new MojoConfigDigester(session, normalizer);
        int last = PlannedStep.lastCacheable(plan);
        List<ModuleKeys.StepInput> inputs = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            PlannedStep step = plan.get(i);
            if (step.kind() != StepKind.NEUTRAL) {
                inputs.add(new ModuleKeys.StepInput(
                        step.id(), step.kind() == StepKind.CACHEABLE, digester.digest(step.mojo())));
            }
        }
        return new Result(base, inputs, ModuleKeys.compute(base, inputs), moduleFiles, dependencies);
    }

    /** What every key of the module starts with: format, salt, Java, OS and the module's coordinates. */
    static void addEnvironment(FingerprintBuilder fb, CacheSettings settings, MavenProject project) {
        fb.add("format", PackFormat.VERSION + "/" + KEY_SCHEME);
        fb.add("salt", settings.salt());
        fb.add("java", Runtime.version().feature() + " " + System.getProperty("java.vendor", "?"));
        fb.add("os", osFamily());
        fb.add("project", project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion() + ":"
                + project.getPackaging());
    }

    private Fingerprint base(MavenProject project, PathNormalizer normalizer)
            throws IOException, DependencyResolutionException {
        FingerprintBuilder fb = new FingerprintBuilder();
        addEnvironment(fb, settings, project);
        addProperties(fb, "property:", project.getProperties(), normalizer);
        addUserProperties(fb, session.getUserProperties(), normalizer);
        addSystemProperties(fb, systemInputs, normalizer);
        addResources(fb, "resource", project.getResources(), normalizer);
        addResources(fb, "testResource", project.getTestResources(), normalizer);
        fb.add("sourceRoots", normalizer.normalize(String.join(",", project.getCompileSourceRoots())));
        fb.add("testSourceRoots", normalizer.normalize(String.join(",", project.getTestCompileSourceRoots())));
        fb.add("filters", normalizer.normalize(String.join(",", project.getBuild().getFilters())));
        Path basedir = project.getBasedir().toPath();
        Set<Path> skip = foldersToSkip(project);
        moduleFiles = new FileTreeHasher().hash(basedir, skip::contains);
        moduleFiles.forEach((rel, digest) -> fb.add("file:" + rel, digest));
        addDependencies(fb, project);
        return fb.build();
    }

    /** The build directory, nested modules and our own store never count as the module's files. */
    private Set<Path> foldersToSkip(MavenProject project) {
        Set<Path> skip = new HashSet<>();
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        skip.add(Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize());
        for (MavenProject other : session.getAllProjects()) {
            Path b = other.getBasedir().toPath().toAbsolutePath().normalize();
            if (!b.equals(basedir) && b.startsWith(basedir)) {
                skip.add(b);
            }
        }
        for (String module : project.getModules()) {
            skip.add(basedir.resolve(module).normalize());
        }
        skip.add(settings.dir().toAbsolutePath().normalize());
        return skip;
    }

    private void addDependencies(FingerprintBuilder fb, MavenProject project)
            throws IOException, DependencyResolutionException {
        DependencyResolutionResult result =
                resolver.resolve(new DefaultDependencyResolutionRequest(project, session.getRepositorySession()));
        TreeMap<String, String> deps = new TreeMap<>();
        for (Dependency d : result.getDependencies()) {
            Artifact a = d.getArtifact();
            File f = a.getFile();
            String content = f == null ? "unresolved" : dependencyDigester.digest(f, reactor.contains(a));
            deps.put(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getExtension() + ":" + a.getClassifier(),
                    a.getVersion() + " " + d.getScope() + (d.isOptional() ? " optional " : " ") + content);
        }
        deps.forEach((k, v) -> fb.add("dependency:" + k, v));
        dependencies = deps;
    }

    static void addSystemProperties(FingerprintBuilder fb, Map<String, String> systemInputs,
            PathNormalizer normalizer) {
        systemInputs.forEach((k, v) -> fb.add("system.property:" + k, normalizer.normalize(v)));
    }

    static void addProperties(FingerprintBuilder fb, String prefix, Properties props,
            PathNormalizer normalizer) {
        addProperties(fb, prefix, props, normalizer, name -> false);
    }

    /** The -D properties, but ours and those that only steer Maven's console (log format, colours). */
    static void addUserProperties(FingerprintBuilder fb, Properties props, PathNormalizer normalizer) {
        addProperties(fb, "user.property:", props, normalizer, SystemPropertyInputs::isConsoleOnly);
    }

    private static void addProperties(FingerprintBuilder fb, String prefix, Properties props,
            PathNormalizer normalizer, Predicate<String> skip) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            if (!name.startsWith(SettingKeys.PREFIX) && !skip.test(name)) {
                sorted.put(name, normalizer.normalize(props.getProperty(name)));
            }
        }
        sorted.forEach((k, v) -> fb.add(prefix + k, v));
    }

    static void addResources(FingerprintBuilder fb, String name, List<Resource> resources,
            PathNormalizer normalizer) {
        int i = 0;
        for (Resource r : resources) {
            fb.add(name + "[" + i++ + "]", normalizer.normalize(r.getDirectory()) + " target=" + r.getTargetPath()
                    + " filtering=" + r.getFiltering() + " includes=" + r.getIncludes() + " excludes="
                    + r.getExcludes());
        }
    }

    static String osFamily() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "windows";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return "mac";
        }
        return "unix";
    }
}
