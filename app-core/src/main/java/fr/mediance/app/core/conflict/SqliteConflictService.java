package fr.mediance.app.core.conflict;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Conflict records in the local database; a resolution is queued in the outbox with the conflict. */
public final class SqliteConflictService implements ConflictService {
    /** Roles that may resolve a conflict: those that push conflicts ({@code Permissions.PUSHERS}), as the server. */
    static final Set<Role> RESOLVERS = fr.mediance.protocol.Permissions.PUSHERS.get(EntityType.CONFLICT);

    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;

    public SqliteConflictService(StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public List<ConflictItem> openConflicts() {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT * FROM conflicts WHERE status = ? ORDER BY detected_at, id",
                        r -> item(tx, r),
                        ConflictDto.OPEN));
    }

    @Override
    public Optional<ConflictItem> find(String conflictId) {
        return store.db().read(tx -> find(tx, conflictId));
    }

    private static Optional<ConflictItem> find(Tx tx, String id) {
        return tx.queryOne("SELECT * FROM conflicts WHERE id = ?", r -> item(tx, r), id);
    }

    @Override
    public boolean canResolve() {
        Role role = account.get().role();
        return role != null && RESOLVERS.contains(role);
    }

    @Override
    public Outcome<ConflictItem> resolve(String conflictId, String chosenValue) {
        if (!canResolve()) {
            return Outcome.failed(CoreMessages.get("conflict.forbidden"));
        }
        String value = Texts.clean(chosenValue);
        if (value != null && value.length() > Limits.MAX_LONG_TEXT) {
            return Outcome.invalid(Map.of("value", CoreMessages.get("field.tooLong", Limits.MAX_LONG_TEXT)));
        }
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            Optional<ConflictDto> found =
                    Records.load(tx, EntityType.CONFLICT, conflictId).map(ConflictDto.class::cast);
            if (found.isEmpty()) {
                return Outcome.failed(CoreMessages.get("conflict.notFound"));
            }
            ConflictDto c = found.get();
            if (c.resolved()) {
                return Outcome.failed(CoreMessages.get("conflict.alreadyResolved"));
            }
            if (c.overlap()) {
                return Outcome.failed(CoreMessages.get("conflict.overlap.resolve"));
            }
            if (!c.acceptsResolution(value)) {
                return Outcome.failed(CoreMessages.get("conflict.notOneOfTheValues"));
            }
            Instant now = clock.instant();
            ConflictDto resolved = new ConflictDto(
                    c.id(),
                    c.structureId(),
                    c.entity(),
                    c.entityId(),
                    c.field(),
                    c.baseValue(),
                    c.serverValue(),
                    c.clientValue(),
                    c.serverAuthorId(),
                    c.clientAuthorId(),
                    c.detectedAt(),
                    ConflictDto.RESOLVED,
                    value,
                    me.userId(),
                    now);
            Records.upsert(tx, resolved, null, now, null);
            ConflictItem item = find(tx, conflictId).orElseThrow();
            outbox.enqueue(tx, resolved, CoreMessages.get("summary.conflict", item.fieldLabel(), item.recordLabel()));
            return Outcome.ok(item);
        });
    }

    private static ConflictItem item(Tx tx, Row r) {
        EntityType type = EntityType.fromCode(r.string("entity"));
        String entityId = r.string("entity_id");
        String field = r.string("field");
        String serverAuthor = r.string("server_author_id");
        String clientAuthor = r.string("client_author_id");
        if (type == EntityType.APPOINTMENT && ConflictDto.OVERLAP.equals(field)) {
            // the agenda of the counsellor (baseValue), and the two appointments described for reading
            String counsellor = userName(tx, r.string("base_value"));
            return new ConflictItem(
                    r.string("id"),
                    type,
                    entityId,
                    CoreMessages.get(
                            "conflict.overlap.record",
                            counsellor == null ? CoreMessages.get("conflict.record.unknown") : counsellor),
                    field,
                    fieldLabel(field),
                    null,
                    appointmentText(tx, r.string("server_value")),
                    serverAuthor,
                    userName(tx, serverAuthor),
                    appointmentText(tx, r.string("client_value")),
                    clientAuthor,
                    userName(tx, clientAuthor),
                    r.instant("detected_at"),
                    ConflictDto.RESOLVED.equals(r.string("status")),
                    r.string("resolved_value"),
                    true);
        }
        return new ConflictItem(
                r.string("id"),
                type,
                entityId,
                recordLabel(tx, type, entityId),
                field,
                fieldLabel(field),
                r.string("base_value"),
                r.string("server_value"),
                serverAuthor,
                userName(tx, serverAuthor),
                r.string("client_value"),
                clientAuthor,
                userName(tx, clientAuthor),
                r.instant("detected_at"),
                ConflictDto.RESOLVED.equals(r.string("status")),
                r.string("resolved_value"));
    }

    /** "01/12/2026 09:30–10:30 · Fatima Benali" for an appointment held here, else a French placeholder. */
    private static String appointmentText(Tx tx, String appointmentId) {
        return tx.queryOne(
                        "SELECT a.start_at, a.end_at, r.first_name, r.last_name FROM appointments a "
                                + "LEFT JOIN residents r ON r.id = a.resident_id WHERE a.id = ?",
                        r -> {
                            java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
                            String name = ((r.string("first_name") == null ? "" : r.string("first_name")) + " "
                                            + (r.string("last_name") == null ? "" : r.string("last_name")))
                                    .strip();
                            return Texts.DATE.format(r.instant("start_at").atZone(paris)) + " "
                                    + Texts.TIME.format(r.instant("start_at").atZone(paris)) + "–"
                                    + Texts.TIME.format(r.instant("end_at").atZone(paris))
                                    + (name.isEmpty() ? "" : " · " + name);
                        },
                        appointmentId == null ? "" : appointmentId)
                .orElse(CoreMessages.get("conflict.overlap.unknown"));
    }

    /** The French label of a record field ("Téléphone"), or the wire name when there is none. */
    public static String fieldLabel(String field) {
        String key = "conflict.field." + field;
        return field != null && CoreMessages.has(key) ? CoreMessages.get(key) : field;
    }

    private static String recordLabel(Tx tx, EntityType type, String id) {
        if (type == EntityType.RESIDENT) {
            Optional<String> name = tx.queryOne(
                    "SELECT first_name, last_name FROM residents WHERE id = ?",
                    r -> Resident.displayName(r.string("last_name"), r.string("first_name")),
                    id);
            if (name.isPresent() && !name.get().isBlank()) {
                return name.get();
            }
        }
        return CoreMessages.get("conflict.record.unknown");
    }

    private static String userName(Tx tx, String userId) {
        if (userId == null) {
            return CoreMessages.get("conflict.author.unknown");
        }
        return tx.queryOne(
                        "SELECT coalesce(display_name, username) AS name FROM users WHERE id = ?",
                        r -> r.string("name"),
                        userId)
                .filter(n -> !n.isBlank())
                .orElse(CoreMessages.get("conflict.author.unknown"));
    }
}
