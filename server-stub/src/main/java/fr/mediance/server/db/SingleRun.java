package fr.mediance.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A periodic job (purges) that must not run on two servers at once when several share one PostgreSQL database:
 * it runs only while this server holds a PostgreSQL advisory lock, and is skipped when another server holds it
 * (that one is doing the work). On SQLite, which only one server uses, the job simply runs.
 */
public final class SingleRun {
    private SingleRun() {}

    /** Runs {@code job} unless another server is running the job named {@code key}; empty if skipped. */
    public static <T> Optional<T> alone(DataSource dataSource, Dialect dialect, String key, Supplier<T> job) {
        if (!(dialect instanceof PostgresDialect)) {
            return Optional.ofNullable(job.get());
        }
        long lock = key.hashCode() * 2654435761L;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try {
                if (!query(c, "SELECT pg_try_advisory_lock(?)", lock)) {
                    return Optional.empty();
                }
                try {
                    return Optional.ofNullable(job.get());
                } finally {
                    query(c, "SELECT pg_advisory_unlock(?)", lock);
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("advisory lock failed", e, false);
        }
    }

    private static boolean query(Connection c, String sql, long lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, lock);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
