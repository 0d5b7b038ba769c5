package io.github.ghacache.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints runtime tokens shaped like the runner's: a JWT whose {@code ac} claim is a JSON <em>string</em> and whose
 * {@code nbf}/{@code exp} are numbers, because go-actions-cache parses exactly that before sending anything.
 */
public final class TokenIssuer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] secret = new byte[32];

    public TokenIssuer() {
        new SecureRandom().nextBytes(secret);
    }

    public String issue(List<TokenScope> scopes, Instant now, Duration lifetime) {
        ArrayNode ac = JSON.createArrayNode();
        for (TokenScope scope : scopes) {
            ac.addObject().put("Scope", scope.scope()).put("Permission", scope.permission());
        }
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", "gha-cache-server");
        claims.put("aud", "gha-cache-server");
        claims.put("ac", ac.toString());
        claims.put("repository_id", "1");
        claims.put("nbf", now.getEpochSecond() - 60);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        String signingInput = segment("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + segment(claims.toString());
        return signingInput + "." + B64.encodeToString(hmac(signingInput));
    }

    private static String segment(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
