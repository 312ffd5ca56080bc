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
            "id, structure_id, username, display_name, role, password_hash, active, " + "failed_logins, locked_until";

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

    /** The result of a failed password check: the new count, and the lock if it is set. */
    public void recordFailedLogin(Tx tx, String userId, int failedLogins, Long lockedUntilMillis) {
        tx.update(
                "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                failedLogins,
                lockedUntilMillis,
                userId);
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
                lockedUntil);
    }
}
