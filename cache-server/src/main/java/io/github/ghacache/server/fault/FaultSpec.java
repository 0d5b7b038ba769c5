package io.github.ghacache.server.fault;

import java.time.Duration;
import java.util.Locale;

/**
 * A fault written on the command line: {@code SELECTOR=ACTION[@COUNT]}. Without {@code @COUNT} it applies to every
 * matching request.
 *
 * <pre>
 *   v2-create=429:5@2      429 with Retry-After: 5 on the next two CreateCacheEntry calls
 *   v1=422                 the retired v1 service (every v1 call)
 *   v2=html:503@1          one 503 with an HTML body
 *   any=latency:1500@3     1.5 s before answering the next three requests
 *   blob-get=truncate:100  downloads stop after 100 bytes
 *   blob-get=corrupt@1 · v2-finalize=drop@1 · blob=expired-url@1
 * </pre>
 */
public record FaultSpec(EndpointSelector selector, Fault fault, int times) {
    public static final String SYNTAX = "SELECTOR=ACTION[@COUNT]; SELECTOR: any|v1|v2|blob|<endpoint>; "
            + "ACTION: <status>[:<retry-after>] | html:<status> | latency:<ms> | drop | truncate:<bytes> | corrupt | expired-url";

    public static FaultSpec parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("fault '" + text + "' is not " + SYNTAX);
        }
        EndpointSelector selector = EndpointSelector.parse(text.substring(0, eq));
        String action = text.substring(eq + 1).trim();
        int times = -1;
        int at = action.lastIndexOf('@');
        if (at >= 0) {
            times = parseInt(action.substring(at + 1), text);
            if (times <= 0) {
                throw new IllegalArgumentException("fault '" + text + "': @COUNT must be positive");
            }
            action = action.substring(0, at);
        }
        return new FaultSpec(selector, parseAction(action, text), times);
    }

    private static Fault parseAction(String action, String text) {
        String[] parts = action.split(":", 2);
        String head = parts[0].toLowerCase(Locale.ROOT);
        String arg = parts.length > 1 ? parts[1] : null;
        switch (head) {
            case "latency":
                return Fault.latency(Duration.ofMillis(parseInt(require(arg, text), text)));
            case "drop":
                return Fault.dropConnection();
            case "truncate":
                return Fault.truncateBody(parseInt(require(arg, text), text));
            case "corrupt":
                return Fault.corruptBody();
            case "expired-url":
                return Fault.expiredUrl();
            case "html":
                return Fault.statusWithHtmlBody(status(require(arg, text), text));
            default:
                Fault f = Fault.status(status(head, text));
                return arg == null ? f : f.withRetryAfter(arg);
        }
    }

    private static int status(String value, String text) {
        int status = parseInt(value, text);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("fault '" + text + "': status must be 400-599");
        }
        return status;
    }

    private static String require(String arg, String text) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("fault '" + text + "' needs a value after ':'");
        }
        return arg;
    }

    private static int parseInt(String value, String text) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault '" + text + "' is not " + SYNTAX);
        }
    }
}
