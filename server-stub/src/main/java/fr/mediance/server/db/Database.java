package fr.mediance.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one door to the database. Writes run in {@link #inTransaction}; reads that need no snapshot run on an
 * auto-commit connection with {@link #read}. Every {@link SQLException} becomes a {@link StoreException}.
 */
public final class Database {
    private final DataSource dataSource;
    private final Dialect dialect;

    public Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Detects the dialect from the database the data source points to. */
    public static Database open(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return new Database(dataSource, Dialect.of(c.getMetaData().getDatabaseProductName()));
        } catch (SQLException e) {
            throw new StoreException("cannot open the database", e, false);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Function<Tx, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Tx tx = new Tx(c, dialect);
                T result = work.apply(tx);
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /** Runs {@code work} on an auto-commit connection (each statement sees the latest committed state). */
    public <T> T read(Function<Tx, T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(new Tx(c, dialect));
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    StoreException wrap(SQLException e) {
        return new StoreException("database error", e, dialect.isUniqueViolation(e));
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
