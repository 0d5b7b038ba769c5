package io.github.ghacache.pack;

/** A pack (or a member of it) is damaged or hostile; nothing of it was written into the project. */
public final class CorruptPackException extends Exception {
    public CorruptPackException(String message) {
        super(message);
    }
}
