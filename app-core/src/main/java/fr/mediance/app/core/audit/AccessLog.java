package fr.mediance.app.core.audit;

import fr.mediance.app.core.store.StoreException;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.AuditEventDto;
import fr.mediance.protocol.EntityType;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the device shows, prints or shares of a resident's data while offline (the server sees only what it
 * serves): each event is written into the encrypted store ({@code audit_queue}) in its own transaction, so a kill
 * loses none, and the sync sends them in batches ({@code POST /audit/events}). The account and device are not
 * written here: the server takes them from the token. Opening the same record again within {@link #SAME_OPENING}
 * (a reload after an edit, a return from a sub-screen) is the same opening and is not queued again.
 */
public final class AccessLog {
    private static final System.Logger LOG = System.getLogger(AccessLog.class.getName());
    /** A second opening of the same record by the same session within this time is not a new event. */
    public static final Duration SAME_OPENING = Duration.ofMinutes(10);

    private final StoreHolder store;
    private final Clock clock;
    private final Map<String, Instant> lastOpened = new ConcurrentHashMap<>();

    public AccessLog(StoreHolder store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A record of the resident was shown (the file opened, a document viewed). */
    public void read(EntityType type, String entityId, String residentId, String summary) {
        String key = type.code() + '\u0000' + entityId;
        Instant now = clock.instant();
        Instant last = lastOpened.get(key);
        if (last != null && now.isBefore(last.plus(SAME_OPENING)) && !now.isBefore(last)) {
            return;
        }
        if (record(Audit.READ, type, entityId, residentId, summary)) {
            lastOpened.put(key, now);
        }
    }

    /** A record was printed, shared or exported from the device. */
    public boolean record(String action, EntityType type, String entityId, String residentId, String summary) {
        AuditEventDto e = AuditEventDto.fromDevice(
                UUID.randomUUID().toString(), clock.instant(), action, type.code(), entityId, residentId, summary);
        List<String> problems = Audit.problems(e);
        if (!problems.isEmpty()) {
            // the server would refuse it: a bug of the caller, never queued
            LOG.log(Level.WARNING, "audit event not queued: {0}", problems);
            return false;
        }
        if (!store.isOpen()) {
            return false;
        }
        try {
            store.db().inTransaction(tx -> {
                add(tx, e);
            });
            return true;
        } catch (StoreException ex) {
            LOG.log(Level.ERROR, "audit event could not be queued", ex);
            return false;
        }
    }

    /** How many events wait to be sent (0 while the store is locked). */
    public long pending() {
        return store.isOpen() ? store.db().read(AccessLog::pending) : 0;
    }

    /** The oldest events waiting to be sent, at most {@code max}. */
    public List<AuditEventDto> queued(int max) {
        return store.isOpen() ? store.db().read(tx -> next(tx, max)) : List.of();
    }

    /** Forgets the openings remembered (a new session: the next opening is a new event). */
    public void reset() {
        lastOpened.clear();
    }

    static void add(Tx tx, AuditEventDto e) {
        tx.update(
                "INSERT INTO audit_queue(id, at, action, entity_type, entity_id, resident_id, summary) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                e.id(),
                e.at().toEpochMilli(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.residentId(),
                e.summary());
    }

    /** The oldest queued events, at most {@code max}. */
    public static List<AuditEventDto> next(Tx tx, int max) {
        return tx.query(
                "SELECT id, at, action, entity_type, entity_id, resident_id, summary FROM audit_queue "
                        + "ORDER BY seq LIMIT ?",
                r -> AuditEventDto.fromDevice(
                        r.string("id"),
                        Instant.ofEpochMilli(r.longValue("at")),
                        r.string("action"),
                        r.string("entity_type"),
                        r.string("entity_id"),
                        r.string("resident_id"),
                        r.string("summary")),
                max);
    }

    /** Forgets events the server has acknowledged. */
    public static void remove(Tx tx, List<AuditEventDto> sent) {
        for (AuditEventDto e : sent) {
            tx.update("DELETE FROM audit_queue WHERE id = ?", e.id());
        }
    }

    /** How many events wait to be sent. */
    public static long pending(Tx tx) {
        return tx.queryLong("SELECT COUNT(*) FROM audit_queue");
    }
}
