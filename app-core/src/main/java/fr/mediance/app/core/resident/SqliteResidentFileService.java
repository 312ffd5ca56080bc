package fr.mediance.app.core.resident;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.Permissions;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The resident's file in the encrypted local database; changes queued in the same transaction. */
public final class SqliteResidentFileService implements ResidentFileService {
    private static final Set<String> LONG_TEXT = Set.of("accessNotes", "synthesis");
    private static final Map<String, String> CODED = Map.of(
            "mobilityReason",
            ListNames.MOBILITY_REASON,
            "status",
            ListNames.RESIDENT_STATUS,
            "accommodationMode",
            ListNames.ACCOMMODATION_MODE,
            "socioProfessional",
            ListNames.SOCIO_PROFESSIONAL,
            "legalProtection",
            ListNames.LEGAL_PROTECTION,
            "orientationIn",
            ListNames.ORIENTATION_IN);

    private final StoreHolder store;
    private final fr.mediance.app.core.audit.AccessLog accessLog;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;
    private final ResidentTimeline timeline;

    public SqliteResidentFileService(
            StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock, ZoneId zone) {
        this(store, outbox, account, clock, zone, null);
    }

    /** {@code accessLog}: told of every opening of a file (the audit log; null: nobody is). */
    public SqliteResidentFileService(
            StoreHolder store,
            Outbox outbox,
            Supplier<AccountInfo> account,
            Clock clock,
            ZoneId zone,
            fr.mediance.app.core.audit.AccessLog accessLog) {
        this.accessLog = accessLog;
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
        this.timeline = new ResidentTimeline(zone);
    }

    @Override
    public Optional<ResidentFile> file(String residentId) {
        Optional<ResidentFile> file = store.db().read(tx -> load(tx, residentId));
        if (file.isPresent() && accessLog != null) {
            accessLog.read(EntityType.RESIDENT, residentId, residentId, "fiche ouverte sur l'appareil");
        }
        return file;
    }

    private static Optional<ResidentFile> load(Tx tx, String residentId) {
        return Records.load(tx, EntityType.RESIDENT, residentId)
                .map(ResidentDto.class::cast)
                .map(r -> new ResidentFile(
                        r, Records.version(tx, EntityType.RESIDENT, residentId).orElse(null)));
    }

    @Override
    public Outcome<ResidentDto> saveFields(String residentId, Long baseVersion, Map<String, ?> changes) {
        Map<String, Object> cleaned = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            cleaned.put(e.getKey(), e.getValue() instanceof String s ? Texts.clean(s) : e.getValue());
        }
        return store.db().inTransaction(tx -> {
            Optional<ResidentFile> current = load(tx, residentId);
            if (current.isEmpty()) {
                return Outcome.failed(CoreMessages.get("resident.notFound"));
            }
            FormErrors errors = validate(tx, cleaned, LocalDate.ofInstant(clock.instant(), zone));
            if (!errors.isEmpty()) {
                return errors.toOutcome();
            }
            ResidentDto before = current.get().resident();
            ResidentDto after = ResidentFields.with(before, cleaned);
            List<String> changed = ResidentFields.changed(before, after, ResidentFields.ALL);
            if (changed.isEmpty()) {
                return Outcome.ok(before);
            }
            AccountInfo me = account.get();
            if (!Permissions.mayChangeLegalProtection(me == null ? null : me.role(), before, after)) {
                FormErrors refused = new FormErrors();
                refused.add("legalProtection", CoreMessages.get("resident.legalProtection.officeOnly"));
                return refused.toOutcome();
            }
            Records.upsert(tx, after, null, clock.instant(), null);
            outbox.enqueueUpdate(
                    tx,
                    after,
                    baseVersion,
                    changed,
                    CoreMessages.get("summary.resident", SqliteResidentService.displayName(after)));
            return Outcome.ok(after);
        });
    }

    private static FormErrors validate(Tx tx, Map<String, Object> values, LocalDate today) {
        FormErrors e = new FormErrors();
        for (Map.Entry<String, Object> v : values.entrySet()) {
            String f = v.getKey();
            Object value = v.getValue();
            if (!ResidentFields.ALL.contains(f)) {
                throw new IllegalArgumentException("not an editable field: " + f);
            }
            if (value instanceof String s) {
                String m = LONG_TEXT.contains(f) ? ResidentValidation.longText(s) : ResidentValidation.shortText(s);
                if (m == null) {
                    m = switch (f) {
                        case "phone" -> ResidentValidation.phone(s);
                        case "email" -> ResidentValidation.email(s);
                        case "postcode" -> ResidentValidation.postcode(s);
                        default -> null;
                    };
                }
                if (m == null && CODED.containsKey(f) && !SqliteReferenceService.acceptable(tx, CODED.get(f), s)) {
                    m = CoreMessages.get("field.unknownCode");
                }
                if (m != null) {
                    e.add(f, m);
                }
            }
            if ("lastName".equals(f)) {
                e.required(f, (String) value);
            }
            if ("birthDate".equals(f) && value instanceof LocalDate d) {
                String m = ResidentValidation.birthDate(d, today);
                if (m != null) {
                    e.add(f, m);
                }
            }
            if ("household".equals(f)) {
                validateHousehold(tx, e, castList(value), today);
            }
            if ("contacts".equals(f)) {
                validateContacts(e, castList(value));
            }
        }
        return e;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object value) {
        return value == null ? List.of() : (List<T>) value;
    }

    private static void validateHousehold(Tx tx, FormErrors e, List<HouseholdMemberDto> members, LocalDate today) {
        if (members.size() > Limits.MAX_LIST_ITEMS) {
            e.add("household", CoreMessages.get("resident.list.tooLong", Limits.MAX_LIST_ITEMS));
        }
        for (HouseholdMemberDto m : members) {
            String problem = ResidentValidation.shortText(m.firstName());
            if (problem == null && m.birthYear() != null) {
                problem = ResidentValidation.birthYear(String.valueOf(m.birthYear()), today);
            }
            if (problem == null && !SqliteReferenceService.acceptable(tx, ListNames.HOUSEHOLD_ROLE, m.role())) {
                problem = CoreMessages.get("field.unknownCode");
            }
            if (problem != null) {
                e.add("household", problem);
            }
        }
    }

    private static void validateContacts(FormErrors e, List<ContactPersonDto> contacts) {
        if (contacts.size() > Limits.MAX_LIST_ITEMS) {
            e.add("contacts", CoreMessages.get("resident.list.tooLong", Limits.MAX_LIST_ITEMS));
        }
        for (ContactPersonDto c : contacts) {
            String problem = ResidentValidation.lastName(c.name());
            if (problem == null) {
                problem = ResidentValidation.shortText(c.link());
            }
            if (problem == null) {
                problem = ResidentValidation.phone(c.phone());
            }
            if (problem != null) {
                e.add("contacts", problem);
            }
        }
    }

    @Override
    public Outcome<ResidentDto> createPerson(String lastName, String firstName) {
        AccountInfo me = account.get();
        if (!Permissions.mayCreateResident(me.role())) {
            return Outcome.failed(CoreMessages.get("resident.create.forbidden"));
        }
        FormErrors e = new FormErrors();
        String last = ResidentValidation.lastName(lastName);
        if (last != null) {
            e.add("lastName", last);
        }
        String first = ResidentValidation.shortText(firstName);
        if (first != null) {
            e.add("firstName", first);
        }
        if (!e.isEmpty()) {
            return e.toOutcome();
        }
        String id = UUID.randomUUID().toString();
        Map<String, Object> fields = new HashMap<>();
        fields.put("lastName", Texts.clean(lastName));
        fields.put("firstName", Texts.clean(firstName));
        // the author follows the person when the office takes them as a referent (not an admin)
        fields.put("referentId", Permissions.mayBeNamedColleague(me.role()) ? me.userId() : null);
        ResidentDto dto = ResidentFields.with(
                new ResidentDto(
                        id,
                        me.structureId(),
                        ResidentFileService.provisionalFileNumber(
                                id, LocalDate.ofInstant(clock.instant(), zone).getYear()),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                fields);
        return store.db().inTransaction(tx -> {
            Records.upsert(tx, dto, null, clock.instant(), null);
            outbox.enqueue(tx, dto, CoreMessages.get("summary.resident", SqliteResidentService.displayName(dto)));
            return Outcome.ok(dto);
        });
    }

    @Override
    public Optional<PrivateNoteDto> myNote(String residentId) {
        String me = account.get().userId();
        return store.db().read(tx -> myNote(tx, residentId, me));
    }

    private static Optional<PrivateNoteDto> myNote(Tx tx, String residentId, String authorId) {
        return tx.queryOne(
                "SELECT * FROM private_notes WHERE resident_id = ? AND author_id = ?"
                        + " ORDER BY note_updated_at DESC LIMIT 1",
                Records::privateNote,
                residentId,
                authorId);
    }

    @Override
    public Outcome<PrivateNoteDto> saveMyNote(String residentId, String text) {
        String tooLong = ResidentValidation.longText(text);
        if (tooLong != null) {
            return Outcome.invalid(Map.of("privateNote", tooLong));
        }
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            if (!Records.exists(tx, EntityType.RESIDENT, residentId)) {
                return Outcome.failed(CoreMessages.get("resident.notFound"));
            }
            Optional<PrivateNoteDto> existing = myNote(tx, residentId, me.userId());
            String cleaned = text == null ? null : text.strip();
            if (existing.isPresent() && java.util.Objects.equals(existing.get().text(), cleaned)) {
                return Outcome.ok(existing.get());
            }
            Instant now = clock.instant();
            PrivateNoteDto note = new PrivateNoteDto(
                    existing.map(PrivateNoteDto::id).orElse(UUID.randomUUID().toString()),
                    me.structureId(),
                    residentId,
                    me.userId(),
                    cleaned,
                    now);
            Records.upsert(tx, note, null, now, null);
            outbox.enqueue(tx, note, CoreMessages.get("summary.privateNote"));
            return Outcome.ok(note);
        });
    }

    @Override
    public List<TimelineEntry> timeline(String residentId) {
        return store.db().read(tx -> timeline.entries(tx, residentId));
    }
}
