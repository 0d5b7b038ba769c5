package io.github.ghacache.server.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of the request log, for assertions: what came in, how it was classified, what went out.
 *
 * @param status the status sent, or 0 when the connection was dropped before any answer
 * @param fault the injected fault's description, or null
 */
public record RecordedRequest(long sequence, Instant time, String method, String path, String query, Endpoint endpoint,
        Map<String, List<String>> headers, long requestBytes, int status, String fault) {

    public String header(String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
