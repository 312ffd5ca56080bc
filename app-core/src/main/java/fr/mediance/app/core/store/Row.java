package fr.mediance.app.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/** Typed access to the current row of a query; column names as in the SQL. */
public final class Row {
    private final ResultSet rs;

    Row(ResultSet rs) {
        this.rs = rs;
    }

    public String string(String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw Database.wrap(e);
        }
    }

    public Long optionalLong(String column) {
        try {
            long v = rs.getLong(column);
            return rs.wasNull() ? null : v;
        } catch (SQLException e) {
            throw Database.wrap(e);
        }
    }

    public long longValue(String column) {
        Long v = optionalLong(column);
        return v == null ? 0 : v;
    }

    public int intValue(String column) {
        return (int) longValue(column);
    }

    public boolean bool(String column) {
        return longValue(column) != 0;
    }

    /** An instant stored as epoch milliseconds. */
    public Instant instant(String column) {
        Long v = optionalLong(column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    /** A date stored as ISO text (yyyy-MM-dd). */
    public LocalDate date(String column) {
        String s = string(column);
        return s == null ? null : LocalDate.parse(s);
    }

    public byte[] bytes(String column) {
        try {
            return rs.getBytes(column);
        } catch (SQLException e) {
            throw Database.wrap(e);
        }
    }
}
