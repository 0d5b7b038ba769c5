package io.github.ghacache.storage.gha;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghacache.http.HttpStatusException;
import io.github.ghacache.http.HttpTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Cache service v2: Twirp JSON calls on the results service, bytes through signed Azure Blob URLs
 * (spec §3). Requests use proto field names and int64 as strings, as the official client sends them.
 */
final class TwirpProtocol implements CacheProtocol {
    private static final String SERVICE = "/twirp/github.actions.results.api.v1.CacheService/";

    private final HttpTransport http;
    private final String base;
    private final String token;
    private final AzureBlob blob;

    TwirpProtocol(HttpTransport http, String baseUrl, String token, AzureBlob blob) {
        this.http = http;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.blob = blob;
    }

    @Override
    public String name() {
        return "gha-v2";
    }

    @Override
    public Optional<Hit> lookup(String key, List<String> restoreKeys) throws IOException {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("key", key);
        // the primary key leads the restore keys too: harmless, and some servers only consult restore keys
        List<String> all = new ArrayList<>();
        all.add(key);
        all.addAll(restoreKeys);
        req.put("restore_keys", all);
        req.put("version", VERSION);
        HttpTransport.Response r = call("GetCacheEntryDownloadURL", req, true);
        if (!r.ok()) {
            JsonNode err = errorOf(r);
            if (r.status() == 404 || "not_found".equals(Json.text(err, "code"))) {
                return Optional.empty();
            }
            throw failure("GetCacheEntryDownloadURL", r, err);
        }
        JsonNode body = Json.read(r.body());
        JsonNode ok = Json.field(body, "ok");
        String url = Json.text(body, "signed_download_url");
        if (ok == null || !ok.asBoolean() || url == null || url.isEmpty()) {
            return Optional.empty();
        }
        String matched = Json.text(body, "matched_key");
        return Optional.of(new Hit(url, matched == null || matched.isEmpty() ? key : matched));
    }

    @Override
    public boolean save(String key, Path file, long size) throws IOException {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("key", key);
        create.put("version", VERSION);
        HttpTransport.Response r = call("CreateCacheEntry", create, false);
        if (!r.ok()) {
            JsonNode err = errorOf(r);
            String code = Json.text(err, "code");
            if (r.status() == 409 || "already_exists".equals(code)) {
                return false;
            }
            if (r.status() == 429 || "resource_exhausted".equals(code)) {
                throw new ThrottledException("the cache service throttled entry creation (HTTP " + r.status()
                        + (r.header("retry-after") == null ? "" : ", Retry-After " + r.header("retry-after")) + ")");
            }
            throw failure("CreateCacheEntry", r, err);
        }
        JsonNode body = Json.read(r.body());
        String uploadUrl = Json.text(body, "signed_upload_url");
        JsonNode ok = Json.field(body, "ok");
        if (ok == null || !ok.asBoolean() || uploadUrl == null || uploadUrl.isEmpty()) {
            String message = Json.text(body, "message");
            if (message != null && message.startsWith("cache write denied")) {
                throw new WriteDeniedException(message);
            }
            throw new IOException("CreateCacheEntry refused: " + (message == null ? "ok=false" : message));
        }
        blob.upload(uploadUrl, file, size);
        Map<String, Object> fin = new LinkedHashMap<>();
        fin.put("key", key);
        fin.put("size_bytes", Long.toString(size));
        fin.put("version", VERSION);
        HttpTransport.Response f = call("FinalizeCacheEntryUpload", fin, true);
        if (!f.ok()) {
            throw failure("FinalizeCacheEntryUpload", f, errorOf(f));
        }
        JsonNode fb = Json.read(f.body());
        JsonNode fok = Json.field(fb, "ok");
        if (fok == null || !fok.asBoolean()) {
            String message = Json.text(fb, "message");
            throw new IOException("FinalizeCacheEntryUpload refused: " + (message == null ? "ok=false" : message));
        }
        return true;
    }

    private HttpTransport.Response call(String method, Map<String, Object> request, boolean retry429)
            throws IOException {
        byte[] json = Json.write(request);
        return http.send("POST", base + SERVICE + method,
                Map.of("Authorization", "Bearer " + token, "Accept", "application/json"),
                () -> new ByteArrayEntity(json, ContentType.APPLICATION_JSON), retry429);
    }

    private static JsonNode errorOf(HttpTransport.Response r) {
        try {
            return Json.read(r.body());
        } catch (IOException notJson) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private HttpStatusException failure(String method, HttpTransport.Response r, JsonNode err) {
        String msg = Json.text(err, "msg");
        if (msg == null) {
            msg = Json.text(err, "message");
        }
        String code = Json.text(err, "code");
        String body = http.redactor().text(new String(r.body(), StandardCharsets.UTF_8));
        return new HttpStatusException(method + " answered HTTP " + r.status()
                + (code == null ? "" : " " + code) + (msg == null ? "" : ": " + http.redactor().text(msg)),
                r.status(), body.length() > 500 ? body.substring(0, 500) : body);
    }
}
