package io.github.ghacache.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code gha.cache.cacheable}/{@code uncacheable}: {@code groupId:artifactId:goal},
 * {@code artifactId:goal} (any groupId) or with {@code *} as the goal.
 */
public record GoalSelector(String groupId, String artifactId, String goal) {

    public boolean matches(String g, String a, String gl) {
        return (groupId == null || groupId.equals(g))
                && artifactId.equals(a)
                && ("*".equals(goal) || goal.equals(gl));
    }

    static List<GoalSelector> parseList(String key, String value) {
        List<GoalSelector> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String raw : value.split(",")) {
            String s = raw.trim();
            if (s.isEmpty()) {
                continue;
            }
            String[] p = s.split(":", -1);
            if (p.length == 3 && p[0].length() > 0 && p[1].length() > 0 && p[2].length() > 0) {
                out.add(new GoalSelector(p[0], p[1], p[2]));
            } else if (p.length == 2 && p[0].length() > 0 && p[1].length() > 0) {
                out.add(new GoalSelector(null, p[0], p[1]));
            } else {
                throw new SettingsException(key, s, "groupId:artifactId:goal or artifactId:goal, comma-separated");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return (groupId == null ? "" : groupId + ":") + artifactId + ":" + Objects.requireNonNull(goal);
    }
}
