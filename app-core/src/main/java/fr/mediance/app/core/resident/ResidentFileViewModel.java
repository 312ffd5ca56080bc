package fr.mediance.app.core.resident;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.consent.ConsentService;
import fr.mediance.app.core.consent.MandateService;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A resident's file: every field is checked as it is typed and saved on the device after a short pause in the
 * typing ({@code debounce} runs its tasks after that pause), as a field-level update of the file; an invalid value
 * stays in its field with the message beside it and is not saved until it is corrected (nothing typed is lost).
 * Household members and contacts are added and removed as whole lists. The private note is the signed-in
 * user's own. Also shows the consents, mandates and the timeline.
 */
public final class ResidentFileViewModel {
    /** Text fields of the file (wire names), in form order. */
    public static final List<String> TEXT_FIELDS = List.of(
            "civility",
            "lastName",
            "firstName",
            "birthName",
            "birthDate",
            "phone",
            "email",
            "preferredContactTime",
            "language",
            "street",
            "postcode",
            "city",
            "accessNotes",
            "landlord",
            "legalRepresentative",
            "orientingPartner",
            "synthesis");
    /** Coded fields (wire name → code list). */
    public static final Map<String, String> CODE_FIELDS = codeFields();

    public static final String PRIVATE_NOTE = "privateNote";

    /** A consent as the file shows it. */
    public record ConsentRow(String consentId, String title, String detail, boolean active) {}

    /** A mandate as the file shows it. */
    public record MandateRow(String mandateId, String title, String detail, String state, boolean active) {}

    /** A timeline line: date, icon key, summary, sub-lines. */
    public record TimelineRow(String date, String kind, String summary, List<String> details) {}

    private static Map<String, String> codeFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("status", ListNames.RESIDENT_STATUS);
        m.put("mobilityReason", ListNames.MOBILITY_REASON);
        m.put("accommodationMode", ListNames.ACCOMMODATION_MODE);
        m.put("socioProfessional", ListNames.SOCIO_PROFESSIONAL);
        m.put("legalProtection", ListNames.LEGAL_PROTECTION);
        m.put("orientationIn", ListNames.ORIENTATION_IN);
        return java.util.Collections.unmodifiableMap(m);
    }

    private final ResidentFileService files;
    private final ConsentService consents;
    private final MandateService mandates;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    /** Waits for the pause in the typing (the debounce executor), then saves on the FX executor. */
    private final BackgroundWork pause;

    private final BackgroundWork work;
    private final Runnable removeListener;
    private Consumer<String> onMessage = m -> {};

    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final Map<String, ObjectProperty<String>> codes = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final Map<String, ObservableList<CodeItem>> choices = new LinkedHashMap<>();
    private final BooleanProperty noPhone = new SimpleBooleanProperty(this, "noPhone");
    private final BooleanProperty interpreterNeeded = new SimpleBooleanProperty(this, "interpreterNeeded");
    private final ObjectProperty<Boolean> mainResidence = new SimpleObjectProperty<>(this, "mainResidence");
    private final ObjectProperty<String> referentId = new SimpleObjectProperty<>(this, "referentId");
    private final ObservableList<UserItem> referents = FXCollections.observableArrayList();
    private final StringProperty privateNote = new SimpleStringProperty(this, PRIVATE_NOTE, "");
    private final ObservableList<HouseholdMemberDto> household = FXCollections.observableArrayList();
    private final ObservableList<ContactPersonDto> contacts = FXCollections.observableArrayList();
    private final ObjectProperty<String> memberRole = new SimpleObjectProperty<>(this, "memberRole");
    private final StringProperty memberFirstName = new SimpleStringProperty(this, "memberFirstName", "");
    private final StringProperty memberBirthYear = new SimpleStringProperty(this, "memberBirthYear", "");
    private final StringProperty contactName = new SimpleStringProperty(this, "contactName", "");
    private final StringProperty contactLink = new SimpleStringProperty(this, "contactLink", "");
    private final StringProperty contactPhone = new SimpleStringProperty(this, "contactPhone", "");
    private final BooleanProperty contactCaregiver = new SimpleBooleanProperty(this, "contactCaregiver");
    private final BooleanProperty contactLivesIn = new SimpleBooleanProperty(this, "contactLivesIn");
    private final ObservableList<ConsentRow> consentRows = FXCollections.observableArrayList();
    private final ObservableList<MandateRow> mandateRows = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper protection = new ReadOnlyStringWrapper(this, "protection", "");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(this, "saveStatus", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    private String residentId;
    private Long baseVersion;
    /** Valid values typed and not saved yet (wire name → value). */
    private final Map<String, Object> pending = new LinkedHashMap<>();

    private boolean notePending;
    private boolean loading;
    private int saveGeneration;
    private CompletableFuture<?> saves = CompletableFuture.completedFuture(null);

    public ResidentFileViewModel(
            ResidentFileService files,
            ConsentService consents,
            MandateService mandates,
            ReferenceService reference,
            SyncService sync,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor debounce,
            Executor background,
            Executor fx) {
        this.files = Objects.requireNonNull(files);
        this.consents = Objects.requireNonNull(consents);
        this.mandates = Objects.requireNonNull(mandates);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.pause = new BackgroundWork(debounce, fx);
        this.work = new BackgroundWork(background, fx);
        for (String f : TEXT_FIELDS) {
            StringProperty p = new SimpleStringProperty(this, f, "");
            text.put(f, p);
            p.addListener((o, a, b) -> typed(f));
        }
        for (String f : CODE_FIELDS.keySet()) {
            ObjectProperty<String> p = new SimpleObjectProperty<>(this, f);
            codes.put(f, p);
            choices.put(f, FXCollections.observableArrayList());
            p.addListener((o, a, b) -> changed(f, b));
        }
        for (String f : List.of("member", "contact", "household", "contacts", PRIVATE_NOTE)) {
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        for (String f : TEXT_FIELDS) {
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        for (String f : CODE_FIELDS.keySet()) {
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        noPhone.addListener((o, a, b) -> changed("noPhone", b));
        interpreterNeeded.addListener((o, a, b) -> changed("interpreterNeeded", b));
        mainResidence.addListener((o, a, b) -> changed("mainResidence", b));
        referentId.addListener((o, a, b) -> changed("referentId", b));
        privateNote.addListener((o, a, b) -> noteTyped());
        memberBirthYear.addListener((o, a, b) -> error("member").set(""));
        contactPhone.addListener((o, a, b) -> error("contact").set(""));
        contactName.addListener((o, a, b) -> error("contact").set(""));
        removeListener = sync == null ? () -> {} : sync.addDataListener(this::onSynced);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // ----- loading

    /** Loads the file; completes with false when the resident is not on this device. */
    public CompletableFuture<Boolean> load(String id) {
        this.residentId = Objects.requireNonNull(id);
        return work.supply(
                        "loading a resident's file",
                        () -> snapshot(id),
                        s -> {
                            if (s.file != null) {
                                apply(s, true);
                            }
                        },
                        e -> onMessage.accept(text("common.load.failed")))
                .thenApply(s -> s.file != null)
                .exceptionally(e -> false);
    }

    private record Snapshot(
            ResidentFileService.ResidentFile file,
            PrivateNoteDto note,
            Map<String, List<CodeItem>> codes,
            List<UserItem> users,
            List<ConsentDto> consents,
            List<MandateDto> mandates,
            List<TimelineEntry> timeline,
            String protection,
            List<CodeItem> roles,
            Map<String, String> labels) {}

    private Snapshot snapshot(String id) {
        ResidentFileService.ResidentFile file = files.file(id).orElse(null);
        Map<String, List<CodeItem>> lists = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : CODE_FIELDS.entrySet()) {
            lists.put(e.getKey(), reference.codes(e.getValue()));
        }
        List<ConsentDto> cs = consents.consents(id);
        List<MandateDto> ms = mandates.mandates(id);
        Map<String, String> labels = new LinkedHashMap<>();
        for (ConsentDto c : cs) {
            labels.put("consent:" + c.scope(), reference.label(ListNames.CONSENT_SCOPE, c.scope()));
        }
        for (MandateDto m : ms) {
            for (String d : m.demarches()) {
                labels.put("domain:" + d, reference.label(ListNames.DOMAIN, d));
            }
        }
        return new Snapshot(
                file,
                files.myNote(id).orElse(null),
                lists,
                reference.users(Role.COUNSELLOR),
                cs,
                ms,
                files.timeline(id),
                mandates.protectionBlock(id).orElse(""),
                reference.codes(ListNames.HOUSEHOLD_ROLE),
                labels);
    }

    private void apply(Snapshot s, boolean fields) {
        loading = true;
        try {
            ResidentDto r = s.file.resident();
            baseVersion = s.file.version();
            title.set(displayName(r));
            subtitle.set(subtitle(r));
            protection.set(s.protection);
            for (Map.Entry<String, List<CodeItem>> e : s.codes.entrySet()) {
                choices.get(e.getKey()).setAll(e.getValue());
            }
            roles.setAll(s.roles);
            referents.setAll(s.users);
            if (fields) {
                for (String f : TEXT_FIELDS) {
                    if (!pending.containsKey(f) && error(f).get().isEmpty()) {
                        text.get(f).set(format(f, ResidentFields.get(r, f)));
                    }
                }
                for (String f : CODE_FIELDS.keySet()) {
                    if (!pending.containsKey(f)) {
                        codes.get(f).set((String) ResidentFields.get(r, f));
                    }
                }
                noPhone.set(r.noPhone());
                interpreterNeeded.set(r.interpreterNeeded());
                mainResidence.set(r.mainResidence());
                referentId.set(r.referentId());
                if (!pending.containsKey("household")) {
                    household.setAll(r.household());
                }
                if (!pending.containsKey("contacts")) {
                    contacts.setAll(r.contacts());
                }
                if (!notePending && error(PRIVATE_NOTE).get().isEmpty()) {
                    privateNote.set(s.note == null || s.note.text() == null ? "" : s.note.text());
                }
            }
            consentRows.setAll(
                    s.consents.stream().map(c -> consentRow(c, s.labels)).toList());
            mandateRows.setAll(
                    s.mandates.stream().map(m -> mandateRow(m, s.labels)).toList());
            timeline.setAll(s.timeline.stream()
                    .map(e -> new TimelineRow(
                            Texts.date(texts).format(e.at().atZone(zone)), e.kind(), e.summary(), e.details()))
                    .toList());
            loaded.set(true);
        } finally {
            loading = false;
        }
    }

    private final ObservableList<CodeItem> roles = FXCollections.observableArrayList();

    private static String format(String field, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate d) {
            return Texts.DATE.format(d); // typed back into the field as dd/MM/yyyy, whatever the language
        }
        return value.toString();
    }

    private static String displayName(ResidentDto r) {
        return SqliteResidentService.displayName(r);
    }

    private String subtitle(ResidentDto r) {
        List<String> parts = new ArrayList<>();
        if (r.fileNumber() != null) {
            parts.add(text("resident.file.number", r.fileNumber()));
        }
        String address = Resident.formatAddress(r.street(), r.postcode(), r.city());
        if (!address.isEmpty()) {
            parts.add(address);
        }
        return String.join(" · ", parts);
    }

    private ConsentRow consentRow(ConsentDto c, Map<String, String> labels) {
        boolean active = c.withdrawnAt() == null;
        String what = ConsentService.NOTICE.equals(c.scope())
                ? text("consent.notice.row", c.noticeVersion() == null ? "" : c.noticeVersion())
                : labels.getOrDefault("consent:" + c.scope(), c.scope())
                        + (c.partner() == null ? "" : " – " + c.partner());
        String detail = active
                ? text("consent.given.on", day(c.givenAt()))
                : text("consent.withdrawn.on", day(c.givenAt()), day(c.withdrawnAt()));
        return new ConsentRow(c.id(), what, detail, active && !ConsentService.NOTICE.equals(c.scope()));
    }

    private MandateRow mandateRow(MandateDto m, Map<String, String> labels) {
        String domains = m.demarches().stream()
                .map(d -> labels.getOrDefault("domain:" + d, d))
                .collect(Collectors.joining(", "));
        String detail = text(
                        "mandate.row.dates",
                        Texts.date(texts).format(m.startDate()),
                        Texts.date(texts).format(m.endDate()))
                + (m.creditors().isEmpty() ? "" : " · " + String.join(", ", m.creditors()));
        LocalDate today = today();
        String state;
        boolean active = false;
        if (m.revokedAt() != null) {
            state = text("mandate.state.revoked", day(m.revokedAt()));
        } else if (today.isAfter(m.endDate())) {
            state = text("mandate.state.ended");
        } else if (today.isBefore(m.startDate())) {
            state = text("mandate.state.future");
        } else {
            state = text("mandate.state.active");
            active = true;
        }
        return new MandateRow(
                m.id(),
                text("mandate.row.title", domains),
                detail,
                state,
                active || (m.revokedAt() == null && !today.isAfter(m.endDate())));
    }

    private String day(Instant t) {
        return t == null ? "" : Texts.date(texts).format(t.atZone(zone));
    }

    private void onSynced(Set<EntityType> changed) {
        if (residentId != null
                && (changed.contains(EntityType.RESIDENT)
                        || changed.contains(EntityType.CONSENT)
                        || changed.contains(EntityType.MANDATE)
                        || changed.contains(EntityType.CODE)
                        || changed.contains(EntityType.DOCUMENT)
                        || changed.contains(EntityType.TASK)
                        || changed.contains(EntityType.VISIT_REPORT)
                        || changed.contains(EntityType.APPOINTMENT))) {
            refresh();
        }
    }

    /** Reloads what others may have changed; fields being typed (pending or invalid) are kept as typed. */
    public void refresh() {
        String id = residentId;
        if (id == null) {
            return;
        }
        work.supply(
                "reloading a resident's file",
                () -> snapshot(id),
                s -> {
                    if (s.file != null) {
                        apply(s, pending.isEmpty());
                    }
                },
                e -> onMessage.accept(text("common.load.failed")));
    }

    // ----- typing and saving

    private void typed(String field) {
        if (loading || residentId == null) {
            return;
        }
        String value = text.get(field).get();
        String problem = check(field, value);
        error(field).set(problem == null ? "" : problem);
        if (problem != null) {
            pending.remove(field); // kept in the field, not saved until corrected
            return;
        }
        pending.put(field, "birthDate".equals(field) ? ResidentValidation.parseDate(value) : value);
        scheduleSave();
    }

    private String check(String field, String value) {
        return switch (field) {
            case "lastName" -> ResidentValidation.lastName(value);
            case "birthDate" -> ResidentValidation.birthDate(value, today());
            case "phone" -> ResidentValidation.phone(value);
            case "email" -> ResidentValidation.email(value);
            case "postcode" -> ResidentValidation.postcode(value);
            case "accessNotes", "synthesis" -> ResidentValidation.longText(value);
            default -> ResidentValidation.shortText(value);
        };
    }

    private void changed(String field, Object value) {
        if (loading || residentId == null) {
            return;
        }
        if (errors.containsKey(field)) {
            error(field).set("");
        }
        pending.put(field, value);
        scheduleSave();
    }

    private void noteTyped() {
        if (loading || residentId == null) {
            return;
        }
        String problem = ResidentValidation.longText(privateNote.get());
        error(PRIVATE_NOTE).set(problem == null ? "" : problem);
        notePending = problem == null;
        if (notePending) {
            scheduleSave();
        }
    }

    private void scheduleSave() {
        int gen = ++saveGeneration;
        saveStatus.set(text("resident.saving"));
        pause.run(
                "waiting for a pause in the typing",
                () -> {},
                () -> {
                    if (gen == saveGeneration) {
                        flush();
                    }
                },
                e -> {});
    }

    /** Saves what is pending now (leaving the screen, or after the pause in the typing). */
    public CompletableFuture<?> flush() {
        if (residentId == null || (pending.isEmpty() && !notePending)) {
            return saves;
        }
        Map<String, Object> fields = new LinkedHashMap<>(pending);
        pending.clear();
        String note = notePending ? privateNote.get() : null;
        boolean saveNote = notePending;
        notePending = false;
        String id = residentId;
        Long base = baseVersion;
        record Saved(Outcome<ResidentDto> o, Outcome<PrivateNoteDto> n) {}
        CompletableFuture<Void> done = new CompletableFuture<>();
        // One save at a time, in typing order; a failed save does not stop the next ones.
        saves = saves.handle((x, e) -> null)
                .thenCompose(x -> work.supply(
                                "saving a resident's file",
                                () -> new Saved(
                                        fields.isEmpty() ? null : files.saveFields(id, base, fields),
                                        saveNote ? files.saveMyNote(id, note) : null),
                                s -> saved(s.o(), s.n()),
                                e -> {
                                    saveStatus.set(text("resident.save.failed"));
                                    onMessage.accept(text("common.save.failed"));
                                })
                        .handle((s, e) -> {
                            done.complete(null);
                            return null;
                        }));
        return done;
    }

    private void saved(Outcome<ResidentDto> o, Outcome<PrivateNoteDto> n) {
        boolean ok = true;
        for (Outcome<?> outcome : java.util.Arrays.asList(o, n)) {
            if (outcome == null || outcome.isOk()) {
                continue;
            }
            ok = false;
            if (outcome.fieldErrors().isEmpty()) {
                onMessage.accept(outcome.message());
            }
            outcome.fieldErrors().forEach((f, m) -> {
                if (errors.containsKey(f)) {
                    error(f).set(m);
                }
            });
        }
        if (o != null && o.isOk()) {
            title.set(displayName(o.value()));
            subtitle.set(subtitle(o.value()));
        }
        saveStatus.set(
                ok
                        ? text(
                                "resident.saved",
                                Texts.time(texts).format(clock.instant().atZone(zone)))
                        : text("resident.not.saved"));
        if (ok && o != null && (o.value() != null)) {
            refreshSoon();
        }
    }

    /** After a save: the protection notice and timeline may change. */
    private void refreshSoon() {
        String id = residentId;
        // On failure (logged) the notice shown stays until the next reload.
        work.supply(
                "reading a resident's protection",
                () -> mandates.protectionBlock(id).orElse(""),
                protection::set,
                e -> {});
    }

    // ----- household and contacts

    /** Adds the member typed in the household form; the list is saved whole. False with a message if invalid. */
    public boolean addMember() {
        String yearText = memberBirthYear.get();
        String problem = memberRole.get() == null
                ? text("resident.member.role.required")
                : ResidentValidation.birthYear(yearText, today());
        if (problem == null) {
            problem = ResidentValidation.shortText(memberFirstName.get());
        }
        if (problem != null) {
            error("member").set(problem);
            return false;
        }
        Integer year = yearText == null || yearText.isBlank() ? null : Integer.parseInt(yearText.strip());
        household.add(new HouseholdMemberDto(
                UUID.randomUUID().toString(), memberRole.get(), Texts.clean(memberFirstName.get()), year));
        memberRole.set(null);
        memberFirstName.set("");
        memberBirthYear.set("");
        error("member").set("");
        changed("household", List.copyOf(household));
        return true;
    }

    public void removeMember(String memberId) {
        household.removeIf(m -> m.id().equals(memberId));
        changed("household", List.copyOf(household));
    }

    /** Adds the contact typed in the form; the list is saved whole. False with a message if invalid. */
    public boolean addContact() {
        String problem = ResidentValidation.lastName(contactName.get());
        if (problem == null) {
            problem = ResidentValidation.shortText(contactLink.get());
        }
        if (problem == null) {
            problem = ResidentValidation.phone(contactPhone.get());
        }
        if (problem != null) {
            error("contact").set(problem);
            return false;
        }
        contacts.add(new ContactPersonDto(
                UUID.randomUUID().toString(),
                Texts.clean(contactName.get()),
                Texts.clean(contactLink.get()),
                Texts.clean(contactPhone.get()),
                contactCaregiver.get(),
                contactLivesIn.get()));
        contactName.set("");
        contactLink.set("");
        contactPhone.set("");
        contactCaregiver.set(false);
        contactLivesIn.set(false);
        error("contact").set("");
        changed("contacts", List.copyOf(contacts));
        return true;
    }

    public void removeContact(String contactId) {
        contacts.removeIf(c -> c.id().equals(contactId));
        changed("contacts", List.copyOf(contacts));
    }

    /** "Fille · 06 22 33 44 55 · aidante · vit au domicile". */
    public String contactLine(ContactPersonDto c) {
        List<String> parts = new ArrayList<>();
        if (c.link() != null) {
            parts.add(c.link());
        }
        if (c.phone() != null) {
            parts.add(c.phone());
        }
        if (c.caregiver()) {
            parts.add(text("resident.contact.caregiver.short"));
        }
        if (c.livesIn()) {
            parts.add(text("resident.contact.livesIn.short"));
        }
        return String.join(" · ", parts);
    }

    /** "Enfant de moins de 14 ans · Yanis · né(e) en 2015". */
    public String memberLine(HouseholdMemberDto m) {
        List<String> parts = new ArrayList<>();
        parts.add(roles.stream()
                .filter(r -> r.code().equals(m.role()))
                .map(CodeItem::labelOrCode)
                .findFirst()
                .orElse(m.role() == null ? "" : m.role()));
        if (m.firstName() != null) {
            parts.add(m.firstName());
        }
        if (m.birthYear() != null) {
            parts.add(text("resident.member.born", String.valueOf(m.birthYear())));
        }
        return String.join(" · ", parts);
    }

    // ----- consents and mandates

    public void withdrawConsent(String consentId) {
        act(() -> consents.withdraw(consentId), "consent.withdrawn.done");
    }

    public void revokeMandate(String mandateId) {
        act(() -> mandates.revoke(mandateId), "mandate.revoked.done");
    }

    private void act(java.util.function.Supplier<Outcome<?>> action, String doneKey) {
        work.supply(
                "changing a consent or a mandate",
                action,
                o -> {
                    onMessage.accept(o.isOk() ? text(doneKey) : o.message());
                    refresh();
                },
                e -> onMessage.accept(text("common.save.failed")));
    }

    public void dispose() {
        flush();
        removeListener.run();
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }

    private ReadOnlyStringWrapper error(String field) {
        ReadOnlyStringWrapper e = errors.get(field);
        if (e == null) {
            throw new IllegalArgumentException("no such field: " + field);
        }
        return e;
    }

    // ----- properties

    public String residentId() {
        return residentId;
    }

    /** A text field by wire name (see {@link #TEXT_FIELDS}). */
    public StringProperty field(String name) {
        StringProperty p = text.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no such field: " + name);
        }
        return p;
    }

    /** A coded field by wire name (see {@link #CODE_FIELDS}). */
    public ObjectProperty<String> code(String name) {
        ObjectProperty<String> p = codes.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no such field: " + name);
        }
        return p;
    }

    public ObservableList<CodeItem> choices(String name) {
        return choices.get(name);
    }

    public ReadOnlyStringProperty errorProperty(String name) {
        return error(name).getReadOnlyProperty();
    }

    public BooleanProperty noPhoneProperty() {
        return noPhone;
    }

    public BooleanProperty interpreterNeededProperty() {
        return interpreterNeeded;
    }

    public ObjectProperty<Boolean> mainResidenceProperty() {
        return mainResidence;
    }

    public ObjectProperty<String> referentIdProperty() {
        return referentId;
    }

    public ObservableList<UserItem> referents() {
        return referents;
    }

    public StringProperty privateNoteProperty() {
        return privateNote;
    }

    public ObservableList<HouseholdMemberDto> household() {
        return household;
    }

    public ObservableList<ContactPersonDto> contacts() {
        return contacts;
    }

    public ObservableList<CodeItem> householdRoles() {
        return roles;
    }

    public ObjectProperty<String> memberRoleProperty() {
        return memberRole;
    }

    public StringProperty memberFirstNameProperty() {
        return memberFirstName;
    }

    public StringProperty memberBirthYearProperty() {
        return memberBirthYear;
    }

    public StringProperty contactNameProperty() {
        return contactName;
    }

    public StringProperty contactLinkProperty() {
        return contactLink;
    }

    public StringProperty contactPhoneProperty() {
        return contactPhone;
    }

    public BooleanProperty contactCaregiverProperty() {
        return contactCaregiver;
    }

    public BooleanProperty contactLivesInProperty() {
        return contactLivesIn;
    }

    public ObservableList<ConsentRow> consentRows() {
        return consentRows;
    }

    public ObservableList<MandateRow> mandateRows() {
        return mandateRows;
    }

    public ObservableList<TimelineRow> timeline() {
        return timeline;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** Why the resident cannot sign a mandate (a legal protection), or empty. */
    public ReadOnlyStringProperty protectionProperty() {
        return protection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The reminder shown with the shared synthesis and the private note (CNIL: notes may be read by the person). */
    public String factualReminder() {
        return text("resident.notes.reminder");
    }
}
