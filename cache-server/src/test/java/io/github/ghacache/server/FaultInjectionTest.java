package io.github.ghacache.server;

import static io.github.ghacache.server.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghacache.server.fault.EndpointSelector;
import io.github.ghacache.server.fault.Fault;
import io.github.ghacache.server.fault.FaultSpec;
import io.github.ghacache.server.http.Endpoint;
import io.github.ghacache.server.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected failures (spec §7 "Failures worth injecting"), switched from Java; the CLI form is in FaultSpec. */
class FaultInjectionTest {
    private static final String V = "v";
    private static final List<Duration> SLEPT = new CopyOnWriteArrayList<>();
    private static CacheServer server;
    private Wire wire;

    @BeforeAll
    static void start() {
        server = CacheServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
        SLEPT.clear();
        server.sleeper(SLEPT::add);
        wire = new Wire(server);
    }

    @Test
    void rateLimitWithRetryAfterOnTheNextNCallsOfOneEndpoint() {
        server.faults().next(2, Endpoint.V2_CREATE, Fault.rateLimited("7"));
        HttpResponse<String> first = wire.create("k", V);
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(first).get("code").asText()).isEqualTo("resource_exhausted");
        assertThat(wire.getUrl("k", V).statusCode()).as("other endpoints unaffected").isEqualTo(200);
        assertThat(wire.create("k", V).statusCode()).isEqualTo(429);
        assertThat(wire.create("k", V).statusCode()).as("budget used up").isEqualTo(200);
        assertThat(server.faults().pending()).isZero();
    }

    @Test
    void retryAfterMayBeAnHttpDateGarbageOrAbsent() {
        server.faults().next(1, Endpoint.V2_CREATE, Fault.rateLimited("Wed, 21 Oct 2026 07:28:00 GMT"))
                .next(1, Endpoint.V2_CREATE, Fault.rateLimited("soon"))
                .next(1, Endpoint.V2_CREATE, Fault.rateLimited(null));
        assertThat(wire.create("k", V).headers().firstValue("Retry-After")).hasValue("Wed, 21 Oct 2026 07:28:00 GMT");
        assertThat(wire.create("k", V).headers().firstValue("Retry-After")).hasValue("soon");
        HttpResponse<String> none = wire.create("k", V);
        assertThat(none.statusCode()).isEqualTo(429);
        assertThat(none.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void v1RateLimitIsVssJsonAndHtmlBodiesCanBeInjected() {
        server.faults().next(1, Endpoint.V1_RESERVE, Fault.rateLimited("3"))
                .next(1, Endpoint.Family.V2, Fault.statusWithHtmlBody(503));
        HttpResponse<String> v1 = wire.reserve("k", V, 1L);
        assertThat(v1.statusCode()).isEqualTo(429);
        assertThat(json(v1).get("typeKey").asText()).isEqualTo("RequestBlockedException");
        HttpResponse<String> html = wire.create("k", V);
        assertThat(html.statusCode()).isEqualTo(503);
        assertThat(html.body()).startsWith("<html>");
    }

    @Test
    void serverErrorsPerFamilyUseTheirOwnErrorFormat() {
        server.faults().next(1, Endpoint.V2_GET_URL, Fault.status(500))
                .next(1, Endpoint.BLOB_PUT, Fault.status(503))
                .next(1, Endpoint.V1_LOOKUP, Fault.status(502));
        HttpResponse<String> v2 = wire.getUrl("k", V);
        assertThat(v2.statusCode()).isEqualTo(500);
        assertThat(json(v2).get("code").asText()).isEqualTo("internal");
        String url = json(wire.create("k", V)).get("signed_upload_url").asText();
        HttpResponse<String> blob = wire.putBlob(url, new byte[] {1});
        assertThat(blob.statusCode()).isEqualTo(503);
        assertThat(blob.headers().firstValue("x-ms-error-code")).hasValue("ServerBusy");
        assertThat(wire.lookupV1("k", V).statusCode()).isEqualTo(502);
        assertThat(wire.putBlob(url, new byte[] {1}).statusCode()).as("retry succeeds").isEqualTo(201);
    }

    @Test
    void latencyDelaysANormalAnswer() {
        server.faults().next(1, EndpointSelector.ANY, Fault.latency(Duration.ofMillis(1500)));
        assertThat(wire.getUrl("k", V).statusCode()).isEqualTo(200);
        assertThat(SLEPT).containsExactly(Duration.ofMillis(1500));
        assertThat(server.requestLog().all().get(0).fault()).isEqualTo("latency 1500ms");
    }

    @Test
    void droppedConnectionGetsNoAnswerAndIsLogged() {
        server.faults().next(1, Endpoint.V2_FINALIZE, Fault.dropConnection());
        String url = json(wire.create("k", V)).get("signed_upload_url").asText();
        wire.putBlob(url, new byte[] {1});
        assertThatThrownBy(() -> wire.finalizeUpload("k", V, 1)).hasCauseInstanceOf(IOException.class);
        RecordedRequest dropped = server.requestLog().of(Endpoint.V2_FINALIZE).get(0);
        assertThat(dropped.status()).isZero();
        assertThat(dropped.fault()).isEqualTo("drop");
        assertThat(json(wire.finalizeUpload("k", V, 1)).get("ok").asBoolean()).as("the retry commits").isTrue();
    }

    @Test
    void truncatedDownloadAnnouncesFullLengthThenCloses() throws Exception {
        byte[] data = new byte[200_000];
        new Random(3).nextBytes(data);
        wire.saveV2("t", V, data);
        String url = json(wire.getUrl("t", V)).get("signed_download_url").asText();
        server.faults().next(1, Endpoint.BLOB_GET, Fault.truncateBody(1000));
        // HttpURLConnection lets us see the announced length and the short body separately
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        assertThat(c.getResponseCode()).isEqualTo(200);
        assertThat(c.getContentLengthLong()).isEqualTo(data.length);
        byte[] got = new byte[data.length];
        int n = 0;
        try (InputStream in = c.getInputStream()) {
            int r;
            while (n < got.length && (r = in.read(got, n, got.length - n)) > 0) {
                n += r;
            }
        } catch (IOException expected) {
            // premature EOF is the point
        }
        assertThat(n).isEqualTo(1000);
        assertThat(wire.getBytes(url, null).body()).as("next download is whole").isEqualTo(data);
    }

    @Test
    void corruptedDownloadKeepsLengthButChangesBytes() {
        byte[] data = "the quick brown fox".getBytes(StandardCharsets.US_ASCII);
        wire.saveV2("c", V, data);
        String url = json(wire.getUrl("c", V)).get("signed_download_url").asText();
        server.faults().next(1, Endpoint.BLOB_GET, Fault.corruptBody());
        HttpResponse<byte[]> bad = wire.getBytes(url, null);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).hasSameSizeAs(data).isNotEqualTo(data);
        assertThat(wire.getBytes(url, null).body()).isEqualTo(data);
    }

    @Test
    void expiredUrlFaultAnswers403AuthenticationFailed() {
        wire.saveV2("e", V, new byte[] {1});
        String url = json(wire.getUrl("e", V)).get("signed_download_url").asText();
        server.faults().next(1, Endpoint.BLOB_GET, Fault.expiredUrl());
        HttpResponse<byte[]> r = wire.getBytes(url, null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("x-ms-error-code")).hasValue("AuthenticationFailed");
        assertThat(wire.getBytes(url, null).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsFromCommandLineSpecsApplyAlike() {
        server.faults().add(FaultSpec.parse("v2-create=429:5@1")).add(FaultSpec.parse("v1=503@1"));
        HttpResponse<String> r = wire.create("k", V);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(wire.lookupV1("k", V).statusCode()).isEqualTo(503);
        assertThat(wire.lookupV1("k", V).statusCode()).isEqualTo(204);
    }

    @Test
    void requestLogCountsAndRecordsStatusAndFault() {
        server.faults().next(1, Endpoint.V2_CREATE, Fault.status(500));
        wire.create("k", V);
        wire.create("k", V);
        List<RecordedRequest> creates = server.requestLog().of(Endpoint.V2_CREATE);
        assertThat(creates).extracting(RecordedRequest::status).containsExactly(500, 200);
        assertThat(creates.get(0).fault()).isEqualTo("status 500");
        assertThat(creates.get(1).fault()).isNull();
        assertThat(server.requestLog().count(Endpoint.V2_CREATE)).isEqualTo(2);
        assertThat(creates.get(0).sequence()).isLessThan(creates.get(1).sequence());
    }
}
