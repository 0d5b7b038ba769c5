package io.github.ghacache.storage.gha;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON of the control plane: tolerant reading (BOM, snake_case or camelCase), compact writing. */
final class Json {
    static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    static byte[] write(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** Parses a body; a UTF-8 byte order mark is skipped (v1 error bodies have been seen with one). */
    static JsonNode read(byte[] body) throws IOException {
        String s = new String(body, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        return MAPPER.readTree(s.isBlank() ? "{}" : s);
    }

    /** A field by its proto name or its lowerCamelCase JSON name. */
    static JsonNode field(JsonNode node, String snake) {
        JsonNode v = node.get(snake);
        if (v != null) {
            return v;
        }
        StringBuilder camel = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                camel.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return node.get(camel.toString());
    }

    static String text(JsonNode node, String snake) {
        JsonNode v = field(node, snake);
        return v == null || v.isNull() ? null : v.asText();
    }
}
