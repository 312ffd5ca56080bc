package fr.mediance.server.sync;

import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The change feed, scoped by role. A page scans up to {@code limit} change log rows after the cursor that
 * concern the caller's structure, the caller, or everyone; each record appears once, at its first row in the
 * page, with its current state (or as a tombstone), and only if the caller may see it now. The new cursor is
 * the last row scanned, so rows the caller may not see still move it forward.
 */
public final class ChangesService {
    private static final Logger LOG = LoggerFactory.getLogger(ChangesService.class);

    private final Database db;
    private final EntityStore store = new EntityStore();
    private final ChangeLogStore changeLog = new ChangeLogStore();
    private final Sequence sequence = new Sequence();
    private final Visibility visibility = new Visibility(store);

    public ChangesService(Database db) {
        this.db = db;
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
            for (ChangeLogStore.Row row : rows) {
                if (firstRows.putIfAbsent(key(row.type(), row.entityId()), row) == null) {
                    wanted.computeIfAbsent(row.type(), t -> new LinkedHashSet<>()).add(row.entityId());
                }
            }
            Map<String, StoredEntity> current = new HashMap<>();
            wanted.forEach((type, ids) -> store.findAll(tx, type, ids)
                    .forEach(e -> current.put(key(type, e.id()), e)));

            Visibility.View view = visibility.forUser(tx, user);
            List<ChangeDto> changes = new ArrayList<>();
            for (Map.Entry<String, ChangeLogStore.Row> entry : firstRows.entrySet()) {
                StoredEntity e = current.get(entry.getKey());
                if (e != null && view.sees(e)) {
                    changes.add(new ChangeDto(e.type(), e.id(), e.version(), e.deleted(),
                            e.deleted() ? null : e.data()));
                }
            }
            return new ChangesResponse(changes, Cursor.format(last), hasMore);
        });
        LOG.info("pull user={} since={} changes={} cursor={} hasMore={} took={}ms", user.id(), since,
                page.changes().size(), page.cursor(), page.hasMore(), (System.nanoTime() - started) / 1_000_000);
        return page;
    }

    private static String key(EntityType type, String id) {
        return type.code() + '\u0000' + id;
    }
}
