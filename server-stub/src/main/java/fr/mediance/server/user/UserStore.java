package fr.mediance.server.user;

import fr.mediance.protocol.Role;
import fr.mediance.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SQL for structures and accounts. */
public final class UserStore {
    private static final String COLUMNS =
            "id, structure_id, username, display_name, role, password_hash, active, failed_logins, locked_until, "
                    + "must_change_password, totp_secret, totp_enrolled, totp_last_step";

    public boolean structureExists(Tx tx, String structureId) {
        return tx.exists("SELECT 1 FROM structures WHERE id = ?", structureId);
    }

    public Optional<String> firstStructureId(Tx tx) {
        return tx.queryOne("SELECT id FROM structures ORDER BY created_at, id", rs -> rs.getString(1));
    }

    public void createStructure(Tx tx, String id, String name, Instant now) {
        tx.update("INSERT INTO structures (id, name, created_at) VALUES (?, ?, ?)", id, name, now.toEpochMilli());
    }

    public void createUser(
            Tx tx,
            String id,
            String structureId,
            String username,
            String displayName,
            Role role,
            String passwordHash,
            Instant now) {
        tx.update(
                "INSERT INTO users (id, structure_id, username, display_name, role, password_hash, active, "
                        + "failed_logins, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?)",
                id,
                structureId,
                normalise(username),
                displayName,
                role.code(),
                passwordHash,
                now.toEpochMilli());
    }

    public Optional<UserRecord> findByUsername(Tx tx, String username) {
        return tx.queryOne("SELECT " + COLUMNS + " FROM users WHERE username = ?", UserStore::map, normalise(username));
    }

    public Optional<UserRecord> findById(Tx tx, String id) {
        return tx.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", UserStore::map, id);
    }

    /** Active accounts of a structure, optionally of one role, by display name. */
    public List<UserRecord> listActive(Tx tx, String structureId, Role role) {
        if (role == null) {
            return tx.query(
                    "SELECT " + COLUMNS + " FROM users WHERE structure_id = ? AND active = 1 "
                            + "ORDER BY display_name, id",
                    UserStore::map,
                    structureId);
        }
        return tx.query(
                "SELECT " + COLUMNS + " FROM users WHERE structure_id = ? AND active = 1 AND role = ? "
                        + "ORDER BY display_name, id",
                UserStore::map,
                structureId,
                role.code());
    }

    /** One more failed password or code, counted in the database (concurrent failures each count). */
    public void incrementFailedLogins(Tx tx, String userId) {
        tx.update("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?", userId);
    }

    public void setPassword(Tx tx, String userId, String passwordHash, boolean temporary) {
        tx.update(
                "UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?",
                passwordHash,
                temporary ? 1 : 0,
                userId);
    }

    /** A secret given for enrolment, not yet confirmed by a code. */
    public void setPendingTotp(Tx tx, String userId, String secret) {
        tx.update(
                "UPDATE users SET totp_secret = ?, totp_enrolled = 0, totp_last_step = NULL WHERE id = ?",
                secret,
                userId);
    }

    /** Forgets the second factor (an admin reset): the next login enrols again. */
    public void clearTotp(Tx tx, String userId) {
        tx.update("UPDATE users SET totp_secret = NULL, totp_enrolled = 0, totp_last_step = NULL WHERE id = ?", userId);
    }

    /** A known secret, already enrolled (the demo accounts). */
    public void setEnrolledTotp(Tx tx, String userId, String secret) {
        tx.update(
                "UPDATE users SET totp_secret = ?, totp_enrolled = 1, totp_last_step = NULL WHERE id = ?",
                secret,
                userId);
    }

    /**
     * Uses a TOTP step: false if this step or a later one was already used (a code is good once, even by two
     * logins at the same moment). Confirms a pending enrolment.
     */
    public boolean useTotpStep(Tx tx, String userId, long step, boolean enrol) {
        return tx.update(
                        "UPDATE users SET totp_last_step = ?, totp_enrolled = 1 WHERE id = ? "
                                + "AND (totp_last_step IS NULL OR totp_last_step < ?)"
                                + (enrol ? "" : " AND totp_enrolled = 1"),
                        step,
                        userId,
                        step)
                == 1;
    }

    public void resetFailedLogins(Tx tx, String userId) {
        tx.update("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", userId);
    }

    public static String normalise(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    private static UserRecord map(ResultSet rs) throws SQLException {
        long locked = rs.getLong("locked_until");
        Long lockedUntil = rs.wasNull() ? null : locked;
        return new UserRecord(
                rs.getString("id"),
                rs.getString("structure_id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.fromCode(rs.getString("role")),
                rs.getString("password_hash"),
                rs.getInt("active") == 1,
                rs.getInt("failed_logins"),
                lockedUntil,
                rs.getInt("must_change_password") == 1,
                rs.getString("totp_secret"),
                rs.getInt("totp_enrolled") == 1,
                Tx.nullableLong(rs, "totp_last_step"));
    }
}
