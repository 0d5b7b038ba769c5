package io.github.ghacache.server.blob;

import io.github.ghacache.server.http.Endpoint;
import io.github.ghacache.server.http.EndpointHandler;
import io.github.ghacache.server.http.Exchange;
import io.github.ghacache.server.http.Response;
import io.github.ghacache.server.store.BlockRef;
import io.github.ghacache.server.store.CacheStore;
import io.github.ghacache.server.store.StoreException;
import io.github.ghacache.server.store.StoredBlob;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Azure Blob subset behind the signed URLs (spec §3.6.2): Put Blob, Put Block, Put Block List, Get Blob with
 * ranges, and HEAD. Authorisation is the SAS alone; there is no bearer token on this plane.
 */
public final class BlobHandler implements EndpointHandler {
    static final String API_VERSION = "2025-01-05";
    private static final int MAX_BLOCK_LIST_BYTES = 8 * 1024 * 1024;

    private final CacheStore store;
    private final SignedUrls urls;
    private final Clock clock;

    public BlobHandler(CacheStore store, SignedUrls urls, Clock clock) {
        this.store = store;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    public void handle(Exchange ex, Endpoint endpoint) throws IOException {
        String[] segments = ex.path().split("/");
        // "", account, container, blob
        if (segments.length != 4 || !segments[2].equals(SignedUrls.CONTAINER) || !segments[3].matches("[0-9]{1,18}")) {
            ex.send(BlobErrors.error(404, "BlobNotFound", "The specified blob does not exist.", ex.requestId()));
            return;
        }
        if (endpoint == Endpoint.BLOB_UNKNOWN) {
            ex.send(BlobErrors.error(405, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb.",
                    ex.requestId()));
            return;
        }
        long id = Long.parseLong(segments[3]);
        boolean read = endpoint == Endpoint.BLOB_GET;
        SignedUrls.Verdict verdict = ex.forceExpiredUrl()
                ? SignedUrls.expired(clock.instant(), ex.query().getOrDefault("se", "?"))
                : urls.verify(ex.path(), ex.query(), read ? 'r' : 'w');
        if (!verdict.ok()) {
            ex.send(BlobErrors.error(403, "AuthenticationFailed", "Server failed to authenticate the request. Make sure"
                    + " the value of Authorization header is formed correctly including the signature.", ex.requestId(),
                    verdict.detail()));
            return;
        }
        try {
            switch (endpoint) {
                case BLOB_GET -> get(ex, id);
                case BLOB_PUT -> putBlob(ex, id);
                case BLOB_PUT_BLOCK -> putBlock(ex, id);
                case BLOB_PUT_BLOCK_LIST -> putBlockList(ex, id);
                default -> throw new IllegalStateException(endpoint.name());
            }
        } catch (StoreException e) {
            ex.send(switch (e.kind()) {
                case NOT_FOUND -> BlobErrors.error(404, "BlobNotFound", e.getMessage(), ex.requestId());
                case ALREADY_EXISTS -> BlobErrors.error(409, "BlobImmutableDueToPolicy", e.getMessage(), ex.requestId());
                default -> BlobErrors.error(400, e.getMessage().contains("block id") ? "InvalidBlockId" : "InvalidBlockList",
                        e.getMessage(), ex.requestId());
            });
        }
    }

    private void get(Exchange ex, long id) throws IOException {
        StoredBlob blob = store.openForRead(id).orElse(null);
        if (blob == null) {
            ex.send(BlobErrors.error(404, "BlobNotFound", "The specified blob does not exist.", ex.requestId()));
            return;
        }
        long size = blob.entry().size();
        Map<String, String> headers = new LinkedHashMap<>(properties(id, blob));
        ByteRange range = ByteRange.resolve(ex.header("x-ms-range"), ex.header("Range"), size);
        if (!range.satisfiable()) {
            ex.send(BlobErrors.error(416, "InvalidRange", "The range specified is invalid for the current size of the"
                    + " resource.", ex.requestId()).withHeader("Content-Range", "bytes */" + size));
            return;
        }
        int status = range.partial() ? 206 : 200;
        long length = size == 0 ? 0 : range.length();
        if (range.partial()) {
            headers.put("Content-Range", "bytes " + range.start() + "-" + range.end() + "/" + size);
        }
        headers.put("Content-Length", Long.toString(length));
        if (ex.method().equals("HEAD")) {
            ex.sendHead(status, headers);
        } else {
            headers.remove("Content-Length"); // the JDK server sets it from the length passed in
            ex.sendFile(status, headers, blob.file(), range.start(), length);
        }
    }

    private Map<String, String> properties(long id, StoredBlob blob) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/octet-stream");
        h.put("ETag", etag(id));
        h.put("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(blob.entry().created().atOffset(ZoneOffset.UTC)));
        h.put("Accept-Ranges", "bytes");
        h.put("x-ms-blob-type", "BlockBlob");
        h.put("x-ms-version", API_VERSION);
        return h;
    }

    private void putBlob(Exchange ex, long id) throws IOException, StoreException {
        if (!uploadable(ex, id)) {
            return;
        }
        String type = ex.header("x-ms-blob-type");
        if (type == null) {
            ex.send(BlobErrors.error(400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is"
                    + " not specified: x-ms-blob-type", ex.requestId()));
            return;
        }
        if (!type.equals("BlockBlob")) {
            ex.send(BlobErrors.error(400, "InvalidHeaderValue", "Only BlockBlob is supported, got " + type, ex.requestId()));
            return;
        }
        long length = ex.contentLength();
        if (length < 0) {
            ex.send(BlobErrors.error(411, "MissingContentLength", "Content-Length is required", ex.requestId()));
            return;
        }
        store.putBlob(id, ex.body(), length);
        ex.send(created(id));
    }

    private void putBlock(Exchange ex, long id) throws IOException, StoreException {
        if (!uploadable(ex, id)) {
            return;
        }
        String blockId = ex.query().get("blockid");
        if (blockId == null || blockId.isEmpty()) {
            ex.send(BlobErrors.error(400, "InvalidQueryParameterValue", "blockid is required", ex.requestId()));
            return;
        }
        long length = ex.contentLength();
        if (length < 0) {
            ex.send(BlobErrors.error(411, "MissingContentLength", "Content-Length is required", ex.requestId()));
            return;
        }
        store.putBlock(id, blockId, ex.body(), length);
        ex.send(created(id));
    }

    private void putBlockList(Exchange ex, long id) throws IOException, StoreException {
        if (!uploadable(ex, id)) {
            return;
        }
        List<BlockRef> list;
        try {
            list = BlockListXml.parse(ex.readBody(MAX_BLOCK_LIST_BYTES));
        } catch (IllegalArgumentException e) {
            ex.send(BlobErrors.error(400, "InvalidXmlDocument", e.getMessage(), ex.requestId()));
            return;
        }
        store.putBlockList(id, list);
        ex.send(created(id));
    }

    /** Uploads go only to an open reservation; a finalized entry is immutable. */
    private boolean uploadable(Exchange ex, long id) throws IOException {
        if (store.isOpen(id)) {
            return true;
        }
        if (store.openForRead(id).isPresent()) {
            ex.send(BlobErrors.error(409, "BlobImmutableDueToPolicy", "This operation is not permitted as the blob is"
                    + " immutable (the cache entry is finalized).", ex.requestId()));
        } else {
            ex.send(BlobErrors.error(404, "BlobNotFound", "No open upload for this blob (unknown, expired or finished).",
                    ex.requestId()));
        }
        return false;
    }

    private Response created(long id) {
        return Response.empty(201)
                .withHeader("ETag", etag(id))
                .withHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)))
                .withHeader("x-ms-version", API_VERSION)
                .withHeader("x-ms-request-server-encrypted", "true");
    }

    private static String etag(long id) {
        return "\"0x8DC" + String.format("%013X", id) + "\"";
    }

    @Override
    public Response injectedError(int status, boolean json, String requestId) {
        return json ? BlobErrors.forStatus(status, requestId) : EndpointHandler.htmlError(status);
    }
}
