package fr.mediance.server.auth;

import fr.mediance.server.db.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for devices, access tokens and refresh tokens (by SHA-256 of the token). */
final class TokenStore {

    record RefreshRow(
            String tokenHash,
            String deviceRef,
            String deviceId,
            String userId,
            long expiresAt,
            Long rotatedAt,
            Long revokedAt) {}

    record AccessRow(String userId, String deviceRef, long expiresAt, Long revokedAt) {}

    /** The device row of this user and device id, created on first sight; its last-seen time is updated. */
    String touchDevice(Tx tx, String userId, String deviceId, Instant now) {
        long t = now.toEpochMilli();
        Optional<String> existing = tx.queryOne(
                "SELECT id FROM devices WHERE user_id = ? AND device_id = ?", rs -> rs.getString(1), userId, deviceId);
        if (existing.isPresent()) {
            tx.update("UPDATE devices SET last_seen_at = ? WHERE id = ?", t, existing.get());
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        tx.update(
                "INSERT INTO devices (id, user_id, device_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                id,
                userId,
                deviceId,
                t,
                t);
        return id;
    }

    void insertAccess(Tx tx, String tokenHash, String deviceRef, String userId, Instant now, Instant expires) {
        tx.update(
                "INSERT INTO access_tokens (token_hash, device_ref, user_id, issued_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                tokenHash,
                deviceRef,
                userId,
                now.toEpochMilli(),
                expires.toEpochMilli());
    }

    void insertRefresh(Tx tx, String tokenHash, String deviceRef, String userId, Instant now, Instant expires) {
        tx.update(
                "INSERT INTO refresh_tokens (token_hash, device_ref, user_id, issued_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                tokenHash,
                deviceRef,
                userId,
                now.toEpochMilli(),
                expires.toEpochMilli());
    }

    Optional<AccessRow> findAccess(Tx tx, String tokenHash) {
        return tx.queryOne(
                "SELECT user_id, device_ref, expires_at, revoked_at FROM access_tokens " + "WHERE token_hash = ?",
                rs -> new AccessRow(rs.getString(1), rs.getString(2), rs.getLong(3), Tx.nullableLong(rs, "revoked_at")),
                tokenHash);
    }

    Optional<RefreshRow> findRefresh(Tx tx, String tokenHash) {
        return tx.queryOne(
                "SELECT r.token_hash, r.device_ref, d.device_id, r.user_id, r.expires_at, r.rotated_at, "
                        + "r.revoked_at FROM refresh_tokens r JOIN devices d ON d.id = r.device_ref WHERE r.token_hash = ?",
                rs -> new RefreshRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        Tx.nullableLong(rs, "rotated_at"),
                        Tx.nullableLong(rs, "revoked_at")),
                tokenHash);
    }

    /** Marks a refresh token used; false if someone else used or revoked it first. */
    boolean rotate(Tx tx, String tokenHash, Instant now) {
        return tx.update(
                        "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL "
                                + "AND revoked_at IS NULL",
                        now.toEpochMilli(),
                        tokenHash)
                == 1;
    }

    /**
     * For a refresh token presented again after it was rotated: if the pair issued by that rotation (same device,
     * issued at the rotation time) is alone, unused and not older than {@code grace}, voids it (its refresh
     * and access tokens) and moves the old token's rotation time to {@code now}, so that the pair about to be
     * issued is the one a further retry would take back. False otherwise: the old token is being reused.
     */
    boolean takeBackUnusedSuccessor(Tx tx, RefreshRow row, Instant now, java.time.Duration grace) {
        long rotatedAt = row.rotatedAt();
        if (now.toEpochMilli() - rotatedAt > grace.toMillis()) {
            return false;
        }
        List<String> successors = tx.query(
                "SELECT token_hash FROM refresh_tokens WHERE device_ref = ? AND issued_at = ? "
                        + "AND token_hash <> ? AND rotated_at IS NULL AND revoked_at IS NULL",
                rs -> rs.getString(1),
                row.deviceRef(),
                rotatedAt,
                row.tokenHash());
        long issuedThen = tx.queryOne(
                        "SELECT count(*) FROM refresh_tokens WHERE device_ref = ? AND issued_at = ? "
                                + "AND token_hash <> ?",
                        rs -> rs.getLong(1),
                        row.deviceRef(),
                        rotatedAt,
                        row.tokenHash())
                .orElse(0L);
        if (successors.size() != 1 || issuedThen != 1) {
            return false;
        }
        long t = now.toEpochMilli();
        tx.update("UPDATE refresh_tokens SET revoked_at = ? WHERE token_hash = ?", t, successors.get(0));
        tx.update(
                "UPDATE access_tokens SET revoked_at = ? WHERE device_ref = ? AND issued_at = ? AND revoked_at IS NULL",
                t,
                row.deviceRef(),
                rotatedAt);
        tx.update("UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ?", t, row.tokenHash());
        return true;
    }

    /** Revokes every token of a device (logout, or a refresh token used twice). */
    void revokeDevice(Tx tx, String deviceRef, Instant now) {
        long t = now.toEpochMilli();
        tx.update("UPDATE access_tokens SET revoked_at = ? WHERE device_ref = ? AND revoked_at IS NULL", t, deviceRef);
        tx.update("UPDATE refresh_tokens SET revoked_at = ? WHERE device_ref = ? AND revoked_at IS NULL", t, deviceRef);
    }
}
