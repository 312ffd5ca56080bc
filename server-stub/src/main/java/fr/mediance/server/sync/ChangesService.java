package fr.mediance.server.sync;

import fr.mediance.protocol.Audit;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.server.audit.AuditSubjects;
import fr.mediance.server.audit.Auditor;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Database;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed, scoped by role. A page scans up to {@code limit} change log rows after the cursor that
 * concern the caller's structure, the caller, or everyone; each record appears once, at its first row in the
 * page, with its current state (or as a tombstone), and only if the caller may see it now. The new cursor is
 * the last row scanned, so rows the caller may not see still move it forward. A record the caller lost access
 * to (an appointment given to a colleague, a resident no longer followed) comes as a tombstone, so that the
 * device forgets it.
 */
public final class ChangesService {
    private static final Logger LOG = LoggerFactory.getLogger(ChangesService.class);

    private final Database db;
    private final EntityStore store = new EntityStore();
    private final ChangeLogStore changeLog = new ChangeLogStore();
    private final Sequence sequence = new Sequence();
    private final Visibility visibility;
    private final Auditor auditor;

    public ChangesService(Database db, EntityFamilies families) {
        this(db, families, Auditor.disabled());
    }

    /** Each page writes in the audit log one read per resident whose records it delivers (not one per record). */
    public ChangesService(Database db, EntityFamilies families, Auditor auditor) {
        this.db = db;
        this.visibility = new Visibility(store, families);
        this.auditor = auditor;
    }

    /** {@code limit} null is the default page; it is capped at {@link Limits#MAX_CHANGES_PAGE}. */
    public ChangesResponse changes(AuthUser user, String cursorText, int limit) {
        long started = System.nanoTime();
        long since = Cursor.parse(cursorText);
        int pageSize = Math.min(limit, Limits.MAX_CHANGES_PAGE);
        ChangesResponse page = db.read(tx -> {
            if (since > sequence.current(tx)) {
                throw Cursor.invalid();
            }
            List<ChangeLogStore.Row> rows = changeLog.scan(tx, since, user.structureId(), user.id(), pageSize + 1);
            boolean hasMore = rows.size() > pageSize;
            if (hasMore) {
                rows = rows.subList(0, pageSize);
            }
            long last = rows.isEmpty() ? since : rows.get(rows.size() - 1).seq();

            Map<EntityType, Set<String>> wanted = new EnumMap<>(EntityType.class);
            LinkedHashMap<String, ChangeLogStore.Row> firstRows = new LinkedHashMap<>();
            Set<String> revoked = new HashSet<>();
            for (ChangeLogStore.Row row : rows) {
                if (ChangeLogStore.KIND_REVOKE.equals(row.kind())) {
                    revoked.add(key(row.type(), row.entityId()));
                }
                if (firstRows.putIfAbsent(key(row.type(), row.entityId()), row) == null) {
                    wanted.computeIfAbsent(row.type(), t -> new LinkedHashSet<>())
                            .add(row.entityId());
                }
            }
            Visibility.View view = visibility.forUser(tx, user, wanted.getOrDefault(EntityType.BLOB, Set.of()));
            Map<String, StoredEntity> current = new HashMap<>();
            wanted.forEach((type, ids) -> {
                Collection<String> read = ids;
                if (type != EntityType.BLOB && !user.seesWholeStructure()) {
                    // a counsellor's page of a big structure is mostly colleagues' records: read only those the
                    // indexed columns let them see, and those taken away from them (a tombstone is due)
                    Set<String> may = store.mayBeSeenBy(tx, type, ids, user.id(), view.followed());
                    for (String id : ids) {
                        if (revoked.contains(key(type, id))) {
                            may.add(id);
                        }
                    }
                    read = may;
                }
                store.findAll(tx, type, read).forEach(e -> current.put(key(type, e.id()), e));
            });
            List<ChangeDto> changes = new ArrayList<>();
            for (Map.Entry<String, ChangeLogStore.Row> entry : firstRows.entrySet()) {
                StoredEntity e = current.get(entry.getKey());
                if (e == null) {
                    continue;
                }
                if (view.sees(e)) {
                    changes.add(
                            new ChangeDto(e.type(), e.id(), e.version(), e.deleted(), e.deleted() ? null : e.data()));
                } else if (revoked.contains(entry.getKey())) {
                    changes.add(new ChangeDto(e.type(), e.id(), e.version(), true, null));
                }
            }
            return new ChangesResponse(changes, Cursor.format(last), hasMore);
        });
        if (auditor.enabled()) {
            auditor.recordAll(user, residentsDelivered(page));
        }
        LOG.info(
                "pull user={} since={} changes={} cursor={} hasMore={} took={}ms",
                user.id(),
                since,
                page.changes().size(),
                page.cursor(),
                page.hasMore(),
                (System.nanoTime() - started) / 1_000_000);
        return page;
    }

    /** One audit entry per resident whose records (live, not tombstones) the page delivers. */
    private static List<Auditor.Entry> residentsDelivered(ChangesResponse page) {
        Map<String, Integer> perResident = new LinkedHashMap<>();
        for (ChangeDto c : page.changes()) {
            if (!c.deleted()) {
                String resident = AuditSubjects.residentOf(c.data());
                if (resident != null) {
                    perResident.merge(resident, 1, Integer::sum);
                }
            }
        }
        List<Auditor.Entry> entries = new ArrayList<>(perResident.size());
        perResident.forEach((resident, n) -> entries.add(new Auditor.Entry(
                Audit.READ,
                EntityType.RESIDENT.code(),
                resident,
                resident,
                "synchronisation : " + n + (n == 1 ? " enregistrement reçu" : " enregistrements reçus"))));
        return entries;
    }

    private static String key(EntityType type, String id) {
        return type.code() + '\u0000' + id;
    }
}
