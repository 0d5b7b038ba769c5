package io.github.ghacache.server;

import static io.github.ghacache.server.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghacache.server.auth.RuntimeToken;
import io.github.ghacache.server.auth.TokenScope;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer auth on both control planes (spec §7 row 1). */
class AuthTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static CacheServer server;

    @BeforeAll
    static void start() {
        server = CacheServer.builder().clock(CLOCK).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> badTokens() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"ac\":\"not json\"}"
                .getBytes(StandardCharsets.UTF_8));
        return List.of("garbage", "a.b", "x." + payload + ".y", "x.%%%.y");
    }

    @Test
    void missingTokenIs401OnBothProtocols() {
        Wire wire = new Wire(server);
        HttpResponse<String> v2 = wire.send(HttpRequest.newBuilder(URI.create(server.v2Url() + Wire.TWIRP + "CreateCacheEntry"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(v2.statusCode()).isEqualTo(401);
        assertThat(json(v2).get("code").asText()).isEqualTo("unauthenticated");
        HttpResponse<String> v1 = wire.send(HttpRequest.newBuilder(URI.create(wire.v1("cache?keys=k&version=v"))).GET());
        assertThat(v1.statusCode()).isEqualTo(401);
    }

    @Test
    void garbledTokensAre401() {
        for (String token : badTokens()) {
            Wire wire = new Wire(server).token(token);
            assertThat(wire.create("k", "v").statusCode()).as(token).isEqualTo(401);
            assertThat(wire.lookupV1("k", "v").statusCode()).as(token).isEqualTo(401);
        }
    }

    @Test
    void expiredAndNotYetValidTokensAre401() {
        Wire wire = new Wire(server).token(server.token(Duration.ofMinutes(5), TokenScope.readWrite("refs/heads/x")));
        assertThat(wire.getUrl("k", "v").statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(6));
        HttpResponse<String> expired = wire.getUrl("k", "v");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).get("msg").asText()).contains("expired");
        assertThat(wire.lookupV1("k", "v").statusCode()).isEqualTo(401);

        String future = server.token(TokenScope.readWrite("refs/heads/x")); // nbf = now - 60 s
        CLOCK.advance(Duration.ofMinutes(-5));
        assertThat(new Wire(server).token(future).getUrl("k", "v").statusCode()).isEqualTo(401);
        CLOCK.advance(Duration.ofMinutes(5));
    }

    @Test
    void issuedTokensAreJwtsWithAcAsAJsonString() throws Exception {
        String token = server.token(TokenScope.readWrite("refs/heads/test"), TokenScope.readOnly("refs/heads/master"));
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        var claims = Wire.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("ac").isTextual()).isTrue();
        assertThat(claims.get("exp").isNumber()).isTrue();
        assertThat(claims.get("nbf").isNumber()).isTrue();
        RuntimeToken parsed = RuntimeToken.parse(token);
        assertThat(parsed.scopes()).containsExactly(TokenScope.readWrite("refs/heads/test"),
                TokenScope.readOnly("refs/heads/master"));
    }

    @Test
    void signatureIsNotCheckedSoHandMadeTokensWork() {
        String payload = "{\"ac\":\"[{\\\"Scope\\\":\\\"refs/heads/hand\\\",\\\"Permission\\\":3}]\"}";
        String token = "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".bm90LWNoZWNrZWQ";
        assertThat(new Wire(server).token(token).create("hand-made", "v").statusCode()).isEqualTo(200);
    }
}
