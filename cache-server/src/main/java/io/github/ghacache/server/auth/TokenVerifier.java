package io.github.ghacache.server.auth;

import java.time.Clock;

/** Parses the bearer token of a control-plane request and checks its validity window against the server clock. */
public final class TokenVerifier {
    private final Clock clock;

    public TokenVerifier(Clock clock) {
        this.clock = clock;
    }

    public RuntimeToken verify(String authorizationHeader) throws AuthException {
        RuntimeToken token = RuntimeToken.fromAuthorization(authorizationHeader);
        token.checkValidAt(clock.instant());
        return token;
    }
}
