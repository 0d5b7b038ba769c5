package io.github.ghacache.server.v2;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghacache.server.http.Response;

/**
 * The Twirp error envelope {@code {"code","msg"}} with the Twirp v7 code-to-status table (spec §3.4). A copy of
 * {@code msg} goes in {@code message} because go-actions-cache reads that name.
 */
public final class TwirpErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TwirpErrors() {
    }

    public static int statusOf(String code) {
        return switch (code) {
            case "canceled", "deadline_exceeded" -> 408;
            case "invalid_argument", "malformed", "out_of_range" -> 400;
            case "not_found", "bad_route" -> 404;
            case "already_exists", "aborted" -> 409;
            case "permission_denied" -> 403;
            case "unauthenticated" -> 401;
            case "resource_exhausted" -> 429;
            case "failed_precondition" -> 412;
            case "unimplemented" -> 501;
            case "unavailable" -> 503;
            default -> 500; // unknown, internal, dataloss
        };
    }

    /** The natural Twirp code for an HTTP status (used for injected errors). */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "invalid_argument";
            case 401 -> "unauthenticated";
            case 403 -> "permission_denied";
            case 404 -> "not_found";
            case 408 -> "deadline_exceeded";
            case 409 -> "already_exists";
            case 412 -> "failed_precondition";
            case 429 -> "resource_exhausted";
            case 501 -> "unimplemented";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "unknown";
        };
    }

    public static Response error(String code, String msg) {
        String body = JSON.createObjectNode().put("code", code).put("msg", msg).put("message", msg).toString();
        return Response.json(statusOf(code), body);
    }

    /** An injected error: status as asked, code from the table. */
    public static Response forStatus(int status) {
        String code = codeOf(status);
        String body = JSON.createObjectNode().put("code", code).put("msg", "injected: HTTP " + status)
                .put("message", "injected: HTTP " + status).toString();
        return Response.json(status, body);
    }
}
