package fr.mediance.app.core.store;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.mc.SQLiteMCConfig;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * The encrypted local database (SQLite3MultipleCiphers, SQLCipher v4 format, raw 256-bit key). It owns the
 * JDBC URL and the per-connection pragmas ({@code foreign_keys=ON}, {@code journal_mode=WAL},
 * {@code busy_timeout}) and serialises every access through one connection: one writer, short
 * transactions. {@link SQLException} is wrapped once into {@link StoreException}.
 */
public final class Database implements AutoCloseable {
    /** The page cache of the connection, in KiB. */
    static final int CACHE_KIB = 16_384;

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    static final int BUSY_TIMEOUT_MS = 5_000;
    /** Length of the data key in bytes. */
    public static final int KEY_BYTES = 32;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int depth;
    private Tx current;
    private volatile boolean closed;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (or creates) the database at {@code file} with the 32-byte data {@code key}, checks that the key
     * opens it, and applies the {@link Migrations}. A wrong key gives a {@link StoreException} of kind
     * {@link StoreException.Kind#WRONG_KEY}. The key array is not kept.
     */
    public static Database open(Path file, byte[] key) {
        Database db = openWithoutMigrating(file, key);
        try {
            Migrations.apply(db);
        } catch (RuntimeException e) { // not handled here: closed, then passed on to whoever logs it
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Loads the SQLite driver, its native library and the ciphers the store uses, so that the first unlock does
     * not pay for them: the app calls it on a spare thread while its window is built. Harmless if it fails (the
     * unlock then loads them itself).
     */
    public static void preload() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            byte[] key = new byte[KEY_BYTES];
            Crypto.decrypt(key, Crypto.encrypt(key, new byte[KEY_BYTES], null), null);
            Crypto.hmacSha256(key, key);
            Crypto.pbkdf2(new char[] {'0'}, new byte[16], 20_000); // compiled by the JIT before the PIN's 310,000
        } catch (Exception | LinkageError e) {
            LOG.log(
                    Level.DEBUG,
                    "Preloading the SQLite driver and the ciphers failed (the unlock loads them itself)",
                    e);
        }
    }

    /** Opens and checks the key, without migrating (for migration tests). */
    public static Database openWithoutMigrating(Path file, byte[] key) {
        Objects.requireNonNull(file, "file");
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the data key must be " + KEY_BYTES + " bytes");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot create the data directory", e);
        }
        byte[] copy = key.clone();
        SQLiteMCConfig config;
        try {
            SQLiteMCSqlCipherConfig cipher = SQLiteMCSqlCipherConfig.getV4Defaults();
            cipher.withRawUnsaltedKey(copy);
            config = cipher.build();
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL); // a saved visit report must survive a power cut
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            }
            try (var st = c.createStatement()) {
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA journal_mode = WAL");
                // Every page read is decrypted: keep the pages of a day's work (a file, "Mes suivis" and the
                // residents they name: about 1,000 pages on a big device) in memory rather than SQLite's
                // default 2 MB.
                st.execute("PRAGMA cache_size = -" + CACHE_KIB);
            }
            return new Database(file, c);
        } catch (SQLException e) {
            closeQuietly(c);
            if (isNotADatabase(e)) {
                throw new StoreException(
                        StoreException.Kind.WRONG_KEY, "the key does not open " + file.getFileName(), e);
            }
            throw wrap(e);
        }
    }

    private static boolean isNotADatabase(SQLException e) {
        return e.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code
                || (e.getMessage() != null && e.getMessage().contains("SQLITE_NOTADB"));
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }

    static StoreException wrap(SQLException e) {
        if (isNotADatabase(e)) {
            return new StoreException(StoreException.Kind.WRONG_KEY, e.getMessage(), e);
        }
        return new StoreException(StoreException.Kind.SQL, e.getMessage(), e);
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one transaction and commits; any exception rolls everything back. Nested calls
     * on the same thread join the outer transaction.
     */
    public <T> T inTransaction(Function<Tx, T> work) {
        lock.lock();
        try {
            ensureOpen();
            if (depth > 0) {
                depth++;
                try {
                    return work.apply(current);
                } finally {
                    depth--;
                }
            }
            Tx tx = new Tx(connection);
            boolean committed = false;
            try {
                connection.setAutoCommit(false);
                current = tx;
                depth = 1;
                T result = work.apply(tx);
                connection.commit();
                committed = true;
                return result;
            } catch (SQLException e) {
                throw wrap(e);
            } finally {
                depth = 0;
                current = null;
                if (!committed) {
                    try {
                        connection.rollback();
                    } catch (SQLException e) {
                        LOG.log(Level.WARNING, "rollback failed: {0}", e.getMessage());
                    }
                }
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "cannot restore autocommit: {0}", e.getMessage());
                }
                if (committed) {
                    for (Runnable r : tx.afterCommitActions()) {
                        r.run();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    public void inTransaction(Consumer<Tx> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Runs read-only {@code work}; joins a running transaction of this thread. */
    public <T> T read(Function<Tx, T> work) {
        return inTransaction(work);
    }

    /** {@code PRAGMA user_version}: the schema version. */
    public int userVersion() {
        return read(tx -> (int) tx.queryLong("PRAGMA user_version"));
    }

    /** Writes the WAL back into the main file (done at close too). */
    public void checkpoint() {
        read(tx -> tx.queryLong("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(StoreException.Kind.LOCKED, "database closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "close failed: {0}", e.getMessage());
            }
        } finally {
            lock.unlock();
        }
    }
}
