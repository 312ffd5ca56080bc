package fr.mediance.server.sync;

import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.server.db.Tx;
import java.time.Instant;
import java.util.Optional;

/** The result of every operation ever applied, by {@code opId}: a repeat gets the stored result. */
final class AppliedOperationStore {

    record Stored(String userId, EntityType type, String entityId, OperationResultDto result) {}

    Optional<Stored> find(Tx tx, String opId) {
        return tx.queryOne(
                "SELECT user_id, entity_type, entity_id, status, version, code, message "
                        + "FROM applied_operations WHERE op_id = ?",
                rs -> new Stored(
                        rs.getString(1),
                        EntityType.fromCode(rs.getString(2)),
                        rs.getString(3),
                        new OperationResultDto(
                                opId,
                                OpStatus.fromCode(rs.getString(4)),
                                Tx.nullableLong(rs, "version"),
                                rs.getString(6),
                                rs.getString(7))),
                opId);
    }

    void insert(
            Tx tx,
            String userId,
            String deviceId,
            EntityType type,
            String entityId,
            OperationResultDto r,
            Instant now) {
        tx.update(
                "INSERT INTO applied_operations (op_id, user_id, device_id, entity_type, entity_id, status, "
                        + "version, code, message, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.opId(),
                userId,
                deviceId,
                type.code(),
                entityId,
                r.status().code(),
                r.version(),
                r.code(),
                r.message(),
                now.toEpochMilli());
    }
}
