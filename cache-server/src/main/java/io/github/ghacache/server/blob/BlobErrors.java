package io.github.ghacache.server.blob;

import io.github.ghacache.server.http.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Azure Storage error answers: an XML body plus the {@code x-ms-error-code} header clients branch on. */
public final class BlobErrors {
    private BlobErrors() {
    }

    public static Response error(int status, String code, String message, String requestId) {
        return error(status, code, message, requestId, null);
    }

    public static Response error(int status, String code, String message, String requestId, String detail) {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + escape(code) + "</Code><Message>"
                + escape(message) + "\nRequestId:" + requestId + "\nTime:" + Instant.now() + "</Message>"
                + (detail == null ? "" : "<AuthenticationErrorDetail>" + escape(detail) + "</AuthenticationErrorDetail>")
                + "</Error>";
        return Response.of(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8))
                .withHeader("x-ms-error-code", code)
                .withHeader("x-ms-version", BlobHandler.API_VERSION);
    }

    /** An injected error, with the code Azure uses for that status. */
    public static Response forStatus(int status, String requestId) {
        return switch (status) {
            case 503 -> error(503, "ServerBusy", "The server is busy.", requestId);
            case 500 -> error(500, "OperationTimedOut", "The operation could not be completed within the permitted time.",
                    requestId);
            case 403 -> error(403, "AuthenticationFailed", "Server failed to authenticate the request.", requestId,
                    "injected");
            case 404 -> error(404, "BlobNotFound", "The specified blob does not exist.", requestId);
            default -> error(status, status >= 500 ? "InternalError" : "InvalidInput", "injected: HTTP " + status,
                    requestId);
        };
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
