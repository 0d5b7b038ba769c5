package io.github.ghacache.server.auth;

/** The bearer token is missing, not a JWT, or outside its validity window: every endpoint answers 401. */
public final class AuthException extends Exception {
    public AuthException(String message) {
        super(message);
    }
}
