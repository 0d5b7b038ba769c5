package io.github.ghacache.server.auth;

import java.util.Objects;

/** One entry of the runtime token's {@code ac} claim: a ref and its permission bits (1 read, 2 write). */
public record TokenScope(String scope, int permission) {
    public static final int READ = 1;
    public static final int WRITE = 2;

    public TokenScope {
        Objects.requireNonNull(scope, "scope");
    }

    public static TokenScope readWrite(String ref) {
        return new TokenScope(ref, READ | WRITE);
    }

    public static TokenScope readOnly(String ref) {
        return new TokenScope(ref, READ);
    }

    public boolean canRead() {
        return (permission & READ) != 0;
    }

    public boolean canWrite() {
        return (permission & WRITE) != 0;
    }
}
