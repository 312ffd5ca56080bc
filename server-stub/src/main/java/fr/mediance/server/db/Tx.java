package fr.mediance.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A connection with small helpers: positional parameters, row mappers, no checked exceptions. */
public final class Tx {
    private final Connection connection;
    private final Dialect dialect;

    Tx(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} inside a savepoint of this transaction: what it wrote is kept if it returns and undone if it
     * throws (the exception goes on), the rest of the transaction going on either way. For one operation among many
     * in one transaction.
     */
    public <T> T savepoint(java.util.function.Function<Tx, T> work) {
        java.sql.Savepoint point;
        try {
            point = connection.setSavepoint();
        } catch (SQLException e) {
            throw wrap(e);
        }
        T result;
        try {
            result = work.apply(this);
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback(point);
                connection.releaseSavepoint(point);
            } catch (SQLException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        try {
            connection.releaseSavepoint(point);
        } catch (SQLException e) {
            throw wrap(e);
        }
        return result;
    }

    /** Runs an INSERT, UPDATE, DELETE or DDL statement; answers the number of rows changed. */
    public int update(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /** Runs one INSERT or UPDATE for each row of arguments, sent to the database as one batch. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] args : rows) {
                for (int i = 0; i < args.length; i++) {
                    bind(ps, i + 1, args[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement ps = prepare(sql, args);
                ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /** The first row, mapped; empty if there is none or the mapper answers null for it. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** A query answering one number in its first column, or empty if there is no row or it is null. */
    public Optional<Long> queryLong(String sql, Object... args) {
        return queryOne(
                sql,
                rs -> {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? null : v;
                },
                args);
    }

    public boolean exists(String sql, Object... args) {
        return !query(sql, rs -> Boolean.TRUE, args).isEmpty();
    }

    /** Runs a statement that may or may not return rows (e.g. a locking SELECT), ignoring the rows. */
    public void execute(String sql) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.execute();
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    private PreparedStatement prepare(String sql, Object[] args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                bind(ps, i + 1, args[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Boolean b) {
            ps.setInt(index, b ? 1 : 0);
        } else if (value instanceof Double d) {
            ps.setDouble(index, d);
        } else {
            throw new IllegalArgumentException(
                    "unsupported parameter type " + value.getClass().getName());
        }
    }

    /** Reads a nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private StoreException wrap(SQLException e) {
        return new StoreException("database error", e, dialect.isUniqueViolation(e));
    }
}
