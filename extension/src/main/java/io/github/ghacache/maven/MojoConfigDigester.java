package io.github.ghacache.maven;

import io.github.ghacache.fingerprint.Digests;
import io.github.ghacache.fingerprint.Fingerprint;
import io.github.ghacache.fingerprint.FingerprintBuilder;
import io.github.ghacache.fingerprint.PathNormalizer;
import java.io.File;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Digests one step as it will run: the plugin and its extra dependencies, the goal and execution, and
 * every configuration value after expression evaluation, with absolute folders made placeholders.
 */
final class MojoConfigDigester {
    /** Values longer than this enter the -X listing as their digest. */
    private static final int SHOWN_VALUE_LENGTH = 160;

    /**
     * Parameters that cannot change a step's outputs but vary between builds of the same inputs, by
     * {@code artifactId:parameter}: left out so that they cause no needless miss.
     */
    private static final Set<String> IGNORED = Set.of(
            // -T: only how the console output of forked tests is handled
            "maven-surefire-plugin:parallelMavenExecution",
            "maven-failsafe-plugin:parallelMavenExecution");

    /**
     * Expressions whose value Maven fills in only once a step asking for dependency resolution has run, so
     * the same step sees them empty or full depending on whether earlier steps ran or were restored. What they
     * hold, the dependencies, is in every key by content; the expression stands for itself.
     */
    private static final Set<String> RESOLVED_BY_MAVEN = Set.of("${project.artifactMap}", "${project.artifacts}",
            "${project.dependencyArtifacts}", "${project.compileClasspathElements}",
            "${project.testClasspathElements}", "${project.runtimeClasspathElements}",
            "${project.systemClasspathElements}");

    private final MavenSession session;
    private final PathNormalizer normalizer;

    MojoConfigDigester(MavenSession session, PathNormalizer normalizer) {
        this.session = session;
        this.normalizer = normalizer;
    }

    Fingerprint digest(MojoExecution mojo) {
        FingerprintBuilder fb = new FingerprintBuilder();
        fb.add("plugin", mojo.getGroupId() + ":" + mojo.getArtifactId() + ":" + mojo.getVersion());
        if (mojo.getPlugin() != null) {
            for (Dependency d : mojo.getPlugin().getDependencies()) {
                fb.add("plugin.dependency:" + d.getGroupId() + ":" + d.getArtifactId() + ":" + d.getType() + ":"
                        + nullToEmpty(d.getClassifier()), d.getVersion());
            }
        }
        fb.add("goal", mojo.getGoal());
        fb.add("execution", mojo.getExecutionId());
        Xpp3Dom config = mojo.getConfiguration();
        if (config != null) {
            PluginParameterExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, mojo);
            for (Xpp3Dom parameter : config.getChildren()) {
                if (!IGNORED.contains(mojo.getArtifactId() + ":" + parameter.getName())) {
                    walkParameter(config, parameter, evaluator, fb);
                }
            }
        }
        return fb.build();
    }

    private void walkParameter(Xpp3Dom config, Xpp3Dom parameter, PluginParameterExpressionEvaluator ev,
            FingerprintBuilder fb) {
        int sameName = 0;
        for (Xpp3Dom sibling : config.getChildren()) {
            if (sibling == parameter) {
                break;
            }
            if (sibling.getName().equals(parameter.getName())) {
                sameName++;
            }
        }
        walk(parameter, "config/" + parameter.getName() + (sameName == 0 ? "" : "[" + sameName + "]"), ev, fb);
    }

    private void walk(Xpp3Dom dom, String path, PluginParameterExpressionEvaluator ev, FingerprintBuilder fb) {
        for (String attr : sorted(dom.getAttributeNames())) {
            if (!"default-value".equals(attr)) {
                fb.add(path + "@" + attr, normalizer.normalize(dom.getAttribute(attr)));
            }
        }
        Xpp3Dom[] children = dom.getChildren();
        if (children.length == 0) {
            String raw = dom.getValue() != null ? dom.getValue() : dom.getAttribute("default-value");
            if (raw != null) {
                fb.add(path, shown(evaluate(raw, ev)));
            }
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Xpp3Dom child : children) {
            int i = seen.merge(child.getName(), 1, Integer::sum) - 1;
            walk(child, path + "/" + child.getName() + (i == 0 ? "" : "[" + i + "]"), ev, fb);
        }
    }

    private String evaluate(String raw, PluginParameterExpressionEvaluator ev) {
        if (RESOLVED_BY_MAVEN.contains(raw.trim())) {
            return "resolved:" + raw.trim();
        }
        Object value;
        try {
            value = ev.evaluate(raw);
        } catch (Exception e) {
            return "unevaluated:" + raw;
        }
        return render(value, raw);
    }

    /**
     * Turns an evaluated value into stable text: plain values and paths as they are (normalized); objects
     * only when they define their own toString, else the expression itself stands for them (their content
     * reaches the key through the module's base inputs).
     */
    private String render(Object value, String expression) {
        if (value == null) {
            return "<null>";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum) {
            return normalizer.normalize(value.toString());
        }
        if (value instanceof File f) {
            return normalizer.normalize(f.getPath());
        }
        if (value instanceof Path p) {
            return normalizer.normalize(p.toString());
        }
        if (value instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : c) {
                sb.append(render(o, expression)).append(", ");
            }
            return sb.append("]").toString();
        }
        if (value.getClass().isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(value); i++) {
                sb.append(render(Array.get(value, i), expression)).append(", ");
            }
            return sb.append("]").toString();
        }
        if (value instanceof Map<?, ?> m) {
            TreeMap<String, String> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), render(v, expression)));
            return sorted.toString();
        }
        if (definesToString(value)) {
            return normalizer.normalize(value.toString());
        }
        return "object:" + expression;
    }

    private static boolean definesToString(Object value) {
        try {
            return value.getClass().getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String shown(String value) {
        return value.length() <= SHOWN_VALUE_LENGTH ? value : "sha256:" + Digests.of(value);
    }

    private static String[] sorted(String[] names) {
        String[] copy = names.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
