package io.github.ghacache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghacache.server.blob.BlockListXml;
import io.github.ghacache.server.blob.ByteRange;
import io.github.ghacache.server.fault.EndpointSelector;
import io.github.ghacache.server.fault.Fault;
import io.github.ghacache.server.fault.FaultSpec;
import io.github.ghacache.server.http.Endpoint;
import io.github.ghacache.server.store.BlockRef;
import io.github.ghacache.server.v1.ContentRange;
import io.github.ghacache.server.v2.MissShape;
import io.github.ghacache.server.v2.TwirpErrors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pure parsing pieces: no socket, no disk. */
class ParsersTest {

    @Test
    void endpointsAreClassifiedFromMethodAndPathUnderAnyPrefix() {
        assertThat(Endpoint.classify("GET", "/x/y/_apis/artifactcache/cache", "keys=a")).isEqualTo(Endpoint.V1_LOOKUP);
        assertThat(Endpoint.classify("POST", "/_apis/artifactcache/caches", null)).isEqualTo(Endpoint.V1_RESERVE);
        assertThat(Endpoint.classify("GET", "/p/_apis/artifactcache/caches", "key=a")).isEqualTo(Endpoint.V1_LIST);
        assertThat(Endpoint.classify("PATCH", "/p/_apis/artifactcache/caches/12", null)).isEqualTo(Endpoint.V1_UPLOAD);
        assertThat(Endpoint.classify("POST", "/p/_apis/artifactcache/caches/12", null)).isEqualTo(Endpoint.V1_COMMIT);
        assertThat(Endpoint.classify("DELETE", "/p/_apis/artifactcache/caches/12", null)).isEqualTo(Endpoint.V1_UNKNOWN);
        assertThat(Endpoint.classify("POST", "/twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry", null))
                .isEqualTo(Endpoint.V2_CREATE);
        assertThat(Endpoint.classify("POST", "/pre/twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL",
                null)).isEqualTo(Endpoint.V2_GET_URL);
        assertThat(Endpoint.classify("POST", "/twirp/other.Service/X", null)).isEqualTo(Endpoint.V2_UNKNOWN);
        assertThat(Endpoint.classify("PUT", "/devstoreaccount1/actions-cache/3", "sv=1&comp=block&blockid=x"))
                .isEqualTo(Endpoint.BLOB_PUT_BLOCK);
        assertThat(Endpoint.classify("PUT", "/devstoreaccount1/actions-cache/3", "comp=blocklist&sv=1"))
                .isEqualTo(Endpoint.BLOB_PUT_BLOCK_LIST);
        assertThat(Endpoint.classify("PUT", "/devstoreaccount1/actions-cache/3", "sv=1")).isEqualTo(Endpoint.BLOB_PUT);
        assertThat(Endpoint.classify("HEAD", "/devstoreaccount1/actions-cache/3", "sv=1")).isEqualTo(Endpoint.BLOB_GET);
        assertThat(Endpoint.classify("GET", "/favicon.ico", null)).isEqualTo(Endpoint.NOT_FOUND);
    }

    @Test
    void contentRangeIsInclusiveWithStarTotal() {
        assertThat(ContentRange.parse("bytes 0-1048575/*")).isEqualTo(new ContentRange(0, 1048575));
        assertThat(ContentRange.parse("bytes 10-10/*")).isEqualTo(new ContentRange(10, 10));
        for (String bad : new String[] {null, "0-1/*", "bytes 5-1/*", "bytes x-1/*", "bytes -1/*"}) {
            assertThatThrownBy(() -> ContentRange.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void byteRangesFollowAzureRules() {
        assertThat(ByteRange.resolve(null, null, 10)).isEqualTo(new ByteRange(false, true, 0, 9));
        assertThat(ByteRange.resolve(null, "bytes=2-4", 10)).isEqualTo(new ByteRange(true, true, 2, 4));
        assertThat(ByteRange.resolve(null, "bytes=2-400", 10)).isEqualTo(new ByteRange(true, true, 2, 9));
        assertThat(ByteRange.resolve(null, "bytes=7-", 10)).isEqualTo(new ByteRange(true, true, 7, 9));
        assertThat(ByteRange.resolve(null, "bytes=-3", 10)).isEqualTo(new ByteRange(true, true, 7, 9));
        assertThat(ByteRange.resolve("bytes=1-1", "bytes=2-4", 10)).isEqualTo(new ByteRange(true, true, 1, 1));
        assertThat(ByteRange.resolve(null, "bytes=10-", 10).satisfiable()).isFalse();
        assertThat(ByteRange.resolve(null, "bytes=0-", 0).satisfiable()).isFalse();
        assertThat(ByteRange.resolve(null, "items=0-1", 10).partial()).isFalse();
    }

    @Test
    void blockListKeepsOrderAndSourceAndRefusesDoctypes() {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>QQ==</Latest>"
                + "<Committed>Qg==</Committed><Uncommitted>Qw==</Uncommitted></BlockList>";
        assertThat(BlockListXml.parse(xml.getBytes(StandardCharsets.UTF_8))).containsExactly(
                new BlockRef("QQ==", BlockRef.Source.LATEST), new BlockRef("Qg==", BlockRef.Source.COMMITTED),
                new BlockRef("Qw==", BlockRef.Source.UNCOMMITTED));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<BlockList><Latest>&e;</Latest></BlockList>";
        assertThatThrownBy(() -> BlockListXml.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockListXml.parse("<Other/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twirpCodesMapToTheV7StatusTable() {
        assertThat(TwirpErrors.statusOf("already_exists")).isEqualTo(409);
        assertThat(TwirpErrors.statusOf("bad_route")).isEqualTo(404);
        assertThat(TwirpErrors.statusOf("not_found")).isEqualTo(404);
        assertThat(TwirpErrors.statusOf("permission_denied")).isEqualTo(403);
        assertThat(TwirpErrors.statusOf("unauthenticated")).isEqualTo(401);
        assertThat(TwirpErrors.statusOf("resource_exhausted")).isEqualTo(429);
        assertThat(TwirpErrors.statusOf("malformed")).isEqualTo(400);
        assertThat(TwirpErrors.statusOf("failed_precondition")).isEqualTo(412);
        assertThat(TwirpErrors.statusOf("unimplemented")).isEqualTo(501);
        assertThat(TwirpErrors.statusOf("unavailable")).isEqualTo(503);
        assertThat(TwirpErrors.statusOf("dataloss")).isEqualTo(500);
        assertThat(TwirpErrors.statusOf("canceled")).isEqualTo(408);
        assertThat(TwirpErrors.error("already_exists", "m").bodyText()).contains("\"code\":\"already_exists\"")
                .contains("\"msg\":\"m\"");
    }

    @Test
    void faultSpecsParse() {
        FaultSpec rate = FaultSpec.parse("v2-create=429:5@2");
        assertThat(rate.selector()).isEqualTo(EndpointSelector.of(Endpoint.V2_CREATE));
        assertThat(rate.fault()).isEqualTo(Fault.rateLimited("5"));
        assertThat(rate.times()).isEqualTo(2);
        assertThat(FaultSpec.parse("v1=422")).isEqualTo(new FaultSpec(EndpointSelector.of(Endpoint.Family.V1),
                Fault.legacyShutdown(), -1));
        assertThat(FaultSpec.parse("any=latency:250@3").fault()).isEqualTo(Fault.latency(Duration.ofMillis(250)));
        assertThat(FaultSpec.parse("blob-get=truncate:100").fault()).isEqualTo(Fault.truncateBody(100));
        assertThat(FaultSpec.parse("blob-get=corrupt@1").fault()).isEqualTo(Fault.corruptBody());
        assertThat(FaultSpec.parse("blob=expired-url").fault()).isEqualTo(Fault.expiredUrl());
        assertThat(FaultSpec.parse("v2-finalize=drop@1").fault()).isEqualTo(Fault.dropConnection());
        assertThat(FaultSpec.parse("v2=html:503").fault()).isEqualTo(Fault.statusWithHtmlBody(503));
        for (String bad : new String[] {"v2-create", "nope=500", "v2=99", "v2=500@0", "v2=latency", "v2=wat"}) {
            assertThatThrownBy(() -> FaultSpec.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void commandLineOptionsParse() {
        CliOptions o = CliOptions.parse("--port", "0", "--dir", "/tmp/x", "--cap=500m", "--fault", "v1=503@1",
                "--fault=v2-create=429:2", "--read-ref", "refs/heads/main", "--ref", "refs/pull/1/merge",
                "--miss-shape", "empty", "--visibility-delay", "3s", "--v1-retired", "--case-sensitive-keys");
        assertThat(o.port).isZero();
        assertThat(o.host).isEqualTo("127.0.0.1");
        assertThat(o.dir).hasToString("/tmp/x");
        assertThat(o.settings.capBytes()).isEqualTo(500L << 20);
        assertThat(o.settings.visibilityDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.settings.caseInsensitiveKeys()).isFalse();
        assertThat(o.faults).hasSize(3);
        assertThat(o.missShape).isEqualTo(MissShape.EMPTY);
        assertThat(o.scopes()).extracting(s -> s.scope() + ":" + s.permission())
                .containsExactly("refs/pull/1/merge:3", "refs/heads/main:1");
        assertThat(CliOptions.parse("--help").help).isTrue();
        assertThat(CliOptions.duration("x", "7d")).isEqualTo(Duration.ofDays(7));
        assertThat(CliOptions.duration("x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(CliOptions.duration("x", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(CliOptions.size("x", "10g")).isEqualTo(10L << 30);
        assertThat(CliOptions.size("x", "123")).isEqualTo(123);
        assertThatThrownBy(() -> CliOptions.parse("--port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CliOptions.parse("--bogus", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CliOptions.parse("--port", "70000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void helpListsEveryOption() {
        for (String option : new String[] {"--port", "--dir", "--host", "--cap", "--fault", "--ref", "--read-ref",
                "--token-lifetime", "--download-url-lifetime", "--upload-url-lifetime", "--miss-shape", "--v1-retired",
                "--v1-error-bom", "--visibility-delay", "--creates-per-minute", "--reservation-ttl", "--idle-eviction",
                "--case-sensitive-keys", "--advertise-host", "--verbose", "--help"}) {
            assertThat(CliOptions.HELP).as(option).contains(option);
        }
        assertThat(CliOptions.HELP).contains("default 127.0.0.1");
    }
}
