package io.github.ghacache.server.http;

import java.util.Locale;

/**
 * Every route the server answers, classified from method and path alone (no I/O), so faults, the request log and
 * counters can name an endpoint before any handler runs.
 */
public enum Endpoint {
    V1_LOOKUP(Family.V1),
    V1_RESERVE(Family.V1),
    V1_UPLOAD(Family.V1),
    V1_COMMIT(Family.V1),
    V1_LIST(Family.V1),
    V1_UNKNOWN(Family.V1),
    V2_CREATE(Family.V2),
    V2_FINALIZE(Family.V2),
    V2_GET_URL(Family.V2),
    V2_UNKNOWN(Family.V2),
    BLOB_PUT(Family.BLOB),
    BLOB_PUT_BLOCK(Family.BLOB),
    BLOB_PUT_BLOCK_LIST(Family.BLOB),
    BLOB_GET(Family.BLOB),
    BLOB_UNKNOWN(Family.BLOB),
    NOT_FOUND(Family.OTHER);

    public enum Family { V1, V2, BLOB, OTHER }

    /** where v1 routes start inside any base path prefix */
    public static final String V1_MARKER = "/_apis/artifactcache/";
    /** the Twirp service path, served at the root and below any prefix */
    public static final String V2_MARKER = "/twirp/github.actions.results.api.v1.CacheService/";
    /** first path segment of blob URLs: the "account" of Azure's path-style (emulator) addressing */
    public static final String BLOB_ACCOUNT = "devstoreaccount1";

    private final Family family;

    Endpoint(Family family) {
        this.family = family;
    }

    public Family family() {
        return family;
    }

    /** The name used on the command line and in logs, e.g. {@code v2-create}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Endpoint classify(String method, String path, String rawQuery) {
        int v1 = path.indexOf(V1_MARKER);
        if (v1 >= 0) {
            return classifyV1(method, path.substring(v1 + V1_MARKER.length()));
        }
        int v2 = path.indexOf(V2_MARKER);
        if (v2 >= 0) {
            return switch (path.substring(v2 + V2_MARKER.length())) {
                case "CreateCacheEntry" -> V2_CREATE;
                case "FinalizeCacheEntryUpload" -> V2_FINALIZE;
                case "GetCacheEntryDownloadURL" -> V2_GET_URL;
                default -> V2_UNKNOWN;
            };
        }
        if (path.contains("/twirp/")) {
            return V2_UNKNOWN;
        }
        if (path.startsWith("/" + BLOB_ACCOUNT + "/")) {
            return classifyBlob(method, rawQuery == null ? "" : rawQuery);
        }
        return NOT_FOUND;
    }

    private static Endpoint classifyV1(String method, String rest) {
        if (rest.equals("cache")) {
            return method.equals("GET") ? V1_LOOKUP : V1_UNKNOWN;
        }
        if (rest.equals("caches")) {
            return switch (method) {
                case "POST" -> V1_RESERVE;
                case "GET" -> V1_LIST;
                default -> V1_UNKNOWN;
            };
        }
        if (rest.startsWith("caches/") && rest.substring(7).matches("[0-9]{1,18}")) {
            return switch (method) {
                case "PATCH" -> V1_UPLOAD;
                case "POST" -> V1_COMMIT;
                default -> V1_UNKNOWN;
            };
        }
        return V1_UNKNOWN;
    }

    private static Endpoint classifyBlob(String method, String query) {
        return switch (method) {
            case "GET", "HEAD" -> BLOB_GET;
            case "PUT" -> {
                if (hasParam(query, "comp", "blocklist")) {
                    yield BLOB_PUT_BLOCK_LIST;
                }
                yield hasParam(query, "comp", "block") ? BLOB_PUT_BLOCK : BLOB_PUT;
            }
            default -> BLOB_UNKNOWN;
        };
    }

    private static boolean hasParam(String query, String name, String value) {
        for (String pair : query.split("&")) {
            if (pair.equalsIgnoreCase(name + "=" + value)) {
                return true;
            }
        }
        return false;
    }
}
