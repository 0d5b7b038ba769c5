package io.github.ghacache.fingerprint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact list of a module's key inputs that a pack keeps, so that a later build which misses can
 * say which inputs differ. Short values are kept as they are (versions, flags); long ones and file
 * digests are shortened to 16 hex digits, enough to tell a change.
 */
public final class InputManifest {
    private static final int KEPT_VALUE_LENGTH = 64;

    private InputManifest() {}

    /** Base inputs first, then each step's inputs under {@code step:<id>:}. */
    public static Map<String, String> of(Fingerprint base, List<ModuleKeys.StepInput> steps) {
        Map<String, String> out = new LinkedHashMap<>();
        for (InputItem item : base.items()) {
            out.put(item.name(), compact(item.name(), item.value()));
        }
        for (ModuleKeys.StepInput s : steps) {
            String prefix = "step:" + s.id() + ":";
            out.put(prefix + "cacheable", Boolean.toString(s.cacheable()));
            for (InputItem item : s.config().items()) {
                out.put(prefix + item.name(), compact(item.name(), item.value()));
            }
        }
        return out;
    }

    static String compact(String name, String value) {
        if (value == null) {
            return "<null>";
        }
        if (name.startsWith("file:")) {
            return value.length() > 16 ? value.substring(0, 16) : value;
        }
        if (name.startsWith("dependency:")) {
            // "<version> <scope> [optional] <kind>:<digest>": keep version and scope readable
            int colon = value.lastIndexOf(':');
            return colon > 0 && value.length() - colon > 17 ? value.substring(0, colon + 17) : value;
        }
        return value.length() <= KEPT_VALUE_LENGTH ? value : "sha256:" + Digests.of(value).substring(0, 16);
    }
}
