package io.github.ghacache.pack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON index at the head of a pack: what the pack is for and where each member lies. Fields are
 * public for Jackson; the pack is untrusted input, so readers check every value they use.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class PackIndex {
    public int formatVersion;
    /** The full store key this pack was saved under. */
    public String key;
    /** groupId:artifactId of the module. */
    public String module;
    public String mode;
    public long createdAtMillis;
    /** Environment summary, for people reading the index. */
    public String environment;
    public List<PackMember> members = new ArrayList<>();
    /** Compact key inputs of the saving build (name to value or short digest), to explain later misses. */
    public Map<String, String> inputs = new LinkedHashMap<>();
    /** Cacheable steps of the plan that saved this pack, in plan order. */
    public List<StepRecord> steps = new ArrayList<>();

    public PackMember member(String name) {
        return members.stream().filter(m -> name.equals(m.name)).findFirst().orElse(null);
    }
}
