package io.github.ghacache.server.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete small response, built by pure code (handlers, error renderers) and sent by {@link Exchange}. */
public record Response(int status, Map<String, String> headers, byte[] body) {
    public Response {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static Response empty(int status) {
        return new Response(status, Map.of(), null);
    }

    public static Response json(int status, String json) {
        return new Response(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public static Response of(int status, String contentType, byte[] body) {
        return new Response(status, Map.of("Content-Type", contentType), body);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
