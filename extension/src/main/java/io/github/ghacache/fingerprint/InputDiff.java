package io.github.ghacache.fingerprint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says in words which key inputs differ between the newest pack of a module and the current build, in
 * the order the inputs are fed to the key: "src/main/java/a/B.java changed",
 * "dependency org.x:y 1.2 -> 1.3", "plugin maven-compiler-plugin configuration <release>", "Java 17 -> 25".
 */
public final class InputDiff {
    private InputDiff() {}

    public static List<String> between(Map<String, String> before, Map<String, String> now) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> stepsSeen = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>(now.keySet());
        names.addAll(before.keySet());
        for (String name : names) {
            String was = before.get(name);
            String is = now.get(name);
            if (was != null && was.equals(is)) {
                continue;
            }
            String text = describe(name, was, is, stepsSeen);
            if (text != null) {
                out.add(text);
            }
        }
        return new ArrayList<>(out);
    }

    private static String describe(String name, String was, String is, Set<String> stepsSeen) {
        if (name.startsWith("file:")) {
            String path = name.substring(5);
            return path + (was == null ? " added" : is == null ? " removed" : " changed");
        }
        if (name.startsWith("dependency:")) {
            return dependency(name.substring(11), was, is);
        }
        if (name.startsWith("step:")) {
            return step(name.substring(5), was, is, stepsSeen);
        }
        switch (name) {
            case "java":
                return "Java " + was + " -> " + is;
            case "salt":
                return "gha.cache.salt changed";
            case "os":
                return "OS " + was + " -> " + is;
            case "format":
                return "cache format " + was + " -> " + is;
            default:
                break;
        }
        if (name.startsWith("property:")) {
            return "property " + name.substring(9) + change(was, is);
        }
        if (name.startsWith("user.property:")) {
            return "-D" + name.substring(14) + change(was, is);
        }
        return name + change(was, is);
    }

    /** Key "g:a:ext:classifier", value "version scope [optional] content". */
    private static String dependency(String key, String was, String is) {
        String[] k = key.split(":", -1);
        String ga = k.length >= 2 ? k[0] + ":" + k[1] + (k.length >= 4 && !k[3].isEmpty() ? ":" + k[3] : "") : key;
        if (was == null) {
            return "dependency " + ga + " " + first(is) + " added";
        }
        if (is == null) {
            return "dependency " + ga + " " + first(was) + " removed";
        }
        String[] w = was.split(" ");
        String[] n = is.split(" ");
        if (!w[0].equals(n[0])) {
            return "dependency " + ga + " " + w[0] + " -> " + n[0];
        }
        if (w.length > 1 && n.length > 1 && !w[1].equals(n[1])) {
            return "dependency " + ga + " scope " + w[1] + " -> " + n[1];
        }
        return "dependency " + ga + " " + n[0] + " content changed";
    }

    /** Name "<groupId>:<artifactId>:<goal>@<execution>:<input>"; one line per step and kind of change. */
    private static String step(String rest, String was, String is, Set<String> stepsSeen) {
        int at = rest.indexOf('@');
        int colon = at < 0 ? -1 : rest.indexOf(':', at);
        if (colon < 0) {
            return "step " + rest + change(was, is);
        }
        String id = rest.substring(0, colon);
        String input = rest.substring(colon + 1);
        String[] parts = id.split(":");
        String plugin = parts.length >= 2 ? parts[1] : id;
        String goal = parts.length >= 3 ? parts[2] : "";
        if (goal.contains("@default-")) {
            goal = goal.substring(0, goal.indexOf('@')); // Maven's implicit execution ids say nothing
        }
        if (input.equals("cacheable")) {
            if (was == null || is == null) {
                return stepsSeen.add(id) ? "step " + plugin + ":" + goal + (was == null ? " added" : " removed")
                        : null;
            }
            return "step " + plugin + ":" + goal + (Boolean.parseBoolean(is) ? " now cacheable" : " now uncached");
        }
        if (stepsSeen.contains(id)) {
            return null; // the whole step was added or removed: said once
        }
        if (input.equals("plugin")) {
            return "plugin " + plugin + " " + version(was) + " -> " + version(is);
        }
        if (input.startsWith("config/")) {
            String param = input.substring(7);
            int slash = param.indexOf('/');
            String top = slash < 0 ? param : param.substring(0, slash);
            return "plugin " + plugin + " configuration <" + top + ">";
        }
        return "plugin " + plugin + " " + input + change(was, is);
    }

    private static String version(String gav) {
        if (gav == null) {
            return "none";
        }
        int i = gav.lastIndexOf(':');
        return i < 0 ? gav : gav.substring(i + 1);
    }

    private static String first(String value) {
        int i = value.indexOf(' ');
        return i < 0 ? value : value.substring(0, i);
    }

    private static String change(String was, String is) {
        if (was == null) {
            return " added";
        }
        if (is == null) {
            return " removed";
        }
        return " changed";
    }
}
