package fr.mediance.server.db;

import java.sql.SQLException;

/**
 * The few things that differ between SQLite and PostgreSQL. Everything else (DDL types, upserts with
 * {@code ON CONFLICT}, {@code RETURNING}) is written once in the common subset of both.
 */
public interface Dialect {
    String name();

    /** Whether the failure is a primary key or unique constraint violation. */
    boolean isUniqueViolation(SQLException e);

    /**
     * A statement that makes the current write transaction the only one allowed to take change numbers until
     * it ends, so that numbers are committed in order (a puller never skips a number committed late), or
     * {@code null} when the transaction already holds the database's single write lock.
     */
    String serializeWritersSql();

    static Dialect of(String databaseProductName) {
        String n = databaseProductName.toLowerCase(java.util.Locale.ROOT);
        if (n.contains("sqlite")) {
            return new SqliteDialect();
        }
        if (n.contains("postgres")) {
            return new PostgresDialect();
        }
        throw new IllegalArgumentException("unsupported database " + databaseProductName);
    }
}
