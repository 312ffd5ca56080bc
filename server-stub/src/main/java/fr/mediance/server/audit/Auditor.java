package fr.mediance.server.audit;

import fr.mediance.protocol.AuditEventDto;
import fr.mediance.protocol.AuditEventsReceipt;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.StoreException;
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
 * clock), what. Events the server witnesses (pushes, pulls, downloads, exports, reading the journal) are written
 * after the request's own transaction; if the journal cannot be written, the failure is logged and the request is
 * still answered (the data is not held hostage by its log). A device's batch is written or refused whole, so that
 * the device sends it again.
 */
public final class Auditor {
    private static final Logger LOG = LoggerFactory.getLogger(Auditor.class);

    /** One event the server witnessed, before the caller, device and time are added. */
    public record Entry(String action, String entityType, String entityId, String residentId, String summary) {}

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
            List<AuditEventDto> events = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                events.add(new AuditEventDto(
                        UUID.randomUUID().toString(),
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
            store.append(user.structureId(), events, now);
        } catch (StoreException | AuditStore.AuditWriteException e) {
            LOG.error("audit events could not be written ({} events)", entries.size(), e);
        }
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
