package fr.mediance.server.sync;

import fr.mediance.protocol.EntityType;
import fr.mediance.server.db.Tx;
import java.time.Instant;
import java.util.List;

/**
 * The change log: one row per stored change, numbered by the global sequence. A row's audience is the whole
 * structure ({@code audience_user_id} null), one user (access granted to a record they could not see, or
 * withdrawn from one they could), or everyone (reference data: {@code structure_id} null too).
 */
final class ChangeLogStore {
    static final String KIND_CHANGE = "change";
    static final String KIND_GRANT = "grant";
    static final String KIND_REVOKE = "revoke";

    record Row(long seq, EntityType type, String entityId, String audienceUserId, String kind) {}

    void append(
            Tx tx,
            long seq,
            EntityType type,
            String entityId,
            String structureId,
            String audienceUserId,
            String kind,
            boolean deleted,
            Long baseVersion,
            String opId,
            String changedBy,
            Instant now) {
        tx.update(
                "INSERT INTO change_log (seq, entity_type, entity_id, structure_id, audience_user_id, kind, "
                        + "deleted, base_version, op_id, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq,
                type.code(),
                entityId,
                structureId,
                audienceUserId,
                kind,
                deleted,
                baseVersion,
                opId,
                changedBy,
                now.toEpochMilli());
    }

    /** Rows after {@code since} that this user's structure or this user is in the audience of, oldest first. */
    List<Row> scan(Tx tx, long since, String structureId, String userId, int limit) {
        return tx.query(
                "SELECT seq, entity_type, entity_id, audience_user_id, kind FROM change_log "
                        + "WHERE seq > ? AND (structure_id = ? OR structure_id IS NULL) "
                        + "AND (audience_user_id IS NULL OR audience_user_id = ?) ORDER BY seq LIMIT ?",
                rs -> new Row(
                        rs.getLong(1),
                        EntityType.fromCode(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)),
                since,
                structureId,
                userId,
                limit);
    }
}
