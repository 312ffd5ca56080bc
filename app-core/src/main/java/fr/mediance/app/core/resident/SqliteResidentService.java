package fr.mediance.app.core.resident;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ResidentDto;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Residents in the encrypted local database, searched with FTS5 (accent-insensitive). */
public final class SqliteResidentService implements ResidentService {
    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    private static final Pattern PHONE = Pattern.compile("[+0-9 .()-]{6,25}");
    private static final String SELECT = """
            SELECT r.*, EXISTS(SELECT 1 FROM outbox o WHERE o.entity = 'resident' AND o.entity_id = r.id) AS pending
            FROM residents r
            """;

    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;

    public SqliteResidentService(StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
    }

    static Resident map(Row r) {
        return new Resident(r.string("id"), r.string("file_number"), r.string("civility"), r.string("last_name"),
                r.string("first_name"), r.date("birth_date"), r.string("phone"), r.string("street"),
                r.string("postcode"), r.string("city"), r.string("access_notes"), r.string("mobility_reason"),
                r.string("referent_id"), r.optionalLong("version"), r.bool("pending"));
    }

    @Override
    public List<Resident> search(String text, int limit) {
        int max = limit <= 0 ? 100 : limit;
        String match = ftsQuery(text);
        return store.db().read(tx -> match == null
                ? tx.query(SELECT + " ORDER BY r.last_name COLLATE NOCASE, r.first_name COLLATE NOCASE LIMIT ?",
                SqliteResidentService::map, max)
                : tx.query(SELECT + " WHERE r.id IN (SELECT id FROM residents_fts WHERE residents_fts MATCH ?)"
                        + " ORDER BY r.last_name COLLATE NOCASE, r.first_name COLLATE NOCASE LIMIT ?",
                SqliteResidentService::map, match, max));
    }

    /** Words of the query as FTS5 prefix terms, each quoted; null if there is no word. */
    static String ftsQuery(String text) {
        if (text == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                terms.add("\"" + word + "\"*");
            }
        }
        return terms.isEmpty() ? null : String.join(" ", terms);
    }

    @Override
    public Optional<Resident> find(String residentId) {
        return store.db().read(tx -> find(tx, residentId));
    }

    static Optional<Resident> find(Tx tx, String id) {
        return tx.queryOne(SELECT + " WHERE r.id = ?", SqliteResidentService::map, id);
    }

    @Override
    public Outcome<Resident> create(ResidentForm form) {
        return save(null, form);
    }

    @Override
    public Outcome<Resident> update(String residentId, ResidentForm form) {
        return save(residentId, form);
    }

    private Outcome<Resident> save(String existingId, ResidentForm form) {
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            FormErrors errors = validate(tx, form);
            if (!errors.isEmpty()) {
                return errors.toOutcome();
            }
            String id;
            String fileNumber = null;
            String structureId = me.structureId();
            if (existingId == null) {
                id = UUID.randomUUID().toString();
            } else {
                Optional<ResidentDto> old = Records.load(tx, fr.mediance.protocol.EntityType.RESIDENT, existingId)
                        .map(ResidentDto.class::cast);
                if (old.isEmpty()) {
                    return Outcome.failed(CoreMessages.get("resident.notFound"));
                }
                id = existingId;
                fileNumber = old.get().fileNumber();
                structureId = old.get().structureId() == null ? structureId : old.get().structureId();
            }
            ResidentDto dto = new ResidentDto(id, structureId, fileNumber, Texts.clean(form.civility()),
                    Texts.clean(form.lastName()), Texts.clean(form.firstName()), form.birthDate(),
                    Texts.clean(form.phone()), Texts.clean(form.street()), Texts.clean(form.postcode()),
                    Texts.clean(form.city()), Texts.clean(form.accessNotes()), Texts.clean(form.mobilityReason()),
                    Texts.clean(form.referentId()));
            Records.upsert(tx, dto, null, clock.instant(), null);
            outbox.enqueue(tx, dto, CoreMessages.get("summary.resident", displayName(dto)));
            return Outcome.ok(find(tx, id).orElseThrow());
        });
    }

    static String displayName(ResidentDto r) {
        return new Resident(r.id(), null, null, r.lastName(), r.firstName(), null, null, null, null, null, null,
                null, null, null, false).displayName();
    }

    private static FormErrors validate(Tx tx, ResidentForm f) {
        FormErrors e = new FormErrors();
        e.required("lastName", f.lastName()).maxLength("lastName", f.lastName(), Limits.MAX_SHORT_TEXT);
        e.required("firstName", f.firstName()).maxLength("firstName", f.firstName(), Limits.MAX_SHORT_TEXT);
        e.required("street", f.street()).maxLength("street", f.street(), Limits.MAX_SHORT_TEXT);
        e.required("postcode", f.postcode());
        if (!FormErrors.blank(f.postcode()) && !POSTCODE.matcher(f.postcode().strip()).matches()) {
            e.add("postcode", CoreMessages.get("resident.postcode.invalid"));
        }
        e.required("city", f.city()).maxLength("city", f.city(), Limits.MAX_SHORT_TEXT);
        if (!FormErrors.blank(f.phone())) {
            String p = f.phone().strip();
            long digits = p.chars().filter(Character::isDigit).count();
            if (!PHONE.matcher(p).matches() || digits < 6 || digits > 15) {
                e.add("phone", CoreMessages.get("resident.phone.invalid"));
            }
        }
        e.maxLength("civility", f.civility(), Limits.MAX_SHORT_TEXT);
        e.maxLength("accessNotes", f.accessNotes(), Limits.MAX_LONG_TEXT);
        if (!SqliteReferenceService.acceptable(tx, CodeLists.MOBILITY_REASON, Texts.clean(f.mobilityReason()))) {
            e.add("mobilityReason", CoreMessages.get("field.unknownCode"));
        }
        return e;
    }
}
