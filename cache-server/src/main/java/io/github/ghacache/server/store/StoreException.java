package io.github.ghacache.server.store;

/**
 * A refused store operation. The protocol handlers map each {@link Kind} to their own wire shape (v1 VSS JSON,
 * v2 Twirp, Azure XML), so the store never knows about HTTP.
 */
public final class StoreException extends Exception {
    public enum Kind {
        /** same (scope, key, version) committed or reserved */
        ALREADY_EXISTS,
        /** unknown or expired reservation / entry */
        NOT_FOUND,
        /** creation rate limit; see {@link #retryAfterSeconds()} */
        RATE_LIMITED,
        /** declared size over the repository cap */
        TOO_LARGE,
        /** the request contradicts the reservation state (bad range, size mismatch, missing blob) */
        INVALID
    }

    private final Kind kind;
    private final long retryAfterSeconds;

    public StoreException(Kind kind, String message) {
        this(kind, message, 0);
    }

    public StoreException(Kind kind, String message, long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
