package fr.mediance.app.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One unit of work on the database, given to the callback of {@link Database#inTransaction} or
 * {@link Database#read}. Parameters may be String, Number, Boolean, Instant (stored as epoch ms),
 * LocalDate (ISO text), byte[] or null.
 */
public final class Tx {
    private final Connection connection;
    private final List<Runnable> afterCommit = new ArrayList<>();

    Tx(Connection connection) {
        this.connection = connection;
    }

    /** Runs an INSERT/UPDATE/DELETE; returns the number of rows changed. */
    public int update(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Database.wrap(e);
        }
    }

    /** Runs several statements separated by semicolons, without parameters (DDL). */
    public void script(String sql) {
        try (Statement st = connection.createStatement()) {
            for (String part : splitStatements(sql)) {
                st.execute(part);
            }
        } catch (SQLException e) {
            throw Database.wrap(e);
        }
    }

    public <T> List<T> query(String sql, Function<Row, T> mapper, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                Row row = new Row(rs);
                while (rs.next()) {
                    out.add(mapper.apply(row));
                }
                return out;
            }
        } catch (SQLException e) {
            throw Database.wrap(e);
        }
    }

    public <T> Optional<T> queryOne(String sql, Function<Row, T> mapper, Object... params) {
        List<T> all = query(sql, mapper, params);
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
    }

    /** The first column of the first row as a long, or 0 when there is no row or it is null. */
    public long queryLong(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw Database.wrap(e);
        }
    }

    /** Whether the query returns at least one row. */
    public boolean exists(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Database.wrap(e);
        }
    }

    /** A setting of the {@code settings} table, or empty. */
    public Optional<String> setting(String key) {
        return queryOne("SELECT value FROM settings WHERE key = ?", r -> r.string("value"), key);
    }

    public void putSetting(String key, String value) {
        if (value == null) {
            update("DELETE FROM settings WHERE key = ?", key);
        } else {
            update(
                    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    key,
                    value);
        }
    }

    /** Runs {@code action} after this transaction commits (never if it rolls back). */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    /** The raw connection, for the rare statement the helpers do not cover. */
    public Connection connection() {
        return connection;
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int idx = i + 1;
            if (p == null) {
                ps.setNull(idx, Types.NULL);
            } else if (p instanceof String s) {
                ps.setString(idx, s);
            } else if (p instanceof Integer n) {
                ps.setInt(idx, n);
            } else if (p instanceof Long n) {
                ps.setLong(idx, n);
            } else if (p instanceof Boolean b) {
                ps.setInt(idx, b ? 1 : 0);
            } else if (p instanceof Instant t) {
                ps.setLong(idx, t.toEpochMilli());
            } else if (p instanceof LocalDate d) {
                ps.setString(idx, d.toString());
            } else if (p instanceof byte[] b) {
                ps.setBytes(idx, b);
            } else if (p instanceof Enum<?> en) {
                ps.setString(idx, en.name());
            } else if (p instanceof Number n) {
                ps.setLong(idx, n.longValue());
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + p.getClass());
            }
        }
    }

    static List<String> splitStatements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0; // inside CREATE TRIGGER ... BEGIN ... END
        for (String line : sql.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            String upper = trimmed.toUpperCase();
            if (upper.endsWith("BEGIN")) {
                depth++;
            }
            if (upper.equals("END;") || upper.equals("END")) {
                depth--;
            }
            if (depth == 0 && trimmed.endsWith(";")) {
                out.add(current.toString().trim());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().trim());
        }
        return out;
    }
}
