package io.github.ghacache.storage.gha;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where and how to reach the GitHub Actions cache service, decided as the official client decides it
 * (GHES always v1; otherwise v2 when ACTIONS_CACHE_SERVICE_V2 is non-empty), with our properties able to
 * override the URL, the token and the protocol version.
 */
public record GhaRuntime(Protocol protocol, String baseUrl, String token, boolean restoreAllowed,
        boolean saveAllowed, String unavailableReason) {

    public enum Protocol {
        V1,
        V2
    }

    public boolean available() {
        return unavailableReason == null;
    }

    /**
     * @param env the environment ({@code System::getenv} in production)
     * @param url {@code gha.cache.url} or null
     * @param token {@code gha.cache.token} or null
     * @param apiVersion {@code gha.cache.apiVersion}: auto, v1 or v2
     */
    public static GhaRuntime resolve(Function<String, String> env, String url, String token, String apiVersion) {
        String tok = firstSet(token, env.apply("ACTIONS_RUNTIME_TOKEN"));
        String version = apiVersion == null ? "auto" : apiVersion.trim().toLowerCase(Locale.ROOT);
        Protocol protocol;
        switch (version) {
            case "v1":
            case "1":
                protocol = Protocol.V1;
                break;
            case "v2":
            case "2":
                protocol = Protocol.V2;
                break;
            default:
                protocol = isGhes(env.apply("GITHUB_SERVER_URL")) || !isSet(env.apply("ACTIONS_CACHE_SERVICE_V2"))
                        ? Protocol.V1 : Protocol.V2;
        }
        String base = protocol == Protocol.V2
                ? firstSet(url, env.apply("ACTIONS_RESULTS_URL"))
                : firstSet(url, env.apply("ACTIONS_CACHE_URL"), env.apply("ACTIONS_RESULTS_URL"));
        String mode = env.apply("ACTIONS_CACHE_MODE");
        mode = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
        boolean restore = !mode.equals("none") && !mode.equals("write-only");
        boolean save = !mode.equals("none") && !mode.equals("read");
        String reason = null;
        if (tok == null) {
            reason = "ACTIONS_RUNTIME_TOKEN is not visible to this step";
        } else if (base == null) {
            reason = (protocol == Protocol.V2 ? "ACTIONS_RESULTS_URL" : "ACTIONS_CACHE_URL")
                    + " is not visible to this step";
        }
        return new GhaRuntime(protocol, base, tok, restore, save, reason);
    }

    /** The official client's rule: any host but github.com, *.ghe.com and *.localhost is a GHES server. */
    static boolean isGhes(String serverUrl) {
        String host = "github.com";
        if (isSet(serverUrl)) {
            try {
                String h = URI.create(serverUrl.trim()).getHost();
                if (h != null) {
                    host = h.toLowerCase(Locale.ROOT);
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return !(host.equals("github.com") || host.endsWith(".ghe.com") || host.endsWith(".localhost"));
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (isSet(v)) {
                return v.trim();
            }
        }
        return null;
    }

    private static boolean isSet(String v) {
        return v != null && !v.isBlank();
    }

    @Override
    public String toString() {
        // never the token
        return "GhaRuntime[" + protocol + " " + baseUrl + "]";
    }
}
