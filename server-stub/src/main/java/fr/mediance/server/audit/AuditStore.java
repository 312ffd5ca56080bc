package fr.mediance.server.audit;

import com.zaxxer.hikari.HikariDataSource;
import fr.mediance.protocol.AuditEventDto;
import fr.mediance.protocol.AuditPage;
import fr.mediance.server.db.DataSources;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit log, kept apart from the data: on SQLite a database file of its own ({@code DIR/audit.db}, readable by
 * the server's account only), on PostgreSQL a table ({@code audit_events}) that no synced family, change log or
 * pull ever reads. Append-only for the application: there is no update and the only delete is the purge past the
 * retention. Its schema has migrations of its own ({@code audit_schema_version}), so the main database's migrations
 * never touch it.
 */
public final class AuditStore implements AutoCloseable {
    /** The journal's file beside {@code mediance.db}. */
    public static final String FILE_NAME = "audit.db";

    private final Database db;
    private final HikariDataSource owned;

    private AuditStore(Database db, HikariDataSource owned) {
        this.db = db;
        this.owned = owned;
    }

    /** A SQLite file of its own, created owner-only (rw-------) before SQLite opens it; migrated. */
    public static AuditStore sqliteFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit log file", e);
        }
        HikariDataSource ds = DataSources.sqlite(file);
        try {
            return open(ds, ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /** The audit table in a database the caller owns (PostgreSQL: the same database as the data); migrated. */
    public static AuditStore inDatabase(DataSource dataSource) {
        return open(dataSource, null);
    }

    private static AuditStore open(DataSource ds, HikariDataSource owned) {
        Database db = Database.open(ds);
        db.inTransaction(tx -> {
            AuditMigrations.migrate(tx);
            return null;
        });
        return new AuditStore(db, owned);
    }

    /**
     * A filter of the journal; null fields do not filter. {@code accountId} matches an account id or a username;
     * {@code to} is exclusive.
     */
    public record Filter(
            String structureId, String residentId, String accountId, String action, Instant from, Instant to) {}

    /**
     * Appends events of one structure; an event whose id is already held is not stored again. Answers how many were
     * new.
     */
    public int append(String structureId, List<AuditEventDto> events, Instant receivedAt) {
        if (events.isEmpty()) {
            return 0;
        }
        // one prepared statement, batched: a pull page writes one event per resident it delivers
        String sql = "INSERT INTO audit_events (event_id, at, received_at, structure_id, account_id, account_name,"
                + " device_id, source, action, entity_type, entity_id, resident_id, summary)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING";
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (AuditEventDto e : events) {
                    ps.setString(1, e.id());
                    ps.setLong(2, e.at().toEpochMilli());
                    ps.setLong(3, receivedAt.toEpochMilli());
                    ps.setString(4, structureId);
                    ps.setString(5, e.accountId());
                    ps.setString(6, e.accountName());
                    ps.setString(7, e.deviceId());
                    ps.setString(8, e.source());
                    ps.setString(9, e.action());
                    ps.setString(10, e.entityType());
                    ps.setString(11, e.entityId());
                    ps.setString(12, e.residentId());
                    ps.setString(13, e.summary());
                    ps.addBatch();
                }
                int stored = 0;
                for (int n : ps.executeBatch()) {
                    stored += n > 0 ? n : 0;
                }
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AuditWriteException(e);
        }
    }

    /** One page, newest first: events with a sequence number below {@code before} (null: from the newest). */
    public AuditPage page(Filter f, Long before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT seq, event_id, at, account_id, account_name, device_id, source,"
                + " action, entity_type, entity_id, resident_id, summary FROM audit_events WHERE structure_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(f.structureId());
        if (f.residentId() != null) {
            sql.append(" AND resident_id = ?");
            args.add(f.residentId());
        }
        if (f.accountId() != null) {
            sql.append(" AND (account_id = ? OR account_name = ?)");
            args.add(f.accountId());
            args.add(f.accountId());
        }
        if (f.action() != null) {
            sql.append(" AND action = ?");
            args.add(f.action());
        }
        if (f.from() != null) {
            sql.append(" AND at >= ?");
            args.add(f.from().toEpochMilli());
        }
        if (f.to() != null) {
            sql.append(" AND at < ?");
            args.add(f.to().toEpochMilli());
        }
        if (before != null) {
            sql.append(" AND seq < ?");
            args.add(before);
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(limit + 1);
        record Row(long seq, AuditEventDto event) {}
        List<Row> rows = db.read(tx -> tx.query(
                sql.toString(),
                rs -> new Row(
                        rs.getLong(1),
                        new AuditEventDto(
                                rs.getString(2),
                                Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11),
                                rs.getString(12))),
                args.toArray()));
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Long.toString(page.get(page.size() - 1).seq()) : null;
        return new AuditPage(page.stream().map(Row::event).toList(), next);
    }

    /** Deletes the events older than {@code cutoff} (by the time they happened); answers how many. */
    public int purgeBefore(Instant cutoff) {
        return db.inTransaction(tx -> tx.update("DELETE FROM audit_events WHERE at < ?", cutoff.toEpochMilli()));
    }

    /** How many events the journal holds (for tests and the log line of the purge). */
    public long count() {
        return db.read(tx -> tx.queryLong("SELECT COUNT(*) FROM audit_events").orElse(0L));
    }

    Database database() {
        return db;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    /** The journal's own schema versions. Never edit a released step; add one. */
    static final class AuditMigrations {
        private AuditMigrations() {}

        static void migrate(Tx tx) {
            tx.update("CREATE TABLE IF NOT EXISTS audit_schema_version (version INTEGER NOT NULL)");
            long current = tx.queryLong("SELECT MAX(version) FROM audit_schema_version")
                    .orElse(0L);
            boolean postgres =
                    tx.dialect().name().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            if (current < 1) {
                tx.update("CREATE TABLE IF NOT EXISTS audit_events ("
                        + (postgres ? "seq BIGSERIAL PRIMARY KEY, " : "seq INTEGER PRIMARY KEY AUTOINCREMENT, ")
                        + "event_id TEXT NOT NULL UNIQUE, "
                        + "at BIGINT NOT NULL, "
                        + "received_at BIGINT NOT NULL, "
                        + "structure_id TEXT, "
                        + "account_id TEXT NOT NULL, "
                        + "account_name TEXT, "
                        + "device_id TEXT, "
                        + "source TEXT NOT NULL, "
                        + "action TEXT NOT NULL, "
                        + "entity_type TEXT NOT NULL, "
                        + "entity_id TEXT, "
                        + "resident_id TEXT, "
                        + "summary TEXT)");
                tx.update("CREATE INDEX IF NOT EXISTS audit_events_structure ON audit_events (structure_id, seq)");
                tx.update("CREATE INDEX IF NOT EXISTS audit_events_resident ON audit_events (resident_id, seq)");
                tx.update("CREATE INDEX IF NOT EXISTS audit_events_account ON audit_events (account_id, seq)");
                tx.update("CREATE INDEX IF NOT EXISTS audit_events_at ON audit_events (at)");
                tx.update("INSERT INTO audit_schema_version (version) VALUES (1)");
            }
        }
    }

    /** The journal could not be written (the database refused or is unreachable). */
    public static final class AuditWriteException extends RuntimeException {
        AuditWriteException(SQLException cause) {
            super("audit log write failed", cause);
        }
    }
}
