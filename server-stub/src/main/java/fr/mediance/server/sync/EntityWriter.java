package fr.mediance.server.sync;

import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.server.db.Tx;
import java.time.Instant;

/**
 * Every write to a synced table goes through here, so that the record, its new version and its change log
 * row are written together, in the caller's transaction.
 */
public final class EntityWriter {
    private final EntityStore store;
    private final ChangeLogStore changes;
    private final Sequence sequence;

    public EntityWriter() {
        this(new EntityStore(), new ChangeLogStore(), new Sequence());
    }

    EntityWriter(EntityStore store, ChangeLogStore changes, Sequence sequence) {
        this.store = store;
        this.changes = changes;
        this.sequence = sequence;
    }

    /** Makes the calling transaction the only writer of change numbers until it ends. Call it first. */
    public void beginWrite(Tx tx) {
        sequence.serializeWriters(tx);
    }

    /**
     * Stores a record's new state (structure-wide, or global for codes); answers its new version. Residents and
     * appointments also keep the version in their history, for the field-level merge of later changes.
     */
    public long save(
            Tx tx, EntityDto data, String structureId, String userId, Instant now, Long baseVersion, String opId) {
        long version = sequence.next(tx);
        String scope = data instanceof CodeDto || data instanceof fr.mediance.protocol.PartnerDto ? null : structureId;
        store.upsert(tx, scope, data, version, false, userId, now);
        if (keepsHistory(EntityType.of(data))) {
            store.insertVersion(tx, EntityType.of(data), data.id(), version, false, data, userId, now);
        }
        changes.append(
                tx,
                version,
                EntityType.of(data),
                data.id(),
                scope,
                null,
                ChangeLogStore.KIND_CHANGE,
                false,
                baseVersion,
                opId,
                userId,
                now);
        return version;
    }

    /** Turns a record into a tombstone; answers its new version. */
    public long delete(Tx tx, StoredEntity existing, String userId, Instant now, Long baseVersion, String opId) {
        long version = sequence.next(tx);
        store.markDeleted(tx, existing.type(), existing.id(), version, userId, now);
        if (keepsHistory(existing.type())) {
            store.insertVersion(tx, existing.type(), existing.id(), version, true, existing.data(), userId, now);
        }
        changes.append(
                tx,
                version,
                existing.type(),
                existing.id(),
                existing.structureId(),
                null,
                ChangeLogStore.KIND_CHANGE,
                true,
                baseVersion,
                opId,
                userId,
                now);
        return version;
    }

    /**
     * Tells one user's next pull to send a record they just gained access to, even if the record itself
     * changed before their cursor.
     */
    void grant(
            Tx tx,
            EntityType type,
            String entityId,
            String structureId,
            String audienceUserId,
            String userId,
            Instant now,
            String opId) {
        long seq = sequence.next(tx);
        changes.append(
                tx,
                seq,
                type,
                entityId,
                structureId,
                audienceUserId,
                ChangeLogStore.KIND_GRANT,
                false,
                null,
                opId,
                userId,
                now);
    }

    /**
     * Tells one user's next pull that they may no longer see a record (it arrives as a tombstone), unless
     * they can see it again by then.
     */
    void revoke(
            Tx tx,
            EntityType type,
            String entityId,
            String structureId,
            String audienceUserId,
            String userId,
            Instant now,
            String opId) {
        long seq = sequence.next(tx);
        changes.append(
                tx,
                seq,
                type,
                entityId,
                structureId,
                audienceUserId,
                ChangeLogStore.KIND_REVOKE,
                false,
                null,
                opId,
                userId,
                now);
    }

    /** The shared records that merge field by field keep every version. */
    static boolean keepsHistory(EntityType type) {
        return type == EntityType.RESIDENT || type == EntityType.APPOINTMENT;
    }

    /** A stored code, and whether nobody but the seeding ever wrote it (no edit, no deletion). */
    public record StoredCode(CodeDto code, boolean untouched) {}

    /** Every code ever stored (tombstones included) by id, for seeding. */
    public java.util.Map<String, StoredCode> storedCodes(Tx tx) {
        java.util.Map<String, StoredCode> out = new java.util.HashMap<>();
        tx.query(
                "SELECT id, data, updated_by, deleted FROM codes",
                rs -> out.put(
                        rs.getString(1),
                        new StoredCode(
                                (CodeDto) EntityJson.read(EntityType.CODE, rs.getString(2)),
                                rs.getString(3) == null && rs.getInt(4) == 0)));
        return out;
    }
}
