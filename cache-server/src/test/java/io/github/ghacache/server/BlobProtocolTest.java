package io.github.ghacache.server;

import static io.github.ghacache.server.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Azure-Blob subset behind the signed URLs (spec §3.6.2, §7 rows 13, 19, 20). */
class BlobProtocolTest {
    private static final String V = "v";
    private static final MutableClock CLOCK = new MutableClock();
    private static CacheServer server;
    private Wire wire;

    @BeforeAll
    static void start() {
        server = CacheServer.builder().clock(CLOCK).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
        wire = new Wire(server);
    }

    private String uploadUrl(String key) {
        return json(wire.create(key, V)).get("signed_upload_url").asText();
    }

    private String downloadUrl(String key) {
        return json(wire.getUrl(key, V)).get("signed_download_url").asText();
    }

    private HttpResponse<String> put(String url, String query, String body, boolean blobType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + query))
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (blobType) {
            b.header("x-ms-blob-type", "BlockBlob");
        }
        return wire.send(b);
    }

    private static String blockId(int i) {
        return Base64.getEncoder().encodeToString(String.format("%048d", i).getBytes(StandardCharsets.US_ASCII));
    }

    private static String enc(String s) {
        return Wire.enc(s);
    }

    @Test
    void putBlobAnswers201WithAzureHeaders() {
        HttpResponse<String> r = wire.putBlob(uploadUrl("k"), new byte[] {1});
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("x-ms-request-id")).isPresent();
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.headers().firstValue("Last-Modified")).isPresent();
        assertThat(r.headers().firstValue("x-ms-version")).isPresent();
        assertThat(r.headers().firstValue("Date")).isPresent();
    }

    @Test
    void putBlobRequiresBlobTypeAndContentLength() {
        String url = uploadUrl("k");
        HttpResponse<String> noType = put(url, "", "abc", false);
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(noType.headers().firstValue("x-ms-error-code")).hasValue("MissingRequiredHeader");
        assertThat(noType.body()).contains("<Error><Code>MissingRequiredHeader</Code>");
        HttpResponse<String> chunked = wire.send(HttpRequest.newBuilder(URI.create(url)).header("x-ms-blob-type", "BlockBlob")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[3]))));
        assertThat(chunked.statusCode()).isEqualTo(411);
    }

    @Test
    void blocksAssembleInBlockListOrder() {
        String url = uploadUrl("blocks");
        assertThat(put(url, "&comp=block&blockid=" + enc(blockId(2)), "world", false).statusCode()).isEqualTo(201);
        assertThat(put(url, "&comp=block&blockid=" + enc(blockId(1)), "hello ", false).statusCode()).isEqualTo(201);
        String list = "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>" + blockId(1) + "</Latest><Latest>"
                + blockId(2) + "</Latest></BlockList>";
        assertThat(put(url, "&comp=blocklist&timeout=30", list, false).statusCode()).isEqualTo(201);
        Wire.check(wire.finalizeUpload("blocks", V, 11), 200);
        assertThat(new String(wire.getBytes(downloadUrl("blocks"), null).body(), StandardCharsets.UTF_8))
                .isEqualTo("hello world");
    }

    @Test
    void committedBlocksCanBeReusedInANewList() {
        String url = uploadUrl("recommit");
        put(url, "&comp=block&blockid=" + enc(blockId(1)), "aa", false);
        put(url, "&comp=block&blockid=" + enc(blockId(2)), "bb", false);
        put(url, "&comp=blocklist", "<BlockList><Uncommitted>" + blockId(1) + "</Uncommitted><Latest>" + blockId(2)
                + "</Latest></BlockList>", false);
        put(url, "&comp=block&blockid=" + enc(blockId(3)), "cc", false);
        Wire.check(put(url, "&comp=blocklist", "<BlockList><Committed>" + blockId(2) + "</Committed><Latest>" + blockId(3)
                + "</Latest><Committed>" + blockId(1) + "</Committed></BlockList>", false), 201);
        Wire.check(wire.finalizeUpload("recommit", V, 6), 200);
        assertThat(new String(wire.getBytes(downloadUrl("recommit"), null).body(), StandardCharsets.UTF_8))
                .isEqualTo("bbccaa");
    }

    @Test
    void unknownBlockInListIsInvalidBlockList() {
        String url = uploadUrl("bad-list");
        HttpResponse<String> r = put(url, "&comp=blocklist", "<BlockList><Latest>" + blockId(9) + "</Latest></BlockList>",
                false);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-ms-error-code")).hasValue("InvalidBlockList");
    }

    @Test
    void blockIdsMustBeBase64OfAtMost64BytesAndOfEqualLength() {
        String url = uploadUrl("ids");
        assertThat(put(url, "&comp=block&blockid=" + enc("not base64!"), "x", false).statusCode()).isEqualTo(400);
        String tooLong = Base64.getEncoder().encodeToString(new byte[65]);
        assertThat(put(url, "&comp=block&blockid=" + enc(tooLong), "x", false).statusCode()).isEqualTo(400);
        assertThat(put(url, "&comp=block&blockid=" + enc(blockId(1)), "x", false).statusCode()).isEqualTo(201);
        String shorter = Base64.getEncoder().encodeToString("1".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = put(url, "&comp=block&blockid=" + enc(shorter), "x", false);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-ms-error-code")).hasValue("InvalidBlockId");
    }

    @Test
    void getSupportsRangeXmsRangeOpenEndedAndSuffixAnd416() {
        wire.saveV2("r", V, "0123456789".getBytes(StandardCharsets.US_ASCII));
        String url = downloadUrl("r");
        HttpResponse<byte[]> full = wire.getBytes(url, null);
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(full.headers().firstValue("x-ms-blob-type")).hasValue("BlockBlob");
        assertThat(full.headers().firstValue("Content-Length")).hasValue("10");

        HttpResponse<byte[]> mid = wire.getBytes(url, "bytes=2-4");
        assertThat(mid.statusCode()).isEqualTo(206);
        assertThat(mid.headers().firstValue("Content-Range")).hasValue("bytes 2-4/10");
        assertThat(new String(mid.body(), StandardCharsets.US_ASCII)).isEqualTo("234");

        HttpResponse<byte[]> open = wire.getBytes(url, "bytes=7-");
        assertThat(new String(open.body(), StandardCharsets.US_ASCII)).isEqualTo("789");
        HttpResponse<byte[]> suffix = wire.getBytes(url, "bytes=-2");
        assertThat(new String(suffix.body(), StandardCharsets.US_ASCII)).isEqualTo("89");

        HttpResponse<byte[]> ms = wire.sendBytes(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=0-0")
                .header("x-ms-range", "bytes=5-6").GET());
        assertThat(new String(ms.body(), StandardCharsets.US_ASCII)).as("x-ms-range wins").isEqualTo("56");

        HttpResponse<byte[]> beyond = wire.getBytes(url, "bytes=10-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("x-ms-error-code")).hasValue("InvalidRange");
    }

    @Test
    void headAnswersPropertiesWithoutBody() {
        wire.saveV2("h", V, new byte[1234]);
        HttpResponse<byte[]> r = wire.sendBytes(HttpRequest.newBuilder(URI.create(downloadUrl("h")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).hasValue("1234");
        assertThat(r.headers().firstValue("x-ms-request-id")).isPresent();
        assertThat(r.body()).isEmpty();
    }

    @Test
    void uploadUrlCannotReadAndDownloadUrlCannotWrite() {
        String up = uploadUrl("perm");
        Wire.check(wire.putBlob(up, new byte[] {1}), 201);
        Wire.check(wire.finalizeUpload("perm", V, 1), 200);
        HttpResponse<byte[]> read = wire.getBytes(up, null);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.headers().firstValue("x-ms-error-code")).hasValue("AuthenticationFailed");
        HttpResponse<String> write = wire.putBlob(downloadUrl("perm"), new byte[] {2});
        assertThat(write.statusCode()).isEqualTo(403);
    }

    @Test
    void tamperedSignatureOrPathIsAuthenticationFailed() {
        wire.saveV2("a", V, new byte[] {1});
        wire.saveV2("b", V, new byte[] {2});
        String a = downloadUrl("a");
        String b = downloadUrl("b");
        String otherBlob = URI.create(b).getPath() + "?" + URI.create(a).getRawQuery();
        HttpResponse<byte[]> r = wire.getBytes("http://127.0.0.1:" + server.port() + otherBlob, null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<Code>AuthenticationFailed</Code>")
                .contains("<AuthenticationErrorDetail>");
        assertThat(wire.getBytes(a.replace("sp=r", "sp=rw"), null).statusCode()).isEqualTo(403);
        assertThat(wire.getBytes(a.substring(0, a.indexOf('?')), null).statusCode()).isEqualTo(403);
    }

    @Test
    void downloadUrlExpiresAfterItsLifetime() {
        wire.saveV2("exp", V, new byte[] {1});
        String url = downloadUrl("exp");
        assertThat(wire.getBytes(url, null).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
        HttpResponse<byte[]> r = wire.getBytes(url, null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("x-ms-error-code")).hasValue("AuthenticationFailed");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("Signed expiry time");
        assertThat(wire.getBytes(downloadUrl("exp"), null).statusCode()).as("a fresh URL works").isEqualTo(200);
    }

    @Test
    void uploadToAFinalizedEntryIsRefusedAndTheEntryIsUnchanged() {
        String url = uploadUrl("immutable");
        Wire.check(wire.putBlob(url, new byte[] {1}), 201);
        Wire.check(wire.finalizeUpload("immutable", V, 1), 200);
        HttpResponse<String> again = wire.putBlob(url, new byte[] {2, 2});
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(wire.getBytes(downloadUrl("immutable"), null).body()).containsExactly(1);
    }

    @Test
    void evictedOrUnknownBlobIs404BlobNotFound() {
        long id = wire.saveV2("gone", V, new byte[] {1});
        String url = downloadUrl("gone");
        server.reset();
        HttpResponse<byte[]> r = wire.getBytes(url, null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("x-ms-error-code")).hasValue("BlobNotFound");
        assertThat(id).isPositive();
    }
}
