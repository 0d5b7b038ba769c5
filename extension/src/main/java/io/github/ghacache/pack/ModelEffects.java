package io.github.ghacache.pack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step changed in the in-memory project, with paths normalized to placeholders; a restore
 * replays it so later steps and downstream modules see what a real run leaves.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class ModelEffects {
    public String artifactFile;
    public List<AttachedArtifact> attachedArtifacts = new ArrayList<>();
    public List<String> compileSourceRoots = new ArrayList<>();
    public List<String> testCompileSourceRoots = new ArrayList<>();
    public List<ResourceSpec> resources = new ArrayList<>();
    public List<ResourceSpec> testResources = new ArrayList<>();
    public Map<String, String> properties = new LinkedHashMap<>();

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class AttachedArtifact {
        public String type;
        public String classifier;
        public String file;

        public AttachedArtifact() {}

        public AttachedArtifact(String type, String classifier, String file) {
            this.type = type;
            this.classifier = classifier;
            this.file = file;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class ResourceSpec {
        public String directory;
        public String targetPath;
        public boolean filtering;
        public List<String> includes = new ArrayList<>();
        public List<String> excludes = new ArrayList<>();
    }

    public boolean isEmpty() {
        return artifactFile == null
                && attachedArtifacts.isEmpty()
                && compileSourceRoots.isEmpty()
                && testCompileSourceRoots.isEmpty()
                && resources.isEmpty()
                && testResources.isEmpty()
                && properties.isEmpty();
    }
}
