package io.github.ghacache.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The claims of {@code ACTIONS_RUNTIME_TOKEN} that the cache service acts on (spec §1.1): the {@code ac} scopes
 * and the {@code nbf}/{@code exp} window. The signature is deliberately not checked: clients never verify it
 * either, and tests must be able to mint tokens with any scopes.
 */
public record RuntimeToken(List<TokenScope> scopes, Instant notBefore, Instant expires) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RuntimeToken {
        scopes = List.copyOf(scopes);
    }

    /** Parses an {@code Authorization} header value ({@code Bearer <jwt>}). */
    public static RuntimeToken fromAuthorization(String header) throws AuthException {
        if (header == null || header.isBlank()) {
            throw new AuthException("missing Authorization header");
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AuthException("Authorization is not a Bearer token");
        }
        return parse(value.substring(7).trim());
    }

    public static RuntimeToken parse(String jwt) throws AuthException {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new AuthException("token is not a JWT (expected 3 dot-separated parts)");
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new AuthException("token payload is not base64url JSON");
        }
        if (claims == null || !claims.isObject()) {
            throw new AuthException("token payload is not a JSON object");
        }
        return new RuntimeToken(scopesOf(claims.get("ac")), instant(claims, "nbf"), instant(claims, "exp"));
    }

    // `ac` is a *string* holding JSON (as the runner issues it); an array is accepted too, for hand-made tokens.
    private static List<TokenScope> scopesOf(JsonNode ac) throws AuthException {
        List<TokenScope> result = new ArrayList<>();
        if (ac == null || ac.isNull()) {
            return result;
        }
        JsonNode array = ac;
        if (ac.isTextual()) {
            try {
                array = JSON.readTree(ac.asText());
            } catch (java.io.IOException e) {
                throw new AuthException("token claim 'ac' is not JSON");
            }
        }
        if (array == null || !array.isArray()) {
            throw new AuthException("token claim 'ac' is not a JSON array");
        }
        for (JsonNode item : array) {
            JsonNode scope = item.get("Scope");
            JsonNode permission = item.get("Permission");
            if (scope == null || !scope.isTextual() || permission == null || !permission.canConvertToInt()) {
                throw new AuthException("token claim 'ac' has an entry without Scope/Permission");
            }
            result.add(new TokenScope(scope.asText(), permission.asInt()));
        }
        return result;
    }

    private static Instant instant(JsonNode claims, String name) throws AuthException {
        JsonNode value = claims.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new AuthException("token claim '" + name + "' is not a number");
        }
        return Instant.ofEpochSecond(value.asLong());
    }

    public void checkValidAt(Instant now) throws AuthException {
        if (expires != null && !now.isBefore(expires)) {
            throw new AuthException("token expired at " + expires);
        }
        if (notBefore != null && now.isBefore(notBefore)) {
            throw new AuthException("token not valid before " + notBefore);
        }
    }

    /** The scope new entries are written to: the first one with the write bit (the run's own ref). */
    public Optional<String> writeScope() {
        return scopes.stream().filter(TokenScope::canWrite).map(TokenScope::scope).findFirst();
    }

    /** Scopes searched on lookup, in order: the write scope first, then the other readable ones in token order. */
    public List<String> readScopes() {
        List<String> ordered = new ArrayList<>();
        scopes.stream().filter(s -> s.canRead() && s.canWrite()).forEach(s -> addOnce(ordered, s.scope()));
        scopes.stream().filter(TokenScope::canRead).forEach(s -> addOnce(ordered, s.scope()));
        return ordered;
    }

    private static void addOnce(List<String> list, String scope) {
        if (!list.contains(scope)) {
            list.add(scope);
        }
    }

}
