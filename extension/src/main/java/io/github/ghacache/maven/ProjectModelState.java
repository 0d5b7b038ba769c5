package io.github.ghacache.maven;

import io.github.ghacache.fingerprint.PathNormalizer;
import io.github.ghacache.pack.ModelEffects;
import java.io.File;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * The parts of the in-memory project a step can change, captured before it runs so that its effects
 * can be recorded afterwards and replayed on a restore.
 */
final class ProjectModelState {
    private final File artifactFile;
    private final Set<Artifact> attached;
    private final List<String> compileRoots;
    private final List<String> testRoots;
    private final List<Resource> resources;
    private final List<Resource> testResources;
    private final Properties properties;

    private ProjectModelState(MavenProject p) {
        this.artifactFile = p.getArtifact() == null ? null : p.getArtifact().getFile();
        this.attached = identitySet(p.getAttachedArtifacts());
        this.compileRoots = new ArrayList<>(p.getCompileSourceRoots());
        this.testRoots = new ArrayList<>(p.getTestCompileSourceRoots());
        this.resources = new ArrayList<>(p.getResources());
        this.testResources = new ArrayList<>(p.getTestResources());
        this.properties = new Properties();
        this.properties.putAll(p.getProperties());
    }

    static ProjectModelState capture(MavenProject project) {
        return new ProjectModelState(project);
    }

    /** What changed since the capture, with paths normalized. */
    ModelEffects effectsSince(MavenProject p, PathNormalizer n) {
        ModelEffects e = new ModelEffects();
        File now = p.getArtifact() == null ? null : p.getArtifact().getFile();
        if (now != null && !Objects.equals(now, artifactFile)) {
            e.artifactFile = n.normalize(now.getAbsolutePath());
        }
        for (Artifact a : p.getAttachedArtifacts()) {
            if (!attached.contains(a) && a.getFile() != null) {
                e.attachedArtifacts.add(new ModelEffects.AttachedArtifact(
                        a.getType(), a.getClassifier(), n.normalize(a.getFile().getAbsolutePath())));
            }
        }
        addedStrings(compileRoots, p.getCompileSourceRoots()).forEach(r -> e.compileSourceRoots.add(n.normalize(r)));
        addedStrings(testRoots, p.getTestCompileSourceRoots()).forEach(r -> e.testCompileSourceRoots.add(n.normalize(r)));
        addedResources(resources, p.getResources()).forEach(r -> e.resources.add(spec(r, n)));
        addedResources(testResources, p.getTestResources()).forEach(r -> e.testResources.add(spec(r, n)));
        for (String name : p.getProperties().stringPropertyNames()) {
            String v = p.getProperties().getProperty(name);
            if (!Objects.equals(v, properties.getProperty(name))) {
                e.properties.put(name, n.normalize(v));
            }
        }
        return e;
    }

    /** Applies recorded effects to the project as the step itself would have. */
    static void replay(ModelEffects e, MavenProject p, MavenProjectHelper helper, PathNormalizer n) {
        if (e == null) {
            return;
        }
        if (e.artifactFile != null && p.getArtifact() != null) {
            p.getArtifact().setFile(new File(n.expand(e.artifactFile)));
        }
        for (ModelEffects.AttachedArtifact a : e.attachedArtifacts) {
            boolean present = p.getAttachedArtifacts().stream()
                    .anyMatch(x -> Objects.equals(x.getType(), a.type) && Objects.equals(x.getClassifier(), a.classifier));
            if (!present) {
                helper.attachArtifact(p, a.type, a.classifier, new File(n.expand(a.file)));
            }
        }
        e.compileSourceRoots.forEach(r -> p.addCompileSourceRoot(n.expand(r)));
        e.testCompileSourceRoots.forEach(r -> p.addTestCompileSourceRoot(n.expand(r)));
        e.resources.forEach(r -> p.addResource(resource(r, n)));
        e.testResources.forEach(r -> p.addTestResource(resource(r, n)));
        e.properties.forEach((k, v) -> p.getProperties().setProperty(k, n.expand(v)));
    }

    private static ModelEffects.ResourceSpec spec(Resource r, PathNormalizer n) {
        ModelEffects.ResourceSpec s = new ModelEffects.ResourceSpec();
        s.directory = n.normalize(r.getDirectory());
        s.targetPath = r.getTargetPath();
        s.filtering = r.isFiltering();
        s.includes = new ArrayList<>(r.getIncludes());
        s.excludes = new ArrayList<>(r.getExcludes());
        return s;
    }

    private static Resource resource(ModelEffects.ResourceSpec s, PathNormalizer n) {
        Resource r = new Resource();
        r.setDirectory(n.expand(s.directory));
        r.setTargetPath(s.targetPath);
        r.setFiltering(s.filtering);
        r.setIncludes(new ArrayList<>(s.includes));
        r.setExcludes(new ArrayList<>(s.excludes));
        return r;
    }

    private static List<String> addedStrings(List<String> before, List<String> after) {
        return after.stream().filter(s -> !before.contains(s)).collect(Collectors.toList());
    }

    private static List<Resource> addedResources(List<Resource> before, List<Resource> after) {
        Set<Resource> known = identitySet(before);
        return after.stream().filter(r -> !known.contains(r)).collect(Collectors.toList());
    }

    private static <T> Set<T> identitySet(List<T> items) {
        Set<T> s = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(items);
        return s;
    }

}
