package fr.mediance.server.db;

import java.sql.SQLException;

/** PostgreSQL: writers take the row lock of the change counter first. */
final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    @Override
    public String serializeWritersSql() {
        return "SELECT value FROM counters WHERE name = 'change_seq' FOR UPDATE";
    }
}
