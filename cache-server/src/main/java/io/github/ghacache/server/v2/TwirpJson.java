package io.github.ghacache.server.v2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads proto3-JSON request fields the way protobuf's own parsers do: by the proto name (snake_case) or the
 * JSON name (lowerCamelCase), int64 as a string or a number, unknown fields ignored (spec §3.1, §7 row 15).
 */
final class TwirpJson {
    private TwirpJson() {
    }

    static JsonNode field(JsonNode message, String protoName) {
        JsonNode value = message.get(protoName);
        if (value == null || value.isNull()) {
            value = message.get(camel(protoName));
        }
        return value == null || value.isNull() ? null : value;
    }

    static String string(JsonNode message, String protoName) {
        JsonNode value = field(message, protoName);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(protoName + " must be a string");
        }
        return value.asText();
    }

    static long int64(JsonNode message, String protoName) {
        JsonNode value = field(message, protoName);
        if (value == null) {
            return 0;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(protoName + " is not an int64: " + value.asText());
            }
        }
        throw new IllegalArgumentException(protoName + " must be an int64 (string or number)");
    }

    static List<String> strings(JsonNode message, String protoName) {
        JsonNode value = field(message, protoName);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(protoName + " must be an array of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(protoName + " must be an array of strings");
            }
            result.add(item.asText());
        }
        return result;
    }

    static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
