package io.github.ghacache.http;

import java.io.IOException;

/** A request answered with a status the caller did not expect; the message is already redacted. */
public final class HttpStatusException extends IOException {
    private final int status;
    private final String body;

    public HttpStatusException(String message, int status, String body) {
        super(message);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The (redacted, shortened) response body. */
    public String body() {
        return body;
    }
}
