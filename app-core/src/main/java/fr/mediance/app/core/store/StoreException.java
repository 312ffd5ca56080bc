package fr.mediance.app.core.store;

import fr.mediance.app.core.CoreMessages;

/**
 * A failure of the local store, unchecked; {@link java.sql.SQLException} is wrapped once, here.
 * {@link #userMessage()} is a French sentence for the user.
 */
public final class StoreException extends RuntimeException {

    /** What went wrong, for callers that react differently. */
    public enum Kind {
        /** The key does not open the database (wrong PIN, or a database of another installation). */
        WRONG_KEY,
        /** The store is closed or locked: unlock first. */
        LOCKED,
        /** A file could not be read or written (disk full, permissions). */
        IO,
        /** A constraint or SQL failure: a bug or a corrupted file. */
        SQL,
        /** Encrypted bytes were altered or belong to another key. */
        CORRUPTED
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** A short French message for the user. */
    public String userMessage() {
        return switch (kind) {
            case WRONG_KEY -> CoreMessages.get("store.wrongKey");
            case LOCKED -> CoreMessages.get("store.locked");
            case IO -> CoreMessages.get("store.io");
            case SQL -> CoreMessages.get("store.sql");
            case CORRUPTED -> CoreMessages.get("store.corrupted");
        };
    }
}
