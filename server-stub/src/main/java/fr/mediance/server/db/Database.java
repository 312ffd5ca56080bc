package fr.mediance.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one door to the database. Writes run in {@link #inTransaction}; reads that need no snapshot run on an
 * auto-commit connection with {@link #read}. Every {@link SQLException} becomes a {@link StoreException}.
 */
public final class Database {
    private final DataSource dataSource;
    private final Dialect dialect;
    /** Where sequenced writers wait their turn without holding a connection (null: no such queue). */
    private final ReentrantLock sequencedWriters;

    public Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        // SQLite has its own single writer (and a queue here was measured slower for pushes); PostgreSQL serialises
        // the writers that take the change sequence with a row lock (Dialect#serializeWritersSql), and a writer
        // waiting for it there would hold one of the pool's connections
        this.sequencedWriters = dialect.serializeWritersSql() != null ? new ReentrantLock(true) : null;
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

    /**
     * {@link #inTransaction} for a write that takes the change sequence first (it starts with
     * {@code EntityWriter.beginWrite}): such writers run one at a time anyway, so on PostgreSQL they wait their
     * turn here, in order, before taking a connection, and the pool's connections stay free for reads and the
     * other writes (token renewals, upload offsets) instead of being held by writers waiting for the lock. The
     * lock is still taken in the database, so several servers on one database stay serialised.
     */
    public <T> T inSequencedTransaction(Function<Tx, T> work) {
        if (sequencedWriters == null) {
            return inTransaction(work);
        }
        sequencedWriters.lock();
        try {
            return inTransaction(work);
        } finally {
            sequencedWriters.unlock();
        }
    }

    /** How many sequenced writers wait for their turn (for tests). */
    int waitingSequencedWriters() {
        return sequencedWriters == null ? 0 : sequencedWriters.getQueueLength();
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
