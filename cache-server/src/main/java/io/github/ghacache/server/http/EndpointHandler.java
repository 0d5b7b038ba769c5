package io.github.ghacache.server.http;

import java.io.IOException;

/** One endpoint family (v1, v2, blob): answers its requests and renders injected errors in its own wire format. */
public interface EndpointHandler {
    void handle(Exchange exchange, Endpoint endpoint) throws IOException;

    /**
     * The response for an injected status code, shaped as this family's real errors are.
     *
     * @param json false for a non-protocol (HTML) body
     */
    Response injectedError(int status, boolean json, String requestId);

    /** The HTML body proxies send, used when a fault asks for a non-JSON error. */
    static Response htmlError(int status) {
        String html = "<html><head><title>" + status + "</title></head><body><h1>" + status + "</h1></body></html>";
        return Response.of(status, "text/html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
