package io.github.ghacache.server.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghacache.server.auth.AuthException;
import io.github.ghacache.server.auth.RuntimeToken;
import io.github.ghacache.server.auth.TokenVerifier;
import io.github.ghacache.server.blob.SignedUrls;
import io.github.ghacache.server.http.Endpoint;
import io.github.ghacache.server.http.EndpointHandler;
import io.github.ghacache.server.http.Exchange;
import io.github.ghacache.server.http.Response;
import io.github.ghacache.server.store.CacheEntry;
import io.github.ghacache.server.store.CacheStore;
import io.github.ghacache.server.store.StoreException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The legacy v1 REST API under any base path ({@code <prefix>/_apis/artifactcache/...}, spec §2): lookup, reserve,
 * chunked PATCH upload, commit, listing. Bytes are read back through the signed blob URL in {@code archiveLocation}.
 */
public final class ArtifactCacheHandler implements EndpointHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON = 1024 * 1024;

    private final CacheStore store;
    private final SignedUrls urls;
    private final TokenVerifier tokens;
    private volatile boolean bomOnErrors;

    public ArtifactCacheHandler(CacheStore store, SignedUrls urls, TokenVerifier tokens) {
        this.store = store;
        this.urls = urls;
        this.tokens = tokens;
    }

    /** Prefix error bodies with a UTF-8 BOM, as the real service's 429s were observed to. */
    public void bomOnErrors(boolean value) {
        this.bomOnErrors = value;
    }

    @Override
    public void handle(Exchange ex, Endpoint endpoint) throws IOException {
        if (endpoint == Endpoint.V1_UNKNOWN) {
            ex.send(error(404, "NotFoundException", "No route for " + ex.method() + " " + ex.path()));
            return;
        }
        RuntimeToken token;
        try {
            token = tokens.verify(ex.header("Authorization"));
        } catch (AuthException e) {
            ex.send(error(401, "UnauthorizedRequestException", e.getMessage()));
            return;
        }
        try {
            ex.send(switch (endpoint) {
                case V1_LOOKUP -> lookup(ex, token);
                case V1_RESERVE -> reserve(ex, token);
                case V1_UPLOAD -> upload(ex, token);
                case V1_COMMIT -> commit(ex, token);
                case V1_LIST -> list(ex, token);
                default -> throw new IllegalStateException(endpoint.name());
            });
        } catch (IllegalArgumentException e) {
            ex.send(error(400, "ArgumentException", e.getMessage()));
        } catch (StoreException e) {
            ex.send(switch (e.kind()) {
                case ALREADY_EXISTS -> error(409, "ArtifactCacheItemAlreadyExistsException", e.getMessage());
                case RATE_LIMITED -> error(429, "RequestBlockedException", e.getMessage())
                        .withHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                case NOT_FOUND -> error(400, "ArtifactCacheItemNotFoundException", e.getMessage());
                case TOO_LARGE -> error(400, "ArtifactCacheItemOverDataCapException", e.getMessage());
                case INVALID -> error(400, "ArgumentException", e.getMessage());
            });
        }
    }

    private Response lookup(Exchange ex, RuntimeToken token) {
        var query = ex.query();
        String keys = query.get("keys");
        String version = query.get("version");
        if (keys == null || keys.isEmpty() || version == null || version.isEmpty()) {
            throw new IllegalArgumentException("keys and version are required");
        }
        List<String> scopes = token.readScopes();
        if (scopes.isEmpty()) {
            return error(403, "AccessDeniedException", "cache read denied: token has no readable scopes");
        }
        List<String> keyList = Arrays.stream(keys.split(",")).filter(k -> !k.isEmpty()).collect(Collectors.toList());
        Optional<CacheEntry> hit = store.lookup(scopes, keyList, version);
        if (hit.isEmpty()) {
            return Response.empty(204);
        }
        return Response.json(200, describe(hit.get()).put("archiveLocation", urls.downloadUrl(hit.get().id())).toString());
    }

    private Response reserve(Exchange ex, RuntimeToken token) throws IOException, StoreException {
        JsonNode body = readJson(ex);
        String key = text(body, "key");
        String version = text(body, "version");
        long size = body.hasNonNull("cacheSize") ? body.get("cacheSize").asLong(-1) : -1;
        Optional<String> scope = token.writeScope();
        if (scope.isEmpty()) {
            return error(403, "AccessDeniedException", "cache write denied: token has no writable scopes");
        }
        long id = store.reserve(scope.get(), key, version, size);
        return Response.json(201, JSON.createObjectNode().put("cacheId", id).toString());
    }

    private Response upload(Exchange ex, RuntimeToken token) throws IOException, StoreException {
        ContentRange range = ContentRange.parse(ex.header("Content-Range"));
        store.writeChunk(cacheId(ex), range.start(), range.end(), ex.body());
        return Response.empty(204);
    }

    private Response commit(Exchange ex, RuntimeToken token) throws IOException, StoreException {
        JsonNode body = readJson(ex);
        JsonNode size = body.get("size");
        if (size == null || !size.canConvertToLong() || size.asLong() < 0) {
            throw new IllegalArgumentException("size (the total number of bytes uploaded) is required");
        }
        store.commitChunks(cacheId(ex), size.asLong());
        return Response.empty(204);
    }

    private Response list(Exchange ex, RuntimeToken token) {
        String key = ex.query().get("key");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key is required");
        }
        List<CacheEntry> found = store.list(token.readScopes(), key);
        ObjectNode node = JSON.createObjectNode().put("totalCount", found.size());
        ArrayNode caches = node.putArray("artifactCaches");
        found.forEach(e -> caches.add(describe(e)));
        return Response.json(200, node.toString());
    }

    private static ObjectNode describe(CacheEntry e) {
        return JSON.createObjectNode().put("cacheKey", e.key()).put("scope", e.scope())
                .put("cacheVersion", e.version()).put("creationTime", e.created().toString());
    }

    private static long cacheId(Exchange ex) {
        String path = ex.path();
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private static JsonNode readJson(Exchange ex) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(ex.readBody(MAX_JSON));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.asText();
    }

    private Response error(int status, String typeKey, String message) {
        return VssErrors.error(status, typeKey, message, bomOnErrors);
    }

    @Override
    public Response injectedError(int status, boolean json, String requestId) {
        return json ? VssErrors.forStatus(status, bomOnErrors) : EndpointHandler.htmlError(status);
    }
}
