package io.github.ghacache.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A JDK HttpClient speaking to the in-process server, with the few request shapes the protocol tests need. */
public final class Wire {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String TWIRP = "twirp/github.actions.results.api.v1.CacheService/";
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final CacheServer server;
    private String token;

    public Wire(CacheServer server) {
        this.server = server;
        this.token = server.token();
    }

    public Wire token(String value) {
        this.token = value;
        return this;
    }

    public String token() {
        return token;
    }

    // ---- v2 ----

    public HttpResponse<String> twirp(String method, String json) {
        return send(HttpRequest.newBuilder(URI.create(server.v2Url() + TWIRP + method))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> create(String key, String version) {
        return twirp("CreateCacheEntry", "{\"key\":\"" + key + "\",\"version\":\"" + version + "\"}");
    }

    public HttpResponse<String> finalizeUpload(String key, String version, long size) {
        return twirp("FinalizeCacheEntryUpload",
                "{\"key\":\"" + key + "\",\"version\":\"" + version + "\",\"size_bytes\":\"" + size + "\"}");
    }

    public HttpResponse<String> getUrl(String key, String version, String... restoreKeys) {
        StringBuilder keys = new StringBuilder();
        for (String k : restoreKeys) {
            keys.append(keys.length() == 0 ? "" : ",").append('"').append(k).append('"');
        }
        return twirp("GetCacheEntryDownloadURL", "{\"key\":\"" + key + "\",\"version\":\"" + version
                + "\",\"restore_keys\":[" + keys + "]}");
    }

    /** Create, Put Blob, finalize: a complete v2 save. Returns the entry id. */
    public long saveV2(String key, String version, byte[] data) {
        HttpResponse<String> created = create(key, version);
        check(created, 200);
        String url = json(created).get("signed_upload_url").asText();
        check(putBlob(url, data), 201);
        HttpResponse<String> fin = finalizeUpload(key, version, data.length);
        check(fin, 200);
        return Long.parseLong(json(fin).get("entry_id").asText());
    }

    /** Lookup and download; null on a miss. */
    public byte[] restoreV2(String key, String version, String... restoreKeys) {
        HttpResponse<String> r = getUrl(key, version, restoreKeys);
        check(r, 200);
        JsonNode node = json(r);
        if (!node.path("ok").asBoolean()) {
            return null;
        }
        HttpResponse<byte[]> blob = getBytes(node.get("signed_download_url").asText(), null);
        check(blob, 200);
        return blob.body();
    }

    // ---- blob ----

    public HttpResponse<String> putBlob(String url, byte[] data) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("x-ms-blob-type", "BlockBlob")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)));
    }

    public HttpResponse<byte[]> getBytes(String url, String range) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (range != null) {
            b.header("Range", range);
        }
        return sendBytes(b);
    }

    // ---- v1 ----

    public String v1(String resource) {
        return server.v1Url() + "_apis/artifactcache/" + resource;
    }

    public HttpRequest.Builder v1Request(String resource) {
        return HttpRequest.newBuilder(URI.create(v1(resource))).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json;api-version=6.0-preview.1");
    }

    public HttpResponse<String> reserve(String key, String version, Long cacheSize) {
        String body = "{\"key\":\"" + key + "\",\"version\":\"" + version + "\""
                + (cacheSize == null ? "" : ",\"cacheSize\":" + cacheSize) + "}";
        return send(v1Request("caches").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A PATCH whose body goes out with chunked transfer encoding, as Node streams do. */
    public HttpResponse<String> patch(long cacheId, long start, byte[] chunk) {
        return send(v1Request("caches/" + cacheId).header("Content-Type", "application/octet-stream")
                .header("Content-Range", "bytes " + start + "-" + (start + chunk.length - 1) + "/*")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunk))));
    }

    public HttpResponse<String> commit(long cacheId, long size) {
        return send(v1Request("caches/" + cacheId).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"size\":" + size + "}")));
    }

    public HttpResponse<String> lookupV1(String keys, String version) {
        return send(v1Request("cache?keys=" + enc(keys) + "&version=" + enc(version)).GET());
    }

    public long saveV1(String key, String version, byte[] data) {
        HttpResponse<String> r = reserve(key, version, (long) data.length);
        check(r, 201);
        long id = json(r).get("cacheId").asLong();
        if (data.length > 0) {
            check(patch(id, 0, data), 204);
        }
        check(commit(id, data.length), 204);
        return id;
    }

    // ---- plumbing ----

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            String body = response.body();
            if (!body.isEmpty() && body.charAt(0) == '\uFEFF') {
                body = body.substring(1);
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void check(HttpResponse<?> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected HTTP " + status + " from " + response.request().method() + " "
                    + response.uri().getPath() + " but got " + response.statusCode() + ": " + response.body());
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
