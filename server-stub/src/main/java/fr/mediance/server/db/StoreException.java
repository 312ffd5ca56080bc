package fr.mediance.server.db;

import java.sql.SQLException;

/** A database failure. {@link SQLException} is wrapped once, here, and never caught in between. */
public final class StoreException extends RuntimeException {
    private final boolean uniqueViolation;

    StoreException(String message, SQLException cause, boolean uniqueViolation) {
        super(message, cause);
        this.uniqueViolation = uniqueViolation;
    }

    /** True when the statement broke a primary key or unique constraint (a concurrent duplicate). */
    public boolean isUniqueViolation() {
        return uniqueViolation;
    }
}
