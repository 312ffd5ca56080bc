package fr.mediance.app.core.visit;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.agenda.AppointmentStatus;
import fr.mediance.app.core.agenda.SqliteAgendaService;
import fr.mediance.app.core.consent.SqliteMandateService;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.app.core.task.SqliteTaskService;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Visit reports in the local database: drafts autosaved locally, completed reports frozen and queued with the
 * follow-up tasks they create. The tasks typed on a draft wait in the {@code tasks} table with the local
 * status {@link SqliteTaskService#PLANNED} (never sent, never listed) until the visit is terminated.
 */
public final class SqliteVisitService implements VisitService {
    /** The parent of the task rules that every orientation triggers. */
    public static final String ORIENTATION_RULE_PARENT = "orientation";

    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;
    private final SqliteAgendaService agenda;

    private final fr.mediance.app.core.casework.SqliteCaseService cases;

    public SqliteVisitService(
            StoreHolder store,
            Outbox outbox,
            Supplier<AccountInfo> account,
            Clock clock,
            ZoneId zone,
            SqliteAgendaService agenda) {
        this(store, outbox, account, clock, zone, agenda, null);
    }

    /**
     * With {@code cases}: a visit terminated for a resident who has no open case opens one (on the visit's day, with
     * its domains), so that every visit belongs to a case.
     */
    public SqliteVisitService(
            StoreHolder store,
            Outbox outbox,
            Supplier<AccountInfo> account,
            Clock clock,
            ZoneId zone,
            SqliteAgendaService agenda,
            fr.mediance.app.core.casework.SqliteCaseService cases) {
        this.cases = cases;
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
        this.agenda = agenda;
    }

    /** A report row with its planned tasks. */
    static VisitReport map(Tx tx, Row r) {
        String id = r.string("id");
        List<VisitReport.PlannedTask> planned = tx.query(
                "SELECT title, due_date FROM tasks WHERE visit_report_id = ? AND status = ? ORDER BY created_at, rowid",
                t -> new VisitReport.PlannedTask(t.string("title"), t.date("due_date")),
                id,
                SqliteTaskService.PLANNED);
        return VisitReport.of(Records.visitReport(r), r.instant("updated_at"), r.optionalLong("version"), planned);
    }

    static Optional<VisitReport> find(Tx tx, String id) {
        return tx.queryOne("SELECT * FROM visit_reports WHERE id = ?", r -> map(tx, r), id);
    }

    @Override
    public Optional<VisitReport> find(String reportId) {
        return store.db().read(tx -> find(tx, reportId));
    }

    @Override
    public Optional<VisitReport> openForAppointment(String appointmentId) {
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            Optional<VisitReport> existing = tx.queryOne("""
                    SELECT * FROM visit_reports v WHERE appointment_id = ? AND NOT EXISTS (
                      SELECT 1 FROM visit_reports s WHERE s.supersedes = v.id AND s.completed_at IS NOT NULL)
                    ORDER BY completed_at IS NULL DESC, updated_at DESC LIMIT 1
                    """, r -> map(tx, r), appointmentId);
            if (existing.isPresent()) {
                return existing;
            }
            Optional<AppointmentDto> appointment =
                    Records.load(tx, EntityType.APPOINTMENT, appointmentId).map(AppointmentDto.class::cast);
            if (appointment.isEmpty()) {
                return Optional.empty();
            }
            AppointmentDto a = appointment.get();
            String medium = CodeLists.APPOINTMENT_HOME_VISIT.equals(a.type()) ? CodeLists.MEDIUM_HOME_VISIT : null;
            Instant now = clock.instant();
            VisitReportDto draft = new VisitReportDto(
                    UUID.randomUUID().toString(),
                    a.structureId() == null ? me.structureId() : a.structureId(),
                    a.id(),
                    a.residentId(),
                    me.userId(),
                    medium,
                    List.of(),
                    null,
                    null,
                    null,
                    now,
                    null,
                    null);
            Records.upsert(tx, draft, null, now, null);
            return find(tx, draft.id());
        });
    }

    @Override
    public Optional<VisitReport> startForResident(String residentId) {
        return startContact(residentId, CodeLists.MEDIUM_HOME_VISIT);
    }

    @Override
    public Optional<VisitReport> startContact(String residentId, String medium) {
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            Optional<ResidentDto> resident = Records.load(tx, EntityType.RESIDENT, residentId == null ? "" : residentId)
                    .map(ResidentDto.class::cast);
            if (resident.isEmpty()) {
                return Optional.empty();
            }
            ResidentDto r = resident.get();
            Instant now = clock.instant();
            VisitReportDto draft = new VisitReportDto(
                    UUID.randomUUID().toString(),
                    r.structureId() == null ? me.structureId() : r.structureId(),
                    null,
                    r.id(),
                    me.userId(),
                    Texts.clean(medium),
                    List.of(),
                    null,
                    null,
                    null,
                    now,
                    null,
                    null);
            Records.upsert(tx, draft, null, now, null);
            return find(tx, draft.id());
        });
    }

    @Override
    public List<VisitReport> drafts() {
        String me = account.get().userId();
        return store.db()
                .read(tx -> tx.query(
                        "SELECT * FROM visit_reports WHERE completed_at IS NULL AND counsellor_id = ? ORDER BY updated_at DESC",
                        r -> map(tx, r),
                        me));
    }

    @Override
    public Outcome<VisitReport> saveDraft(VisitReport draft) {
        return store.db().inTransaction(tx -> {
            Optional<VisitReport> old = find(tx, draft.id());
            if (old.isEmpty()) {
                return Outcome.failed(CoreMessages.get("visit.notFound"));
            }
            if (old.get().completed()) {
                return Outcome.failed(CoreMessages.get("visit.frozen"));
            }
            VisitReport o = old.get();
            String structureId = tx.queryOne(
                            "SELECT structure_id FROM visit_reports WHERE id = ?",
                            r -> r.string("structure_id"),
                            draft.id())
                    .orElse(null);
            // the fields of the draft; identity, times and the check-in stay as stored
            VisitReport merged = new VisitReport(
                    o.id(),
                    o.appointmentId(),
                    o.residentId(),
                    o.counsellorId(),
                    Texts.clean(draft.medium()),
                    distinct(draft.domains()),
                    draft.synthesis(),
                    draft.followUp(),
                    draft.followUpDue(),
                    o.startedAt(),
                    o.updatedAt(),
                    null,
                    o.supersedes(),
                    o.version(),
                    Texts.clean(draft.place()),
                    draft.durationMinutes(),
                    distinct(draft.personsPresent()),
                    distinct(draft.motifs()),
                    draft.energy(),
                    draft.actions(),
                    draft.orientations(),
                    draft.residentSignatureDocumentId(),
                    draft.visitAttested(),
                    o.checkIn(),
                    draft.plannedTasks());
            Records.upsert(tx, merged.toDto(structureId), null, clock.instant(), null);
            replacePlannedTasks(tx, merged, structureId);
            return Outcome.ok(find(tx, draft.id()).orElseThrow());
        });
    }

    private void replacePlannedTasks(Tx tx, VisitReport r, String structureId) {
        tx.update("DELETE FROM tasks WHERE visit_report_id = ? AND status = ?", r.id(), SqliteTaskService.PLANNED);
        Instant now = clock.instant();
        for (VisitReport.PlannedTask p : r.plannedTasks()) {
            Records.upsert(
                    tx,
                    new TaskDto(
                            UUID.randomUUID().toString(),
                            structureId,
                            r.residentId(),
                            r.id(),
                            r.counsellorId(),
                            p.title(),
                            p.due(),
                            SqliteTaskService.PLANNED,
                            null,
                            null,
                            now,
                            null),
                    null,
                    now,
                    null);
        }
    }

    @Override
    public Outcome<VisitReport> correct(String reportId) {
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            Optional<VisitReport> found = find(tx, reportId);
            if (found.isEmpty()) {
                return Outcome.failed(CoreMessages.get("visit.notFound"));
            }
            VisitReport old = found.get();
            if (!old.completed()) {
                return Outcome.ok(old); // still a draft: edit it
            }
            Optional<VisitReport> pending = tx.queryOne(
                    "SELECT * FROM visit_reports WHERE supersedes = ? AND completed_at IS NULL LIMIT 1",
                    r -> map(tx, r),
                    reportId);
            if (pending.isPresent()) {
                return Outcome.ok(pending.get());
            }
            VisitReportDto o = (VisitReportDto)
                    Records.load(tx, EntityType.VISIT_REPORT, reportId).orElseThrow();
            Instant now = clock.instant();
            VisitReportDto copy = new VisitReportDto(
                    UUID.randomUUID().toString(),
                    o.structureId(),
                    o.appointmentId(),
                    o.residentId(),
                    me.userId(),
                    o.medium(),
                    o.domains(),
                    o.synthesis(),
                    o.followUp(),
                    o.followUpDue(),
                    o.startedAt(),
                    null,
                    o.id(),
                    o.place(),
                    o.durationMinutes(),
                    o.personsPresent(),
                    o.motifs(),
                    o.energy(),
                    o.actions(),
                    o.orientations(),
                    o.residentSignatureDocumentId(),
                    o.visitAttested(),
                    o.checkIn());
            Records.upsert(tx, copy, null, now, null);
            return Outcome.ok(find(tx, copy.id()).orElseThrow());
        });
    }

    private static List<String> distinct(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : new LinkedHashSet<>(values)) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    @Override
    public Map<String, String> validate(VisitReport draft) {
        return store.db().read(tx -> validate(tx, draft).toMap());
    }

    private FormErrors validate(Tx tx, VisitReport r) {
        FormErrors e = new FormErrors();
        if (FormErrors.blank(r.medium())) {
            e.add("medium", CoreMessages.get("visit.medium.required"));
        } else if (!SqliteReferenceService.acceptable(tx, CodeLists.MEDIUM, r.medium())) {
            e.add("medium", CoreMessages.get("field.unknownCode"));
        }
        e.maxLength("place", r.place(), Limits.MAX_SHORT_TEXT);
        if (r.durationMinutes() != null
                && (r.durationMinutes() < Limits.MIN_CONTACT_MINUTES
                        || r.durationMinutes() > Limits.MAX_CONTACT_MINUTES)) {
            e.add(
                    "duration",
                    CoreMessages.get("visit.duration.invalid", Limits.MIN_CONTACT_MINUTES, Limits.MAX_CONTACT_MINUTES));
        }
        codes(tx, e, "personsPresent", ListNames.PERSON_PRESENT, r.personsPresent());
        List<String> domains = distinct(r.domains());
        if (domains.isEmpty()) {
            e.add("domains", CoreMessages.get("visit.domains.required"));
        } else if (domains.size() > Limits.MAX_LIST_ITEMS) {
            e.add("domains", CoreMessages.get("visit.domains.tooMany", Limits.MAX_LIST_ITEMS));
        } else {
            codes(tx, e, "domains", CodeLists.DOMAIN, domains);
        }
        codes(tx, e, "motifs", ListNames.MOTIF, r.motifs());
        if (FormErrors.blank(r.synthesis())) {
            e.add("synthesis", CoreMessages.get("visit.synthesis.required"));
        }
        e.maxLength("synthesis", r.synthesis(), Limits.MAX_LONG_TEXT);
        e.maxLength("followUp", r.followUp(), Limits.MAX_LONG_TEXT);
        LocalDate visitDay =
                r.startedAt() == null ? null : r.startedAt().atZone(zone).toLocalDate();
        if (r.followUpDue() != null && visitDay != null && r.followUpDue().isBefore(visitDay)) {
            e.add("followUpDue", CoreMessages.get("visit.followUpDue.past"));
        }
        validateEnergy(e, r.energy());
        for (int i = 0; i < r.actions().size(); i++) {
            validateAction(
                    tx,
                    e,
                    "action." + i + ".",
                    r.residentId(),
                    r.counsellorId(),
                    r.actions().get(i),
                    visitDay,
                    zone);
        }
        for (int i = 0; i < r.orientations().size(); i++) {
            validateOrientation(
                    tx, e, "orientation." + i + ".", r.orientations().get(i));
        }
        for (int i = 0; i < r.plannedTasks().size(); i++) {
            VisitReport.PlannedTask t = r.plannedTasks().get(i);
            e.required("task." + i + ".title", t.title());
            e.maxLength("task." + i + ".title", t.title(), Limits.MAX_SHORT_TEXT);
            if (t.due() == null) {
                e.add("task." + i + ".due", CoreMessages.get("visit.task.due.required"));
            }
        }
        if (!r.signedOrAttested()) {
            e.add("signature", CoreMessages.get("visit.signature.required"));
        }
        return e;
    }

    private static void codes(Tx tx, FormErrors e, String field, String list, List<String> values) {
        if (values.size() > Limits.MAX_LIST_ITEMS) {
            e.add(field, CoreMessages.get("visit.domains.tooMany", Limits.MAX_LIST_ITEMS));
        }
        for (String v : values) {
            if (!SqliteReferenceService.acceptable(tx, list, v)) {
                e.add(field, CoreMessages.get("field.unknownCode"));
            }
        }
    }

    private static void amount(FormErrors e, String field, Long cents) {
        if (cents != null && cents < 0) {
            e.add(field, CoreMessages.get("visit.amount.invalid"));
        } else if (cents != null && cents > Limits.MAX_AMOUNT_CENTS) {
            e.add(field, CoreMessages.get("visit.amount.too.large", FrenchInput.money(Limits.MAX_AMOUNT_CENTS)));
        }
    }

    private void validateEnergy(FormErrors e, EnergyCheckDto energy) {
        if (energy == null) {
            return;
        }
        if (energy.limitedKva() != null
                && (energy.limitedKva() < Limits.MIN_KVA || energy.limitedKva() > Limits.MAX_KVA)) {
            e.add("energy.kva", CoreMessages.get("visit.energy.kva.invalid", Limits.MIN_KVA, Limits.MAX_KVA));
        }
        if (energy.supplyStateSince() != null
                && energy.supplyStateSince()
                        .isAfter(clock.instant().atZone(zone).toLocalDate())) {
            e.add("energy.since", CoreMessages.get("visit.date.future"));
        }
    }

    /**
     * One action's rules (field names without the prefix: type, domain, target, date, amountRequested,
     * amountObtained, reference, note, mandate). Shared with the screen, which checks an action before adding it.
     */
    public static FormErrors validateAction(
            Tx tx,
            FormErrors e,
            String prefix,
            String residentId,
            String agentId,
            ActionDto a,
            LocalDate visitDay,
            ZoneId zone) {
        if (FormErrors.blank(a.type())) {
            e.add(prefix + "type", CoreMessages.get("visit.action.type.required"));
        } else if (!SqliteReferenceService.acceptable(tx, ListNames.ACTION_TYPE, a.type())) {
            e.add(prefix + "type", CoreMessages.get("field.unknownCode"));
        }
        if (FormErrors.blank(a.domain())) {
            e.add(prefix + "domain", CoreMessages.get("visit.action.domain.required"));
        } else if (!SqliteReferenceService.acceptable(tx, CodeLists.DOMAIN, a.domain())) {
            e.add(prefix + "domain", CoreMessages.get("field.unknownCode"));
        }
        if (!SqliteReferenceService.acceptable(tx, ListNames.ACTION_RESULT, a.result())) {
            e.add(prefix + "result", CoreMessages.get("field.unknownCode"));
        }
        e.maxLength(prefix + "target", a.target(), Limits.MAX_SHORT_TEXT);
        e.maxLength(prefix + "reference", a.reference(), Limits.MAX_SHORT_TEXT);
        e.maxLength(prefix + "note", a.note(), Limits.MAX_LONG_TEXT);
        amount(e, prefix + "amountRequested", a.amountRequestedCents());
        amount(e, prefix + "amountObtained", a.amountObtainedCents());
        if (a.onBehalf() && !FormErrors.blank(a.domain())) {
            LocalDate day = a.date() != null ? a.date() : visitDay;
            List<fr.mediance.protocol.MandateDto> covering =
                    SqliteMandateService.activeCovering(tx, residentId, agentId, a.domain(), day, zone);
            if (covering.isEmpty()) {
                e.add(prefix + "mandate", CoreMessages.get("visit.action.mandate.none"));
            } else if (FormErrors.blank(a.mandateId())) {
                e.add(prefix + "mandate", CoreMessages.get("visit.action.mandate.choose"));
            } else if (covering.stream().noneMatch(m -> m.id().equals(a.mandateId()))) {
                e.add(prefix + "mandate", CoreMessages.get("visit.action.mandate.notCovering"));
            }
        }
        return e;
    }

    /** One orientation's rules (target, reason, mode, feedback). */
    public static FormErrors validateOrientation(Tx tx, FormErrors e, String prefix, OrientationDto o) {
        if (FormErrors.blank(o.target())) {
            e.add(prefix + "target", CoreMessages.get("visit.orientation.target.required"));
        } else if (!SqliteReferenceService.acceptable(tx, ListNames.ORIENTATION_TARGET, o.target())) {
            e.add(prefix + "target", CoreMessages.get("field.unknownCode"));
        }
        e.maxLength(prefix + "reason", o.reason(), Limits.MAX_LONG_TEXT);
        if (!SqliteReferenceService.acceptable(tx, ListNames.ORIENTATION_MODE, o.mode())) {
            e.add(prefix + "mode", CoreMessages.get("field.unknownCode"));
        }
        if (!SqliteReferenceService.acceptable(tx, ListNames.ORIENTATION_FEEDBACK, o.feedback())) {
            e.add(prefix + "feedback", CoreMessages.get("field.unknownCode"));
        }
        return e;
    }

    /** The signed-in account's id (the author of the actions being written), or null. */
    private String me() {
        AccountInfo me = account.get();
        return me == null ? null : me.userId();
    }

    @Override
    public Map<String, String> validateAction(String residentId, ActionDto action, LocalDate visitDay) {
        return store.db()
                .read(tx -> validateAction(tx, new FormErrors(), "", residentId, me(), action, visitDay, zone)
                        .toMap());
    }

    @Override
    public Map<String, String> validateOrientation(OrientationDto orientation) {
        return store.db()
                .read(tx -> validateOrientation(tx, new FormErrors(), "", orientation)
                        .toMap());
    }

    @Override
    public Outcome<VisitReport> complete(String reportId) {
        return store.db().inTransaction(tx -> {
            Optional<VisitReport> found = find(tx, reportId);
            if (found.isEmpty()) {
                return Outcome.failed(CoreMessages.get("visit.notFound"));
            }
            VisitReport draft = found.get();
            if (draft.completed()) {
                return Outcome.ok(draft); // already done: completing twice changes nothing
            }
            FormErrors errors = validate(tx, draft);
            if (!errors.isEmpty()) {
                return errors.toOutcome();
            }
            Instant now = clock.instant();
            tx.update(
                    "UPDATE visit_reports SET completed_at = ?, domains = ?, updated_at = ? WHERE id = ?",
                    now,
                    Records.toJson(distinct(draft.domains())),
                    now,
                    reportId);
            VisitReportDto dto = (VisitReportDto)
                    Records.load(tx, EntityType.VISIT_REPORT, reportId).orElseThrow();
            String name = residentName(tx, dto.residentId());
            outbox.enqueue(tx, dto, CoreMessages.get("summary.report", name));
            List<DocumentDto> docs = tx.query(
                    "SELECT * FROM documents WHERE visit_report_id = ? ORDER BY captured_at, id",
                    Records::document,
                    reportId);
            for (DocumentDto d : docs) {
                tx.update(
                        "UPDATE documents SET blob_state = ? WHERE id = ? AND blob_state = ?",
                        Records.BLOB_WAITING_UPLOAD,
                        d.id(),
                        Records.BLOB_LOCAL);
                outbox.enqueue(tx, d, CoreMessages.get("summary.document", name));
            }
            createTasks(tx, dto, name, now);
            if (cases != null && dto.residentId() != null) {
                LocalDate day = dto.startedAt() == null ? null : LocalDate.ofInstant(dto.startedAt(), zone);
                cases.ensureOpen(tx, dto.residentId(), distinct(draft.domains()), day); // a case on first need
            }
            if (dto.appointmentId() != null && Records.exists(tx, EntityType.APPOINTMENT, dto.appointmentId())) {
                Outcome<?> status = agenda.setStatus(tx, dto.appointmentId(), AppointmentStatus.DONE, null);
                if (!status.isOk()) {
                    throw new IllegalStateException("cannot mark the appointment done: " + status.message());
                }
            }
            return Outcome.ok(find(tx, reportId).orElseThrow());
        });
    }

    /**
     * The tasks typed on the draft, then one task per rule of "task_rule" matching an action's type (or
     * "orientation" for an orientation): due on the action's date plus the rule's delay. A rule creates its task
     * once per action, also when a correction repeats the action.
     */
    private void createTasks(Tx tx, VisitReportDto report, String name, Instant now) {
        tx.query(
                        "SELECT * FROM tasks WHERE visit_report_id = ? AND status = ?",
                        Records::task,
                        report.id(),
                        SqliteTaskService.PLANNED)
                .forEach(t -> {
                    TaskDto todo = new TaskDto(
                            t.id(),
                            t.structureId(),
                            t.residentId(),
                            t.visitReportId(),
                            t.assigneeId(),
                            t.title(),
                            t.dueDate(),
                            TaskDto.TODO,
                            null,
                            null,
                            now,
                            null);
                    Records.upsert(tx, todo, null, now, null);
                    outbox.enqueue(tx, todo, CoreMessages.get("summary.task", name));
                });
        LocalDate visitDay = report.startedAt() == null
                ? clock.instant().atZone(zone).toLocalDate()
                : report.startedAt().atZone(zone).toLocalDate();
        for (ActionDto a : report.actions()) {
            applyRules(tx, report, a.type(), a.id(), a.date() == null ? visitDay : a.date(), name, now);
        }
        for (OrientationDto o : report.orientations()) {
            applyRules(tx, report, ORIENTATION_RULE_PARENT, o.id(), o.date() == null ? visitDay : o.date(), name, now);
        }
    }

    private void applyRules(
            Tx tx, VisitReportDto report, String parent, String sourceId, LocalDate from, String name, Instant now) {
        if (parent == null || sourceId == null) {
            return;
        }
        List<fr.mediance.protocol.CodeDto> rules = tx.query(
                "SELECT * FROM codes WHERE list = ? AND parent = ? AND active = 1 ORDER BY sort_order, code",
                Records::code,
                ListNames.TASK_RULE,
                parent);
        for (fr.mediance.protocol.CodeDto rule : rules) {
            Optional<Integer> days = FrenchInput.wholeNumber(rule.value(), 0, 3650);
            if (days.isEmpty()
                    || tx.exists("SELECT 1 FROM tasks WHERE rule_code = ? AND source_id = ?", rule.code(), sourceId)) {
                continue;
            }
            TaskDto task = new TaskDto(
                    UUID.randomUUID().toString(),
                    report.structureId(),
                    report.residentId(),
                    report.id(),
                    report.counsellorId(),
                    rule.label() == null || rule.label().isBlank() ? rule.code() : rule.label(),
                    from.plusDays(days.get()),
                    TaskDto.TODO,
                    rule.code(),
                    sourceId,
                    now,
                    null);
            Records.upsert(tx, task, null, now, null);
            outbox.enqueue(tx, task, CoreMessages.get("summary.task", name));
        }
    }

    private static String residentName(Tx tx, String residentId) {
        if (residentId == null) {
            return "";
        }
        return Records.load(tx, EntityType.RESIDENT, residentId)
                .map(ResidentDto.class::cast)
                .map(r -> Resident.displayName(r.lastName(), r.firstName()))
                .orElse("");
    }
}
