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
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.Permissions;
import fr.mediance.protocol.ResidentDto;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final Clock clock;

    public SqliteResidentService(StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
    }

    static Resident map(Row r) {
        return new Resident(
                r.string("id"),
                r.string("file_number"),
                r.string("civility"),
                r.string("last_name"),
                r.string("first_name"),
                r.date("birth_date"),
                r.string("phone"),
                r.string("street"),
                r.string("postcode"),
                r.string("city"),
                r.string("access_notes"),
                r.string("mobility_reason"),
                r.string("referent_id"),
                r.optionalLong("version"),
                r.bool("pending"));
    }

    /**
     * Column weights of {@code residents_fts} for ranking (id, last name, first name, birth name, file number,
     * phone, phone digits, street, postcode, city): names first, then file number, phone, address. Given to
     * FTS5 as its rank function, so that {@code ORDER BY rank LIMIT n} keeps only the best n matches.
     */
    private static final String RANK = "bm25(0, 10, 8, 8, 6, 3, 3, 1, 1, 1)";
    /** The columns searched first: who the person is, rather than where they live. */
    private static final String PERSON_COLUMNS = "{last_name first_name birth_name file_number phone phone_digits}";

    /**
     * Searches in two steps: the person's names, file number and phone first; then, if that found fewer than
     * {@code limit}, every column (address included). A word common to every address ("Marseille", "13") thus
     * costs nothing when it also starts a name, and the names come first, as the counsellor expects.
     */
    @Override
    public List<Resident> search(String text, int limit) {
        int max = limit <= 0 ? 100 : limit;
        String match = ftsQuery(text);
        if (match == null) {
            return store.db()
                    .read(tx -> tx.query(
                            SELECT + " ORDER BY r.last_name COLLATE NOCASE, r.first_name COLLATE NOCASE LIMIT ?",
                            SqliteResidentService::map,
                            max));
        }
        return store.db().read(tx -> {
            List<Resident> found = new ArrayList<>(best(tx, PERSON_COLUMNS + " : (" + match + ")", max));
            if (found.size() < max) {
                Set<String> seen = new HashSet<>();
                found.forEach(r -> seen.add(r.id()));
                for (Resident r : best(tx, match, max)) {
                    if (found.size() < max && seen.add(r.id())) {
                        found.add(r);
                    }
                }
            }
            return found;
        });
    }

    private static List<Resident> best(Tx tx, String match, int max) {
        return tx.query("""
                SELECT r.*, EXISTS(SELECT 1 FROM outbox o WHERE o.entity = 'resident' AND o.entity_id = r.id)
                  AS pending
                FROM (SELECT id, rank FROM residents_fts WHERE residents_fts MATCH ? AND rank MATCH ?
                      ORDER BY rank LIMIT ?) f
                JOIN residents r ON r.id = f.id
                ORDER BY f.rank, r.last_name COLLATE NOCASE, r.first_name COLLATE NOCASE
                """, SqliteResidentService::map, match, RANK, max);
    }

    /**
     * The words of the query as an FTS5 expression: every word a quoted prefix term, AND-ed (so quotes, stars,
     * minus signs or OR typed by the user are only text). Two shapes that counsellors type often are searched
     * where they can only be, because a prefix of one or two characters ("07"*, "d"*) stands for thousands of
     * words, which FTS5 merges before it can AND them (tens of milliseconds on a structure's 20,000 residents):
     * <ul>
     *   <li>a phone number typed in groups ("06 12 34", "06.12.34.56", "+33 6 12"): its digits together, as a
     *       prefix of the digits-only phone column, in the national and the international spelling
     *       ("+33 6 12" also finds "06 12 …" and the other way round);</li>
     *   <li>a file number ("D-2023-01234", "d 104"): one letter then groups of digits, as a phrase (the words in
     *       this order, the last one a prefix).</li>
     * </ul>
     * For the same reason a word of one or two characters followed by another ("d'", "de", "la" in a street
     * name) is taken as a whole word, not as a prefix.
     * Null if there is no word.
     */
    static String ftsQuery(String text) {
        if (text == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        boolean allDigits = words.stream().allMatch(SqliteResidentService::isDigits);
        if (allDigits && words.size() > 1) {
            String digits = String.join("", words);
            if (digits.length() >= MIN_PHONE_DIGITS) {
                List<String> spellings = new ArrayList<>(List.of(digits));
                if (digits.startsWith("33") && text.strip().startsWith("+")) {
                    spellings.add("0" + digits.substring(2)); // +33 6 12 → 06 12
                } else if (digits.startsWith("0") && digits.length() > 1) {
                    spellings.add("33" + digits.substring(1)); // 06 12 → +33 6 12
                }
                return "phone_digits : ("
                        + String.join(
                                " OR ",
                                spellings.stream().map(d -> "\"" + d + "\"*").toList()) + ")";
            }
        }
        if (words.size() > 1
                && words.get(0).length() == 1
                && Character.isLetter(words.get(0).charAt(0))
                && words.subList(1, words.size()).stream().allMatch(SqliteResidentService::isDigits)) {
            return "\"" + String.join(" ", words) + "\"*";
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            // a word of one or two characters followed by another is complete ("rue d'Aubagne", "chemin de la …")
            boolean complete = i < words.size() - 1 && w.length() <= SHORT_WORD;
            terms.add("\"" + w + "\"" + (complete ? "" : "*"));
        }
        return String.join(" AND ", terms);
    }

    /** Longest word taken as complete, not as a prefix, when more words follow it. */
    private static final int SHORT_WORD = 2;

    /** The fewest digits typed in groups that are taken for the start of a phone number. */
    private static final int MIN_PHONE_DIGITS = 4;

    private static boolean isDigits(String word) {
        return word.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public Optional<Resident> find(String residentId) {
        return store.db().read(tx -> find(tx, residentId));
    }

    static Optional<Resident> find(Tx tx, String id) {
        return tx.queryOne(SELECT + " WHERE r.id = ?", SqliteResidentService::map, id);
    }

    @Override
    public boolean mayCreate() {
        return Permissions.mayCreateResident(account.get().role());
    }

    @Override
    public Outcome<Resident> create(ResidentForm form) {
        AccountInfo me = account.get();
        if (!Permissions.mayCreateResident(me.role())) {
            return Outcome.failed(CoreMessages.get("resident.create.forbidden"));
        }
        return store.db().inTransaction(tx -> {
            FormErrors errors = validate(tx, form, LocalDate.now(clock.withZone(PARIS)));
            if (!errors.isEmpty()) {
                return errors.toOutcome();
            }
            ResidentForm typed = Permissions.creatorBecomesReferent(me.role())
                    ? new ResidentForm(
                            form.civility(),
                            form.lastName(),
                            form.firstName(),
                            form.birthDate(),
                            form.phone(),
                            form.street(),
                            form.postcode(),
                            form.city(),
                            form.accessNotes(),
                            form.mobilityReason(),
                            me.userId())
                    : form;
            ResidentDto dto = apply(
                    new ResidentDto(
                            UUID.randomUUID().toString(),
                            me.structureId(),
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
                            null,
                            null),
                    typed);
            Records.upsert(tx, dto, null, clock.instant(), null);
            outbox.enqueue(tx, dto, CoreMessages.get("summary.resident", displayName(dto)));
            return Outcome.ok(find(tx, dto.id()).orElseThrow());
        });
    }

    @Override
    public List<Resident> possibleDuplicates(String lastName, String firstName, LocalDate birthDate) {
        String last = comparable(lastName);
        if (last.isEmpty()) {
            return List.of();
        }
        String first = comparable(firstName);
        return store
                .db()
                .read(tx -> tx.query(
                        SELECT + " WHERE (? IS NULL OR r.birth_date IS NULL OR r.birth_date = ?) ORDER BY r.last_name",
                        SqliteResidentService::map,
                        birthDate == null ? null : birthDate.toString(),
                        birthDate == null ? null : birthDate.toString()))
                .stream()
                .filter(r -> last.equals(comparable(r.lastName()))
                        && (first.isEmpty() || first.equals(comparable(r.firstName()))))
                .filter(r -> birthDate == null || birthDate.equals(r.birthDate()))
                .toList();
    }

    /** A name as compared for duplicates: no accents, no case, single spaces, hyphens as spaces. */
    static String comparable(String name) {
        if (name == null) {
            return "";
        }
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('-', ' ')
                .toLowerCase(java.util.Locale.ROOT)
                .trim();
        return plain.replaceAll("\\s+", " ");
    }

    @Override
    public Outcome<Resident> update(String residentId, ResidentForm form) {
        Optional<Resident> now = find(residentId);
        if (now.isEmpty()) {
            return Outcome.failed(CoreMessages.get("resident.notFound"));
        }
        return update(now.get(), form);
    }

    @Override
    public Outcome<Resident> update(Resident edited, ResidentForm form) {
        return store.db().inTransaction(tx -> {
            FormErrors errors = validate(tx, form, LocalDate.now(clock.withZone(PARIS)));
            if (!errors.isEmpty()) {
                return errors.toOutcome();
            }
            Optional<ResidentDto> current =
                    Records.load(tx, EntityType.RESIDENT, edited.id()).map(ResidentDto.class::cast);
            if (current.isEmpty()) {
                return Outcome.failed(CoreMessages.get("resident.notFound"));
            }
            ResidentDto before = toDto(edited, current.get());
            ResidentDto typed = apply(before, form);
            List<String> changed = changedFields(before, typed);
            if (changed.isEmpty()) {
                return Outcome.ok(find(tx, edited.id()).orElseThrow());
            }
            ResidentDto dto = withFields(current.get(), typed, changed);
            Records.upsert(tx, dto, null, clock.instant(), null);
            outbox.enqueueUpdate(
                    tx, dto, edited.version(), changed, CoreMessages.get("summary.resident", displayName(dto)));
            return Outcome.ok(find(tx, dto.id()).orElseThrow());
        });
    }

    @Override
    public java.util.Map<String, fr.mediance.protocol.GeoPointDto> locations(java.util.Collection<String> residentIds) {
        java.util.Map<String, fr.mediance.protocol.GeoPointDto> found = new java.util.HashMap<>();
        store.db().read(tx -> {
            for (String id : new java.util.LinkedHashSet<>(residentIds)) {
                Records.load(tx, EntityType.RESIDENT, id)
                        .map(ResidentDto.class::cast)
                        .map(ResidentDto::location)
                        .ifPresent(p -> found.put(id, p));
            }
            return null;
        });
        return found;
    }

    @Override
    public Outcome<fr.mediance.protocol.GeoPointDto> placeOnMap(
            String residentId, fr.mediance.protocol.GeoPointDto point) {
        if (point == null) {
            return Outcome.failed(CoreMessages.get("resident.location.required"));
        }
        String problem = fr.mediance.protocol.GeoPointDto.problem(point);
        if (problem != null) {
            return Outcome.failed(problem);
        }
        return store.db().inTransaction(tx -> {
            Optional<ResidentDto> current =
                    Records.load(tx, EntityType.RESIDENT, residentId).map(ResidentDto.class::cast);
            if (current.isEmpty()) {
                return Outcome.failed(CoreMessages.get("resident.notFound"));
            }
            if (point.equals(current.get().location())) {
                return Outcome.ok(point);
            }
            Long version = tx.queryOne(
                            "SELECT version FROM residents WHERE id = ?", r -> r.optionalLong("version"), residentId)
                    .orElse(null);
            ResidentDto dto = current.get().withLocation(point);
            Records.upsert(tx, dto, null, clock.instant(), null);
            outbox.enqueueUpdate(
                    tx, dto, version, List.of("location"), CoreMessages.get("summary.resident", displayName(dto)));
            return Outcome.ok(point);
        });
    }

    /** The editable fields of a resident, by wire name, in the order of the record. */
    static final List<String> FIELDS = List.of(
            "civility",
            "lastName",
            "firstName",
            "birthDate",
            "phone",
            "street",
            "postcode",
            "city",
            "accessNotes",
            "mobilityReason",
            "referentId");

    private static ResidentDto toDto(Resident r, ResidentDto current) {
        return new ResidentDto(
                r.id(),
                current.structureId(),
                current.fileNumber(),
                r.civility(),
                r.lastName(),
                r.firstName(),
                r.birthDate(),
                r.phone(),
                r.street(),
                r.postcode(),
                r.city(),
                r.accessNotes(),
                r.mobilityReason(),
                r.referentId());
    }

    /** {@code base} with every editable field as typed in the form. */
    private static ResidentDto apply(ResidentDto base, ResidentForm f) {
        return new ResidentDto(
                base.id(),
                base.structureId(),
                base.fileNumber(),
                Texts.clean(f.civility()),
                Texts.clean(f.lastName()),
                Texts.clean(f.firstName()),
                f.birthDate(),
                Texts.clean(f.phone()),
                Texts.clean(f.street()),
                Texts.clean(f.postcode()),
                Texts.clean(f.city()),
                Texts.clean(f.accessNotes()),
                Texts.clean(f.mobilityReason()),
                Texts.clean(f.referentId()));
    }

    /** Wire names of the editable fields whose value differs between two versions of a resident. */
    public static List<String> changedFields(ResidentDto before, ResidentDto after) {
        return ResidentFields.changed(before, after, FIELDS);
    }

    /** {@code target} with the named fields taken from {@code source} (every other field of the file kept). */
    private static ResidentDto withFields(ResidentDto target, ResidentDto source, List<String> fields) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        for (String f : fields) {
            values.put(f, ResidentFields.get(source, f));
        }
        return ResidentFields.with(target, values);
    }

    public static String displayName(ResidentDto r) {
        return Resident.displayName(r.lastName(), r.firstName());
    }

    private static FormErrors validate(Tx tx, ResidentForm f, LocalDate today) {
        FormErrors e = new FormErrors();
        e.required("lastName", f.lastName()).maxLength("lastName", f.lastName(), Limits.MAX_SHORT_TEXT);
        e.required("firstName", f.firstName()).maxLength("firstName", f.firstName(), Limits.MAX_SHORT_TEXT);
        e.required("street", f.street()).maxLength("street", f.street(), Limits.MAX_SHORT_TEXT);
        e.required("postcode", f.postcode());
        if (!FormErrors.blank(f.postcode())
                && !POSTCODE.matcher(f.postcode().strip()).matches()) {
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
        String birth = ResidentValidation.birthDate(f.birthDate(), today);
        if (birth != null) {
            e.add("birthDate", birth);
        }
        e.maxLength("civility", f.civility(), Limits.MAX_SHORT_TEXT);
        e.maxLength("accessNotes", f.accessNotes(), Limits.MAX_LONG_TEXT);
        if (!SqliteReferenceService.acceptable(tx, CodeLists.MOBILITY_REASON, Texts.clean(f.mobilityReason()))) {
            e.add("mobilityReason", CoreMessages.get("field.unknownCode"));
        }
        return e;
    }
}
