package io.github.ghacache.storage.gha;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghacache.http.HttpStatusException;
import io.github.ghacache.http.HttpTransport;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Cache service v1 ({@code _apis/artifactcache}, GitHub Enterprise Server and v1-compatible servers): lookup,
 * reserve, parallel chunked PATCH, commit (spec §2).
 */
final class V1Protocol implements CacheProtocol {
    private static final String ACCEPT = "application/json;api-version=6.0-preview.1";

    private final HttpTransport http;
    private final String base;
    private final String token;
    private final ExecutorService transfers;
    private final int chunkSize;

    V1Protocol(HttpTransport http, String baseUrl, String token, ExecutorService transfers, int chunkSize) {
        this.http = http;
        this.base = (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + "_apis/artifactcache/";
        this.token = token;
        this.transfers = transfers;
        this.chunkSize = chunkSize;
    }

    @Override
    public String name() {
        return "gha-v1";
    }

    @Override
    public Optional<Hit> lookup(String key, List<String> restoreKeys) throws IOException {
        List<String> keys = new ArrayList<>();
        keys.add(key);
        keys.addAll(restoreKeys);
        String url = base + "cache?keys=" + URLEncoder.encode(String.join(",", keys), StandardCharsets.UTF_8)
                + "&version=" + VERSION;
        HttpTransport.Response r = http.send("GET", url, headers(), null, true);
        if (r.status() == 204) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw failure("cache lookup", r);
        }
        JsonNode body = Json.read(r.body());
        String location = Json.text(body, "archive_location");
        if (location == null) {
            location = Json.text(body, "archiveLocation");
        }
        String matched = Json.text(body, "cacheKey");
        if (location == null || location.isEmpty() || matched == null || matched.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Hit(location, matched));
    }

    @Override
    public boolean save(String key, Path file, long size) throws IOException {
        Map<String, Object> reserve = new LinkedHashMap<>();
        reserve.put("key", key);
        reserve.put("version", VERSION);
        reserve.put("cacheSize", size);
        byte[] json = Json.write(reserve);
        HttpTransport.Response r = http.send("POST", base + "caches", headers(),
                () -> new ByteArrayEntity(json, ContentType.APPLICATION_JSON), false);
        if (r.status() == 409) {
            return false;
        }
        if (r.status() == 429) {
            throw new ThrottledException("the cache service throttled entry creation (HTTP 429"
                    + (r.header("retry-after") == null ? "" : ", Retry-After " + r.header("retry-after")) + ")");
        }
        if (!r.ok()) {
            String text = new String(r.body(), StandardCharsets.UTF_8);
            if (text.contains("cache write denied")) {
                throw new WriteDeniedException("cache write denied (HTTP " + r.status() + ")");
            }
            throw failure("cache reservation", r);
        }
        JsonNode id = Json.field(Json.read(r.body()), "cache_id");
        if (id == null || !id.canConvertToLong()) {
            throw new IOException("cache reservation answered without a cacheId");
        }
        String entry = base + "caches/" + id.asLong();
        List<Future<?>> pending = new ArrayList<>();
        for (long offset = 0; offset < size; offset += chunkSize) {
            long start = offset;
            long length = Math.min(chunkSize, size - offset);
            pending.add(transfers.submit(() -> {
                Map<String, String> h = new LinkedHashMap<>(headers());
                h.put("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/*");
                HttpTransport.Response p = http.send("PATCH", entry, h, () -> FileRangeEntity.of(file, start, length),
                        true);
                if (!p.ok()) {
                    throw failure("chunk upload", p);
                }
                return null;
            }));
        }
        Transfers.await(pending);
        byte[] commit = Json.write(Map.of("size", size));
        HttpTransport.Response c = http.send("POST", entry, headers(),
                () -> new ByteArrayEntity(commit, ContentType.APPLICATION_JSON), true);
        if (!c.ok()) {
            throw failure("cache commit", c);
        }
        return true;
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + token, "Accept", ACCEPT);
    }

    private HttpStatusException failure(String what, HttpTransport.Response r) {
        String body = http.redactor().text(new String(r.body(), StandardCharsets.UTF_8));
        String message = null;
        try {
            message = Json.text(Json.read(r.body()), "message");
        } catch (IOException notJson) {
            // keep the raw body below
        }
        return new HttpStatusException(what + " answered HTTP " + r.status()
                + (message == null ? "" : ": " + http.redactor().text(message)), r.status(),
                body.length() > 500 ? body.substring(0, 500) : body);
    }
}
