package io.github.ghacache.maven;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.artifact.Artifact;

/** The modules of this build, to tell their artifacts (which change as the build goes) from others. */
final class ReactorModules {
    private final Set<String> ids;

    private ReactorModules(Set<String> ids) {
        this.ids = ids;
    }

    static ReactorModules of(MavenSession session) {
        return new ReactorModules(session.getProjects().stream()
                .map(p -> id(p.getGroupId(), p.getArtifactId(), p.getVersion()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean contains(Artifact a) {
        return ids.contains(id(a.getGroupId(), a.getArtifactId(), a.getBaseVersion()));
    }

    private static String id(String groupId, String artifactId, String version) {
        return groupId + ':' + artifactId + ':' + version;
    }
}
