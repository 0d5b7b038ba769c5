package io.github.ghacache.server.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The v2 Twirp service {@code github.actions.results.api.v1.CacheService} (spec §3): JSON in either naming style,
 * snake_case out with int64 as strings and {@code ok} always present, errors in the Twirp envelope.
 */
public final class CacheServiceHandler implements EndpointHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1024 * 1024;

    private final CacheStore store;
    private final SignedUrls urls;
    private final TokenVerifier tokens;
    private volatile MissShape missShape = MissShape.OK_FALSE;

    public CacheServiceHandler(CacheStore store, SignedUrls urls, TokenVerifier tokens) {
        this.store = store;
        this.urls = urls;
        this.tokens = tokens;
    }

    public void missShape(MissShape value) {
        this.missShape = value;
    }

    @Override
    public void handle(Exchange ex, Endpoint endpoint) throws IOException {
        ex.send(answer(ex, endpoint));
    }

    private Response answer(Exchange ex, Endpoint endpoint) throws IOException {
        if (!ex.method().equals("POST") || endpoint == Endpoint.V2_UNKNOWN) {
            return TwirpErrors.error("bad_route", "no handler for path \"" + ex.path() + "\" and method " + ex.method());
        }
        String contentType = ex.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return TwirpErrors.error("bad_route", "unexpected Content-Type: \"" + contentType
                    + "\" (this server speaks only application/json)");
        }
        RuntimeToken token;
        try {
            token = tokens.verify(ex.header("Authorization"));
        } catch (AuthException e) {
            return TwirpErrors.error("unauthenticated", e.getMessage());
        }
        JsonNode request;
        try {
            request = JSON.readTree(ex.readBody(MAX_BODY));
        } catch (IOException e) {
            return TwirpErrors.error("malformed", "the json request could not be decoded: " + e.getMessage());
        }
        if (request == null || !request.isObject()) {
            return TwirpErrors.error("malformed", "the json request could not be decoded: not an object");
        }
        try {
            return switch (endpoint) {
                case V2_CREATE -> create(token, request);
                case V2_FINALIZE -> finalizeUpload(token, request);
                case V2_GET_URL -> downloadUrl(token, request);
                default -> throw new IllegalStateException(endpoint.name());
            };
        } catch (IllegalArgumentException e) {
            return TwirpErrors.error("invalid_argument", e.getMessage());
        }
    }

    private Response create(RuntimeToken token, JsonNode request) throws IOException {
        String key = required(request, "key");
        String version = required(request, "version");
        Optional<String> scope = token.writeScope();
        if (scope.isEmpty()) {
            return ok(false).put("message", "cache write denied: token has no writable scopes").response();
        }
        try {
            long id = store.reserve(scope.get(), key, version, -1);
            return ok(true).put("signed_upload_url", urls.uploadUrl(id)).response();
        } catch (StoreException e) {
            return switch (e.kind()) {
                case ALREADY_EXISTS -> TwirpErrors.error("already_exists",
                        "cache entry with the same key, version, and scope already exists");
                case RATE_LIMITED -> TwirpErrors.error("resource_exhausted", e.getMessage())
                        .withHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                default -> ok(false).put("message", e.getMessage()).response();
            };
        }
    }

    private Response finalizeUpload(RuntimeToken token, JsonNode request) throws IOException {
        String key = required(request, "key");
        String version = required(request, "version");
        long size = TwirpJson.int64(request, "size_bytes");
        Optional<String> scope = token.writeScope();
        if (scope.isEmpty()) {
            return ok(false).put("message", "cache write denied: token has no writable scopes").response();
        }
        try {
            CacheEntry entry = store.finalizeUpload(scope.get(), key, version, size);
            return ok(true).put("entry_id", Long.toString(entry.id())).response();
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.NOT_FOUND) {
                return TwirpErrors.error("not_found", e.getMessage());
            }
            return ok(false).put("message", e.getMessage()).response();
        }
    }

    private Response downloadUrl(RuntimeToken token, JsonNode request) {
        String key = required(request, "key");
        String version = required(request, "version");
        List<String> scopes = token.readScopes();
        if (scopes.isEmpty()) {
            return TwirpErrors.error("permission_denied", "cache read denied: token has no readable scopes");
        }
        // the official client sends restore keys without the primary, go-actions-cache with it: both end up the same
        List<String> keys = new ArrayList<>();
        keys.add(key);
        for (String k : TwirpJson.strings(request, "restore_keys")) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        Optional<CacheEntry> hit = store.lookup(scopes, keys, version);
        if (hit.isEmpty()) {
            return switch (missShape) {
                case OK_FALSE -> ok(false).response();
                case EMPTY -> Response.json(200, "{}");
                case NOT_FOUND -> TwirpErrors.error("not_found", "cache entry not found");
            };
        }
        return ok(true).put("signed_download_url", urls.downloadUrl(hit.get().id()))
                .put("matched_key", hit.get().key()).response();
    }

    private static String required(JsonNode request, String field) {
        String value = TwirpJson.string(request, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static Body ok(boolean ok) {
        return new Body(JSON.createObjectNode().put("ok", ok));
    }

    /** A tiny builder so each RPC reads as one expression. */
    private record Body(ObjectNode node) {
        Body put(String name, String value) {
            node.put(name, value);
            return this;
        }

        Response response() {
            return Response.json(200, node.toString());
        }
    }

    @Override
    public Response injectedError(int status, boolean json, String requestId) {
        return json ? TwirpErrors.forStatus(status) : EndpointHandler.htmlError(status);
    }
}
