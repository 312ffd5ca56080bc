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

    record AccessRow(
            String userId,
            String deviceRef,
            long expiresAt,
            Long revokedAt,
            Long firstUsedAt,
            Long deviceRevokedAt,
            Long wipeAfter) {}

    /** The device row of this user and device id, created on first sight; its last-seen time is updated. */
    String touchDevice(Tx tx, String userId, String deviceId, Instant now) {
        return touchDevice(tx, userId, deviceId, now, null);
    }

    /** The same, noting the app version the device gave (kept when it gives none). */
    String touchDevice(Tx tx, String userId, String deviceId, Instant now, String appVersion) {
        long t = now.toEpochMilli();
        String version = appVersion == null || appVersion.isBlank() ? null : appVersion.strip();
        if (version != null && version.length() > 40) {
            version = version.substring(0, 40);
        }
        Optional<String> existing = tx.queryOne(
                "SELECT id FROM devices WHERE user_id = ? AND device_id = ?", rs -> rs.getString(1), userId, deviceId);
        if (existing.isPresent()) {
            tx.update("UPDATE devices SET last_seen_at = ? WHERE id = ?", t, existing.get());
            if (version != null) {
                tx.update("UPDATE devices SET app_version = ? WHERE id = ?", version, existing.get());
            }
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        tx.update(
                "INSERT INTO devices (id, user_id, device_id, first_seen_at, last_seen_at, app_version) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                id,
                userId,
                deviceId,
                t,
                t,
                version);
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
                "SELECT a.user_id, a.device_ref, a.expires_at, a.revoked_at, a.first_used_at, "
                        + "d.revoked_at AS device_revoked_at, d.wipe_after FROM access_tokens a "
                        + "JOIN devices d ON d.id = a.device_ref WHERE a.token_hash = ?",
                rs -> new AccessRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        Tx.nullableLong(rs, "revoked_at"),
                        Tx.nullableLong(rs, "first_used_at"),
                        Tx.nullableLong(rs, "device_revoked_at"),
                        Tx.nullableLong(rs, "wipe_after")),
                tokenHash);
    }

    /** Records the first use of an access token. */
    void markUsed(Tx tx, String tokenHash, Instant now) {
        tx.update(
                "UPDATE access_tokens SET first_used_at = ? WHERE token_hash = ? AND first_used_at IS NULL",
                now.toEpochMilli(),
                tokenHash);
    }

    /** The device id if this device has signed in to this account before and is not revoked. */
    Optional<String> knownDevice(Tx tx, String userId, String deviceId) {
        return tx.queryOne(
                "SELECT device_id FROM devices WHERE user_id = ? AND device_id = ? AND revoked_at IS NULL",
                rs -> rs.getString(1),
                userId,
                deviceId);
    }

    boolean deviceRevoked(Tx tx, String userId, String deviceId) {
        return tx.exists(
                "SELECT 1 FROM devices WHERE user_id = ? AND device_id = ? AND revoked_at IS NOT NULL",
                userId,
                deviceId);
    }

    boolean pastWipeDeadline(Tx tx, String deviceRef, Instant now) {
        return tx.exists(
                "SELECT 1 FROM devices WHERE id = ? AND revoked_at IS NOT NULL AND (wipe_after IS NULL OR wipe_after <= ?)",
                deviceRef,
                now.toEpochMilli());
    }

    /**
     * Notes a sync, at most once a minute per device. Looked up first: on SQLite an {@code UPDATE} takes the one
     * writer's lock even when it changes nothing, and a device pulls many pages a minute.
     */
    void recordSync(Tx tx, String deviceRef, Instant now) {
        long t = now.toEpochMilli();
        if (!tx.exists(
                "SELECT 1 FROM devices WHERE id = ? AND (last_sync_at IS NULL OR last_sync_at < ?)",
                deviceRef,
                t - 60_000)) {
            return;
        }
        tx.update(
                "UPDATE devices SET last_sync_at = ? WHERE id = ? AND (last_sync_at IS NULL OR last_sync_at < ?)",
                t,
                deviceRef,
                t - 60_000);
    }

    void markWipedIfRevoked(Tx tx, String deviceRef, Instant now) {
        tx.update(
                "UPDATE devices SET wiped_at = ? WHERE id = ? AND revoked_at IS NOT NULL AND wiped_at IS NULL",
                now.toEpochMilli(),
                deviceRef);
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
        boolean successorUsed = tx.exists(
                "SELECT 1 FROM access_tokens WHERE device_ref = ? AND issued_at = ? AND first_used_at IS NOT NULL",
                row.deviceRef(),
                rotatedAt);
        if (successorUsed) {
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
