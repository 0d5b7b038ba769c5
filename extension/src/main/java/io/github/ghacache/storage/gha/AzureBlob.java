package io.github.ghacache.storage.gha;

import io.github.ghacache.http.HttpStatusException;
import io.github.ghacache.http.HttpTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Uploads a file to a signed Azure Blob URL: one Put Blob when small, else Put Block in parallel and one
 * Put Block List. The URL's query string is the credential, so no Authorization header is sent.
 */
final class AzureBlob {
    static final String API_VERSION = "2023-11-03";

    private final HttpTransport http;
    private final ExecutorService transfers;
    private final long singleShotLimit;
    private final int blockSize;

    AzureBlob(HttpTransport http, ExecutorService transfers, long singleShotLimit, int blockSize) {
        this.http = http;
        this.transfers = transfers;
        this.singleShotLimit = singleShotLimit;
        this.blockSize = blockSize;
    }

    void upload(String sasUrl, Path file, long size) throws IOException {
        if (size <= singleShotLimit) {
            HttpTransport.Response r = http.send("PUT", sasUrl, Map.of("x-ms-blob-type", "BlockBlob",
                    "x-ms-version", API_VERSION), () -> FileRangeEntity.of(file, 0, size), true);
            expect201(r, "Put Blob");
            return;
        }
        BlockIds ids = BlockIds.random();
        int blocks = (int) ((size + blockSize - 1) / blockSize);
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            long offset = (long) i * blockSize;
            long length = Math.min(blockSize, size - offset);
            String url = sasUrl + (sasUrl.contains("?") ? "&" : "?") + "comp=block&blockid="
                    + java.net.URLEncoder.encode(ids.id(i), StandardCharsets.UTF_8);
            pending.add(transfers.submit(() -> {
                HttpTransport.Response r = http.send("PUT", url, Map.of("x-ms-version", API_VERSION),
                        () -> FileRangeEntity.of(file, offset, length), true);
                expect201(r, "Put Block");
                return null;
            }));
        }
        Transfers.await(pending);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        for (int i = 0; i < blocks; i++) {
            xml.append("<Latest>").append(ids.id(i)).append("</Latest>");
        }
        xml.append("</BlockList>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        String url = sasUrl + (sasUrl.contains("?") ? "&" : "?") + "comp=blocklist";
        HttpTransport.Response r = http.send("PUT", url, Map.of("x-ms-version", API_VERSION),
                () -> new ByteArrayEntity(body, ContentType.APPLICATION_XML), true);
        expect201(r, "Put Block List");
    }


    private void expect201(HttpTransport.Response r, String what) throws HttpStatusException {
        if (r.status() != 201 && r.status() != 200) {
            String code = r.header("x-ms-error-code");
            throw new HttpStatusException(what + " answered " + r.status() + (code == null ? "" : " " + code),
                    r.status(), http.redactor().text(new String(r.body(), StandardCharsets.UTF_8)));
        }
    }
}
