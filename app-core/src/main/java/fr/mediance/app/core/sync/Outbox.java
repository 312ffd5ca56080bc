package fr.mediance.app.core.sync;

import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.Tx;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.json.MedianceJson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The queue of local changes waiting for the server, in the {@code outbox} table. A change is enqueued in
 * the SAME transaction as the record it changes (give the {@link Tx}). Operations are sent in order; an
 * acknowledged one is removed, a refused one is quarantined with its reason (kept, never deleted unsent,
 * skipped by the next pushes).
 */
public final class Outbox {
    static final String PENDING = "pending";
    static final String QUARANTINED = "quarantined";

    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /** One pending operation read back for a push. */
    record Pending(long seq, OperationDto op) {}

    /** Called after a transaction that changed the outbox commits. */
    public void addListener(Runnable r) {
        listeners.add(r);
    }

    private void changed(Tx tx) {
        tx.afterCommit(() -> listeners.forEach(Runnable::run));
    }

    /**
     * Queues the full record {@code dto} as it is now, with the server version it was based on
     * (null for a record created on this device). Returns the operation id.
     */
    public String enqueue(Tx tx, EntityDto dto, String summary) {
        EntityType type = EntityType.of(dto);
        Long base = Records.version(tx, type, dto.id()).orElse(null);
        OperationDto op = new OperationDto(UUID.randomUUID().toString(), type, dto.id(), base, false, dto);
        insert(tx, op, summary);
        return op.opId();
    }

    /**
     * Queues an update of some fields of a record: {@code dto} is the whole record as it is now on this device,
     * {@code changedFields} the wire names of the fields this change sets, {@code baseVersion} the server
     * version the user edited (the server merges field by field from it). Returns the operation id.
     */
    public String enqueueUpdate(Tx tx, EntityDto dto, Long baseVersion, List<String> changedFields, String summary) {
        if (changedFields == null || changedFields.isEmpty()) {
            throw new IllegalArgumentException("an update names the fields it changes");
        }
        EntityType type = EntityType.of(dto);
        OperationDto op =
                new OperationDto(UUID.randomUUID().toString(), type, dto.id(), baseVersion, false, dto, changedFields);
        insert(tx, op, summary);
        return op.opId();
    }

    /** Queues the deletion of a record. */
    public String enqueueDelete(Tx tx, EntityType type, String id, String summary) {
        Long base = Records.version(tx, type, id).orElse(null);
        OperationDto op = new OperationDto(UUID.randomUUID().toString(), type, id, base, true, null);
        insert(tx, op, summary);
        return op.opId();
    }

    private void insert(Tx tx, OperationDto op, String summary) {
        String payload = MedianceJson.gson().toJson(op, OperationDto.class);
        // the server refuses both at sync (Limits): a form lets neither through, and nothing is queued that would be
        if (!Limits.isValidId(op.entityId())) {
            throw new IllegalArgumentException("an identifier of 1 to " + Limits.MAX_ID + " characters is expected");
        }
        if (!Limits.isWellFormed(payload)) {
            throw new IllegalArgumentException("a text holds half of a UTF-16 surrogate pair");
        }
        tx.update(
                """
                INSERT INTO outbox(op_id, entity, entity_id, base_version, is_delete, payload, summary, created_at, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                op.opId(),
                op.entity().code(),
                op.entityId(),
                op.baseVersion(),
                op.delete(),
                payload,
                summary,
                clock.instant(),
                PENDING);
        changed(tx);
    }

    /** Notes that these operations are about to be sent (a sent operation is never rebased). */
    void sending(Tx tx, List<Long> seqs, Instant now) {
        for (Long seq : seqs) {
            tx.update("UPDATE outbox SET sent_at = ? WHERE seq = ? AND sent_at IS NULL", now, seq);
        }
    }

    /**
     * After the server acknowledged a change of a record at {@code version}, the later field updates of the same
     * record that were never sent are rebased on that version: they were made on top of the acknowledged change,
     * so the server must not see the fields it set as changed by someone else.
     */
    void rebaseLaterUpdates(Tx tx, long ackedSeq, EntityType type, String id, long version) {
        List<Pending> later = tx.query(
                """
                SELECT seq, payload FROM outbox WHERE entity = ? AND entity_id = ? AND seq > ? AND state = ?
                  AND sent_at IS NULL ORDER BY seq
                """,
                r -> new Pending(
                        r.longValue("seq"), MedianceJson.gson().fromJson(r.string("payload"), OperationDto.class)),
                type.code(),
                id,
                ackedSeq,
                PENDING);
        for (Pending p : later) {
            OperationDto o = p.op();
            if (o.changedFields().isEmpty() || (o.baseVersion() != null && o.baseVersion() >= version)) {
                continue;
            }
            OperationDto rebased = new OperationDto(
                    o.opId(), o.entity(), o.entityId(), version, o.delete(), o.data(), o.changedFields());
            tx.update(
                    "UPDATE outbox SET base_version = ?, payload = ? WHERE seq = ?",
                    version,
                    MedianceJson.gson().toJson(rebased, OperationDto.class),
                    p.seq());
        }
    }

    /** The oldest pending operations, in order, at most {@code max}. */
    List<Pending> nextBatch(Tx tx, int max) {
        return tx.query(
                "SELECT seq, payload FROM outbox WHERE state = ? ORDER BY seq LIMIT ?",
                r -> new Pending(
                        r.longValue("seq"), MedianceJson.gson().fromJson(r.string("payload"), OperationDto.class)),
                PENDING,
                max);
    }

    /** Whether a change of this record waits (pending or quarantined): a pull must not overwrite it. */
    public boolean hasLocalChange(Tx tx, EntityType type, String id) {
        return tx.exists("SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ?", type.code(), id);
    }

    /** Removes an acknowledged operation; returns it with its place, or null if it was not there. */
    Pending acknowledge(Tx tx, String opId) {
        Pending op = tx.queryOne(
                        "SELECT seq, payload FROM outbox WHERE op_id = ?",
                        r -> new Pending(
                                r.longValue("seq"),
                                MedianceJson.gson().fromJson(r.string("payload"), OperationDto.class)),
                        opId)
                .orElse(null);
        tx.update("DELETE FROM outbox WHERE op_id = ?", opId);
        changed(tx);
        return op;
    }

    void quarantine(Tx tx, String opId, String code, String message) {
        tx.update("""
                UPDATE outbox SET state = ?, reason_code = ?, reason_message = ?, quarantined_at = ?, attempts = attempts + 1
                WHERE op_id = ?
                """, QUARANTINED, code, message, clock.instant(), opId);
        changed(tx);
    }

    /** Notes a failed attempt (the operations stay pending). */
    void attempted(Tx tx, List<Long> seqs, String error) {
        for (Long seq : seqs) {
            tx.update("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?", error, seq);
        }
    }

    /**
     * Puts a quarantined operation back in the queue, at its original place, as a NEW operation (new opId):
     * the server keeps its answer per opId, so the refused one would be refused again. The payload is the
     * record as it is now, based on the version now known.
     */
    public void retry(Tx tx, String opId) {
        Optional<OperationDto> old = tx.queryOne(
                "SELECT payload FROM outbox WHERE op_id = ? AND state = ?",
                r -> MedianceJson.gson().fromJson(r.string("payload"), OperationDto.class),
                opId,
                QUARANTINED);
        if (old.isEmpty()) {
            return;
        }
        OperationDto o = old.get();
        EntityDto current =
                o.delete() ? null : Records.load(tx, o.entity(), o.entityId()).orElse(o.data());
        Long base = Records.version(tx, o.entity(), o.entityId()).orElse(o.baseVersion());
        OperationDto fresh = new OperationDto(
                UUID.randomUUID().toString(), o.entity(), o.entityId(), base, o.delete(), current, o.changedFields());
        tx.update("""
                UPDATE outbox SET op_id = ?, base_version = ?, payload = ?, state = ?, reason_code = NULL,
                  reason_message = NULL, quarantined_at = NULL, attempts = 0, last_error = NULL, sent_at = NULL
                WHERE op_id = ?
                """, fresh.opId(), base, MedianceJson.gson().toJson(fresh, OperationDto.class), PENDING, opId);
        changed(tx);
    }

    /** Removes a quarantined operation; returns it, or empty if it was not quarantined. */
    Optional<OperationDto> discard(Tx tx, String opId) {
        Optional<OperationDto> op = tx.queryOne(
                "SELECT payload FROM outbox WHERE op_id = ? AND state = ?",
                r -> MedianceJson.gson().fromJson(r.string("payload"), OperationDto.class),
                opId,
                QUARANTINED);
        if (op.isPresent()) {
            tx.update("DELETE FROM outbox WHERE op_id = ?", opId);
            changed(tx);
        }
        return op;
    }

    public int countPending(Tx tx) {
        return (int) tx.queryLong("SELECT count(*) FROM outbox WHERE state = ?", PENDING);
    }

    public int countQuarantined(Tx tx) {
        return (int) tx.queryLong("SELECT count(*) FROM outbox WHERE state = ?", QUARANTINED);
    }

    public List<OutboxItem> items(Tx tx, OutboxItem.State state) {
        return tx.query(
                "SELECT * FROM outbox WHERE state = ? ORDER BY seq",
                Outbox::item,
                state == OutboxItem.State.PENDING ? PENDING : QUARANTINED);
    }

    private static OutboxItem item(Row r) {
        Instant created = r.instant("created_at");
        return new OutboxItem(
                r.longValue("seq"),
                r.string("op_id"),
                EntityType.fromCode(r.string("entity")),
                r.string("entity_id"),
                r.string("summary"),
                created,
                QUARANTINED.equals(r.string("state")) ? OutboxItem.State.QUARANTINED : OutboxItem.State.PENDING,
                r.intValue("attempts"),
                r.string("reason_code"),
                r.string("reason_message"));
    }
}
