package fr.mediance.server.audit;

import fr.mediance.protocol.AuditEventDto;
import fr.mediance.protocol.AuditEventsReceipt;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.StoreException;
import fr.mediance.server.db.Tx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit log's events: who (account and device, always from the caller's token), when (the server's
 * clock), what. A push's events are written in the push's own transaction, into an outbox in the data's database
 * ({@link #stage}), and written to the journal once it has committed ({@link #flush}); the outbox is cleared in
 * batches, and what a server killed in between left there is moved at the next start: a change is never stored
 * without its event. Other events the server witnesses (pulls, downloads, exports, reading the journal) are
 * written before the answer leaves; if the journal cannot be written, the failure is logged and the request is
 * still answered (the data is not held hostage by its log). A device's batch is written or refused whole, so that
 * the device sends it again.
 */
public final class Auditor {
    private static final Logger LOG = LoggerFactory.getLogger(Auditor.class);

    /**
     * One event the server witnessed, before the caller, device and time are added. {@code eventId}: the event's
     * id when it must be the same each time the event is written again (a pushed operation's, see
     * {@link #operationEventId}); null for a new one.
     */
    public record Entry(
            String eventId, String action, String entityType, String entityId, String residentId, String summary) {
        public Entry(String action, String entityType, String entityId, String residentId, String summary) {
            this(null, action, entityType, entityId, residentId, summary);
        }
    }

    /** Events moved from the outbox to the journal at a time. */
    static final int OUTBOX_BATCH = 500;

    private final AuditStore store;
    private final Database data;
    private final Clock clock;
    private final Map<String, String> deviceIds = new ConcurrentHashMap<>();

    public Auditor(AuditStore store, Database data, Clock clock) {
        this.store = store;
        this.data = data;
        this.clock = clock;
    }

    /** An auditor that writes nothing (for services built without a journal, e.g. in unit tests). */
    public static Auditor disabled() {
        return new Auditor(null, null, Clock.systemUTC());
    }

    public boolean enabled() {
        return store != null;
    }

    public void record(
            AuthUser user, String action, String entityType, String entityId, String residentId, String summary) {
        recordAll(user, List.of(new Entry(action, entityType, entityId, residentId, summary)));
    }

    /** Writes events witnessed by the server for this caller; never throws. */
    public void recordAll(AuthUser user, List<Entry> entries) {
        if (store == null || entries.isEmpty()) {
            return;
        }
        try {
            Instant now = clock.instant();
            String device = deviceId(user);
            store.append(user.structureId(), events(user, device, entries, now), now);
        } catch (StoreException | AuditStore.AuditWriteException e) {
            LOG.error("audit events could not be written ({} events)", entries.size(), e);
        }
    }

    private static List<AuditEventDto> events(AuthUser user, String device, List<Entry> entries, Instant now) {
        List<AuditEventDto> events = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            events.add(new AuditEventDto(
                    e.eventId() != null ? e.eventId() : UUID.randomUUID().toString(),
                    now,
                    user.id(),
                    user.username(),
                    device,
                    AuditEventDto.SOURCE_SERVER,
                    e.action(),
                    e.entityType(),
                    e.entityId(),
                    e.residentId(),
                    e.summary()));
        }
        return events;
    }

    /** The id of the event of a pushed operation: the same whenever the operation is applied or sent again. */
    public static String operationEventId(String opId) {
        return "op-" + UUID.nameUUIDFromBytes(("push\n" + opId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the events of a push into the outbox inside the push's own transaction (same connection: nothing
     * else is held meanwhile), so that they commit with the data or not at all. Answers them, for {@link #flush}
     * once the transaction has committed.
     */
    public List<AuditEventDto> stage(Tx tx, AuthUser user, List<Entry> entries) {
        if (store == null || entries.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String device = user.deviceRef() == null
                ? null
                : deviceIds.computeIfAbsent(
                        user.deviceRef(),
                        ref -> tx.queryOne("SELECT device_id FROM devices WHERE id = ?", rs -> rs.getString(1), ref)
                                .orElse(ref));
        List<AuditEventDto> events = events(user, device, entries, now);
        for (AuditEventDto e : events) {
            tx.update(
                    "INSERT INTO audit_outbox (event_id, structure_id, event, created_at) VALUES (?, ?, ?, ?)",
                    e.id(),
                    user.structureId(),
                    MedianceJson.gson().toJson(e, AuditEventDto.class),
                    now.toEpochMilli());
        }
        return events;
    }

    /**
     * Writes a committed push's staged events to the journal at once; never throws. They stay in the outbox until
     * {@link #flushOutbox} clears it in one batch (writing them again changes nothing: an id already held is not
     * stored twice), so that a push costs no second write on the data's database.
     */
    public void flush(AuthUser user, List<AuditEventDto> staged) {
        if (store == null || staged.isEmpty()) {
            return;
        }
        try {
            store.append(user.structureId(), staged, clock.instant());
        } catch (StoreException | AuditStore.AuditWriteException e) {
            LOG.error("audit events left in the outbox ({} events)", staged.size(), e);
        }
    }

    /**
     * Moves every staged event to the journal and clears the outbox (at start: what a server killed after a push's
     * commit left; and every hour): answers how many were moved.
     */
    public int flushOutbox() {
        if (store == null) {
            return 0;
        }
        int moved = 0;
        while (true) {
            List<String> ids = data.read(tx -> tx.query(
                    "SELECT event_id FROM audit_outbox ORDER BY created_at, event_id LIMIT " + OUTBOX_BATCH,
                    rs -> rs.getString(1)));
            if (ids.isEmpty()) {
                return moved;
            }
            move(ids);
            moved += ids.size();
        }
    }

    private void move(List<String> eventIds) {
        record Staged(String id, String structureId, String event) {}
        String marks = String.join(", ", java.util.Collections.nCopies(eventIds.size(), "?"));
        List<Staged> staged = data.read(tx -> tx.query(
                "SELECT event_id, structure_id, event FROM audit_outbox WHERE event_id IN (" + marks + ")",
                rs -> new Staged(rs.getString(1), rs.getString(2), rs.getString(3)),
                eventIds.toArray()));
        Instant now = clock.instant();
        Map<String, List<AuditEventDto>> byStructure = new java.util.LinkedHashMap<>();
        for (Staged s : staged) {
            byStructure
                    .computeIfAbsent(s.structureId(), k -> new ArrayList<>())
                    .add(MedianceJson.gson().fromJson(s.event(), AuditEventDto.class));
        }
        // written (an id already held is not written twice), then removed: a crash between the two moves them again
        byStructure.forEach((structure, events) -> store.append(structure, events, now));
        data.inTransaction(tx -> {
            for (Staged s : staged) {
                tx.update("DELETE FROM audit_outbox WHERE event_id = ?", s.id());
            }
            return null;
        });
    }

    /**
     * Stores a device's events (already checked) under the caller's account and device, whatever the device said
     * of them. Throws if the journal cannot be written, so the device keeps its queue.
     */
    public AuditEventsReceipt fromDevice(AuthUser user, List<AuditEventDto> events) {
        if (store == null) {
            return new AuditEventsReceipt(0, events.size());
        }
        Instant now = clock.instant();
        String device = deviceId(user);
        List<AuditEventDto> stamped = events.stream()
                .map(e -> new AuditEventDto(
                        // one device's ids never collide with another account's, nor with the server's UUIDs
                        user.id() + "/" + e.id(),
                        e.at(),
                        user.id(),
                        user.username(),
                        device,
                        AuditEventDto.SOURCE_DEVICE,
                        e.action(),
                        e.entityType(),
                        e.entityId(),
                        e.residentId(),
                        e.summary()))
                .toList();
        int stored = store.append(user.structureId(), stamped, now);
        return new AuditEventsReceipt(stored, events.size() - stored);
    }

    /** The device's own identifier (as it logged in), from the device row the token is bound to. */
    private String deviceId(AuthUser user) {
        if (user.deviceRef() == null || data == null) {
            return null;
        }
        return deviceIds.computeIfAbsent(
                user.deviceRef(),
                ref -> data.read(tx ->
                                tx.queryOne("SELECT device_id FROM devices WHERE id = ?", rs -> rs.getString(1), ref))
                        .orElse(ref));
    }
}
