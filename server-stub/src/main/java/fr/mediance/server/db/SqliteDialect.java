package fr.mediance.server.db;

import java.sql.SQLException;

/** SQLite: one writer at a time already (transactions begin IMMEDIATE, see {@link DataSources}). */
final class SqliteDialect implements Dialect {
    private static final int SQLITE_CONSTRAINT = 19;

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        // extended codes: SQLITE_CONSTRAINT_PRIMARYKEY (1555), SQLITE_CONSTRAINT_UNIQUE (2067)
        int code = e.getErrorCode() & 0xff;
        String msg = String.valueOf(e.getMessage());
        return code == SQLITE_CONSTRAINT
                && (msg.contains("UNIQUE") || msg.contains("PRIMARYKEY") || msg.contains("PRIMARY KEY"));
    }

    @Override
    public String serializeWritersSql() {
        return null;
    }
}
