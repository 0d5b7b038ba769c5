package io.github.ghacache.server.http;

/** How {@link Exchange} spoils a response body on purpose: cut it short (then close) or flip one byte. */
public record BodyFault(Type type, long keepBytes) {
    public enum Type { NONE, TRUNCATE, CORRUPT }

    public static final BodyFault NONE = new BodyFault(Type.NONE, 0);
}
