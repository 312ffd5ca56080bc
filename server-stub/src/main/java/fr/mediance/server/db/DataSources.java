package fr.mediance.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.mediance.server.storage.PrivateFiles;
import java.nio.file.Path;

/** Connection pools for the two supported databases. */
public final class DataSources {
    private DataSources() {}

    /**
     * A SQLite file. Every connection gets foreign keys, WAL, a busy timeout, and transactions that take the
     * write lock when they begin (so a read-then-write transaction never fails on lock upgrade).
     * {@code synchronous=FULL}: the write-ahead log is flushed to disk at every commit, so a push or an upload
     * offset the server has acknowledged survives a {@code kill -9} or a power cut (NORMAL could lose the last
     * commits on a power cut, and the device would then have been told "received" for nothing).
     */
    public static HikariDataSource sqlite(Path file) {
        // owner-only before SQLite opens it: its -wal and -shm files take the database file's mode
        PrivateFiles.prepareSqliteFile(file);
        HikariConfig c = new HikariConfig();
        c.setPoolName("mediance-sqlite");
        c.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        c.addDataSourceProperty("foreign_keys", "true");
        c.addDataSourceProperty("journal_mode", "WAL");
        c.addDataSourceProperty("synchronous", "FULL");
        c.addDataSourceProperty("busy_timeout", "15000");
        c.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        c.setMaximumPoolSize(4);
        return new HikariDataSource(c);
    }

    /** A PostgreSQL database, e.g. {@code jdbc:postgresql://localhost:5432/mediance}. */
    public static HikariDataSource postgres(String url, String user, String password) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("mediance-postgres");
        c.setJdbcUrl(url);
        if (user != null) {
            c.setUsername(user);
        }
        if (password != null) {
            c.setPassword(password);
        }
        c.setMaximumPoolSize(8);
        c.setMinimumIdle(2);
        return new HikariDataSource(c);
    }
}
