package io.github.ghacache.server;

import static io.github.ghacache.server.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghacache.server.auth.TokenScope;
import io.github.ghacache.server.http.Endpoint;
import io.github.ghacache.server.v2.MissShape;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v2 Twirp service over real HTTP (spec §3, §7 rows 1, 3-5, 14-18). */
class V2ProtocolTest {
    private static final String V = "41d1ec4cf4a0f14e35637462cb542fdb4ca2f7d94ec87d84b439a859c4ebe98f";
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
        wire = new Wire(server);
    }

    @Test
    void saveThenRestoreByExactKey() {
        byte[] data = "hello v2".getBytes(StandardCharsets.UTF_8);
        long id = wire.saveV2("maven-linux-abc", V, data);

        HttpResponse<String> r = wire.getUrl("maven-linux-abc", V);
        JsonNode node = json(r);
        assertThat(node.get("ok").asBoolean()).isTrue();
        assertThat(node.get("matched_key").asText()).isEqualTo("maven-linux-abc");
        assertThat(node.get("signed_download_url").asText()).contains("/devstoreaccount1/actions-cache/" + id + "?");
        assertThat(wire.restoreV2("maven-linux-abc", V)).isEqualTo(data);
    }

    @Test
    void createAnswersSignedUploadUrlAndFinalizeAnswersEntryIdAsString() {
        JsonNode created = json(wire.create("k", V));
        assertThat(created.get("ok").isBoolean()).isTrue();
        assertThat(created.get("ok").asBoolean()).isTrue();
        String url = created.get("signed_upload_url").asText();
        assertThat(URI.create(url).getPath().split("/")).hasSize(4); // "", account, container, blob
        assertThat(url).contains("sp=cw").contains("sig=").contains("se=");
        Wire.check(wire.putBlob(url, new byte[] {1, 2, 3}), 201);

        JsonNode fin = json(wire.finalizeUpload("k", V, 3));
        assertThat(fin.get("ok").asBoolean()).isTrue();
        assertThat(fin.get("entry_id").isTextual()).as("int64 goes out as a JSON string").isTrue();
    }

    @Test
    void missIsOkFalseWithStatus200() {
        HttpResponse<String> r = wire.getUrl("nothing-here", V, "nothing-");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("ok").asBoolean()).isFalse();
        assertThat(json(r).has("ok")).as("ok is explicit even when false").isTrue();
    }

    @Test
    void missShapeCanBeEmptyObjectOrNotFound() {
        server.missShape(MissShape.EMPTY);
        assertThat(wire.getUrl("x", V).body()).isEqualTo("{}");
        server.missShape(MissShape.NOT_FOUND);
        HttpResponse<String> r = wire.getUrl("x", V);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void versionMustMatchExactly() {
        wire.saveV2("k", V, new byte[] {1});
        assertThat(json(wire.getUrl("k", V.toUpperCase())).get("ok").asBoolean()).isFalse();
        assertThat(json(wire.getUrl("k", "other")).get("ok").asBoolean()).isFalse();
    }

    @Test
    void prefixMatchReturnsNewestAndRestoreKeysComeAfterThePrimary() {
        wire.saveV2("deps-linux-foo22", V, new byte[] {1});
        wire.saveV2("deps-linux-fo", V, new byte[] {2});
        wire.saveV2("deps-linux-foo1", V, new byte[] {3});

        assertThat(json(wire.getUrl("deps-linux-foo", V)).get("matched_key").asText()).isEqualTo("deps-linux-foo1");
        assertThat(json(wire.getUrl("deps-linux-", V)).get("matched_key").asText()).isEqualTo("deps-linux-foo1");
        assertThat(json(wire.getUrl("deps-linux-foo3", V)).get("ok").asBoolean()).isFalse();
        assertThat(json(wire.getUrl("deps-linux-foo3", V, "deps-linux-foo2", "deps-linux-")).get("matched_key").asText())
                .isEqualTo("deps-linux-foo22");
    }

    @Test
    void keysMatchCaseInsensitivelyAndAnswerTheStoredCase() {
        wire.saveV2("Maven-Linux-ABC", V, new byte[] {1});
        assertThat(json(wire.getUrl("maven-linux-abc", V)).get("matched_key").asText()).isEqualTo("Maven-Linux-ABC");
        assertThat(wire.create("MAVEN-LINUX-ABC", V).statusCode()).isEqualTo(409);
    }

    @Test
    void secondCreateOfSameTripleIs409AlreadyExistsWhileReservedAndAfterFinalize() {
        Wire.check(wire.create("k", V), 200);
        HttpResponse<String> again = wire.create("k", V);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("code").asText()).isEqualTo("already_exists");
        assertThat(json(again).get("msg").asText())
                .isEqualTo("cache entry with the same key, version, and scope already exists");

        wire.saveV2("k2", V, new byte[] {1});
        assertThat(wire.create("k2", V).statusCode()).isEqualTo(409);
        assertThat(wire.create("k2", "another-version").statusCode()).isEqualTo(200);
    }

    @Test
    void sameKeyMayExistInTwoScopes() {
        wire.saveV2("k", V, new byte[] {1});
        Wire pr = new Wire(server).token(server.token(TokenScope.readWrite("refs/pull/7/merge"),
                TokenScope.readOnly("refs/heads/main")));
        assertThat(pr.create("k", V).statusCode()).isEqualTo(200);
    }

    @Test
    void reservedButNotFinalizedEntryIsInvisible() {
        String url = json(wire.create("k", V)).get("signed_upload_url").asText();
        Wire.check(wire.putBlob(url, new byte[] {1}), 201);
        assertThat(json(wire.getUrl("k", V)).get("ok").asBoolean()).isFalse();
    }

    @Test
    void readsCurrentScopeFirstThenOtherReadableScopes() {
        Wire main = wire;
        main.saveV2("k-main", V, "main".getBytes(StandardCharsets.UTF_8));
        Wire feature = new Wire(server).token(server.token(TokenScope.readWrite("refs/heads/feature"),
                TokenScope.readOnly("refs/heads/main")));
        assertThat(feature.restoreV2("k-", V)).asString().isEqualTo("main");
        feature.saveV2("k-feature", V, "feature".getBytes(StandardCharsets.UTF_8));
        assertThat(feature.restoreV2("k-", V)).asString().isEqualTo("feature");
        // main cannot see the feature branch's entry
        assertThat(main.restoreV2("k-feature", V)).isNull();
        // a sibling branch sees neither feature nor anything it was not granted
        Wire sibling = new Wire(server).token(server.token(TokenScope.readWrite("refs/heads/sibling")));
        assertThat(sibling.restoreV2("k-", V)).isNull();
    }

    @Test
    void acceptsCamelCaseNumbersUnknownFieldsAndMetadata() {
        JsonNode created = json(wire.twirp("CreateCacheEntry", "{\"metadata\":{\"repositoryId\":\"1\",\"scope\":"
                + "[{\"scope\":\"refs/heads/main\",\"permission\":\"3\"}]},\"key\":\"k\",\"version\":\"" + V
                + "\",\"somethingNew\":true}"));
        Wire.check(wire.putBlob(created.get("signed_upload_url").asText(), new byte[] {1, 2}), 201);
        HttpResponse<String> fin = wire.twirp("FinalizeCacheEntryUpload",
                "{\"key\":\"k\",\"version\":\"" + V + "\",\"sizeBytes\":2}");
        assertThat(json(fin).get("ok").asBoolean()).isTrue();
        HttpResponse<String> get = wire.twirp("GetCacheEntryDownloadURL",
                "{\"key\":\"x\",\"restoreKeys\":[\"k\"],\"version\":\"" + V + "\"}");
        assertThat(json(get).get("matched_key").asText()).isEqualTo("k");
    }

    @Test
    void finalizeWithoutReservationIsNotFound() {
        HttpResponse<String> r = wire.finalizeUpload("never-created", V, 1);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void finalizeWithoutBlobOrWithWrongSizeIsOkFalseWithMessage() {
        Wire.check(wire.create("k", V), 200);
        JsonNode noBlob = json(wire.finalizeUpload("k", V, 1));
        assertThat(noBlob.get("ok").asBoolean()).isFalse();
        assertThat(noBlob.get("message").asText()).contains("no blob");

        String url = json(wire.create("k2", V)).get("signed_upload_url").asText();
        Wire.check(wire.putBlob(url, new byte[] {1, 2, 3}), 201);
        JsonNode wrong = json(wire.finalizeUpload("k2", V, 4));
        assertThat(wrong.get("ok").asBoolean()).isFalse();
        assertThat(wrong.get("message").asText()).contains("does not match");
        assertThat(json(wire.finalizeUpload("k2", V, 3)).get("ok").asBoolean()).isTrue();
    }

    @Test
    void repeatedFinalizeAnswersTheSameEntry() {
        long id = wire.saveV2("k", V, new byte[] {1});
        JsonNode again = json(wire.finalizeUpload("k", V, 1));
        assertThat(again.get("ok").asBoolean()).isTrue();
        assertThat(again.get("entry_id").asText()).isEqualTo(Long.toString(id));
    }

    @Test
    void servedAtTheRootAndBelowAnyPrefix() {
        wire.saveV2("k", V, new byte[] {1});
        HttpResponse<String> r = wire.send(HttpRequest.newBuilder(URI.create(server.v2Url() + "some/prefix/" + Wire.TWIRP
                + "GetCacheEntryDownloadURL")).header("Authorization", "Bearer " + wire.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"version\":\"" + V + "\"}")));
        assertThat(json(r).get("ok").asBoolean()).isTrue();
    }

    @Test
    void nonPostAndUnknownMethodsAreBadRoute() {
        HttpResponse<String> get = wire.send(HttpRequest.newBuilder(URI.create(server.v2Url() + Wire.TWIRP
                + "CreateCacheEntry")).header("Authorization", "Bearer " + wire.token()).GET());
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(json(get).get("code").asText()).isEqualTo("bad_route");
        HttpResponse<String> unknown = wire.twirp("DeleteCacheEntry", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asText()).isEqualTo("bad_route");
        assertThat(json(unknown).get("msg").asText()).isNotEmpty();
    }

    @Test
    void malformedJsonAndMissingFieldsAreTwirpErrors() {
        HttpResponse<String> bad = wire.twirp("CreateCacheEntry", "{not json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("code").asText()).isEqualTo("malformed");
        HttpResponse<String> missing = wire.twirp("CreateCacheEntry", "{\"key\":\"k\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("code").asText()).isEqualTo("invalid_argument");
    }

    @Test
    void readOnlyTokenCannotCreate() {
        Wire readOnly = new Wire(server).token(server.token(TokenScope.readOnly("refs/heads/main")));
        HttpResponse<String> r = readOnly.create("k", V);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("ok").asBoolean()).isFalse();
        assertThat(json(r).get("message").asText()).startsWith("cache write denied:");
    }

    @Test
    void tokenWithoutReadableScopesIsPermissionDenied() {
        Wire none = new Wire(server).token(server.token(new TokenScope("refs/heads/main", 0)));
        HttpResponse<String> r = none.getUrl("k", V);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("code").asText()).isEqualTo("permission_denied");
        assertThat(json(r).get("msg").asText()).startsWith("cache read denied:");
    }

    @Test
    void requestsAreLoggedPerEndpoint() {
        wire.saveV2("k", V, new byte[] {1});
        wire.restoreV2("k", V);
        assertThat(server.requestLog().count(Endpoint.V2_CREATE)).isEqualTo(1);
        assertThat(server.requestLog().count(Endpoint.BLOB_PUT)).isEqualTo(1);
        assertThat(server.requestLog().count(Endpoint.V2_FINALIZE)).isEqualTo(1);
        assertThat(server.requestLog().count(Endpoint.V2_GET_URL)).isEqualTo(1);
        assertThat(server.requestLog().count(Endpoint.BLOB_GET)).isEqualTo(1);
        assertThat(server.requestLog().of(Endpoint.V2_CREATE).get(0).status()).isEqualTo(200);
        assertThat(server.requestLog().of(Endpoint.V2_CREATE).get(0).header("Authorization")).startsWith("Bearer ");
    }
}
