package io.github.ghacache.server.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghacache.server.http.Response;
import java.nio.charset.StandardCharsets;

/**
 * v1 error bodies in the Azure DevOps (VSS) shape the real service used; clients read {@code message} and
 * go-actions-cache matches {@code typeKey}. The real 429 body carried a UTF-8 BOM, which can be switched on.
 */
public final class VssErrors {
    public static final String LEGACY_SHUTDOWN = "This legacy service is shutting down, effective April 15, 2025. "
            + "Migrate to the new service ASAP.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private VssErrors() {
    }

    public static Response error(int status, String typeKey, String message, boolean bom) {
        ObjectNode node = JSON.createObjectNode();
        node.put("$id", "1");
        node.putNull("innerException");
        node.put("message", message);
        node.put("typeName", "GitHub.Services.Cache.WebApi." + typeKey + ", GitHub.Services.Cache.WebApi");
        node.put("typeKey", typeKey);
        node.put("errorCode", 0);
        node.put("eventId", 3000);
        byte[] json = node.toString().getBytes(StandardCharsets.UTF_8);
        if (bom) {
            byte[] withBom = new byte[json.length + BOM.length];
            System.arraycopy(BOM, 0, withBom, 0, BOM.length);
            System.arraycopy(json, 0, withBom, BOM.length, json.length);
            json = withBom;
        }
        return Response.of(status, "application/json; charset=utf-8", json);
    }

    /** The legacy-shutdown answer github.com gave after retiring v1: a plain {@code message} object. */
    public static Response legacyShutdown() {
        return Response.json(422, JSON.createObjectNode().put("message", LEGACY_SHUTDOWN).toString());
    }

    /** An error for an injected status, with the type key the real service used for it. */
    public static Response forStatus(int status, boolean bom) {
        return switch (status) {
            case 422 -> legacyShutdown();
            case 429 -> error(429, "RequestBlockedException",
                    "Request was blocked due to exceeding usage of resource 'Count' in namespace ''.", bom);
            case 401 -> error(401, "UnauthorizedRequestException", "injected: unauthorized", bom);
            case 403 -> error(403, "AccessDeniedException", "injected: access denied", bom);
            case 404 -> error(404, "NotFoundException", "injected: not found", bom);
            default -> error(status, status >= 500 ? "InternalServerErrorException" : "ArgumentException",
                    "injected: HTTP " + status, bom);
        };
    }
}
