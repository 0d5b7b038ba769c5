package io.github.ghacache.storage;

/** A store could not do what was asked; {@link Kind} says whether trying again may help. */
public final class StorageException extends Exception {
    public enum Kind {
        TRANSIENT,
        CONFIG,
        CORRUPT,
        UNSUPPORTED
    }

    private final Kind kind;

    public StorageException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public StorageException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
