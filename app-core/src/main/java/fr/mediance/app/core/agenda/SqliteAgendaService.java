package fr.mediance.app.core.agenda;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.AppointmentPlanning;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Appointments in the local database, joined with their resident and counsellor for display. */
public final class SqliteAgendaService implements AgendaService {
    /** The fields a status change sets (wire names). */
    public static final List<String> STATUS_FIELDS = List.of("status", "statusReason");

    static final Duration MIN_DURATION = Duration.ofMinutes(Limits.MIN_APPOINTMENT_MINUTES);
    static final Duration MAX_DURATION = Duration.ofMinutes(Limits.MAX_APPOINTMENT_MINUTES);
    private static final String SELECT = """
            SELECT a.*, r.first_name, r.last_name, r.phone AS resident_phone, r.access_notes, r.street, r.postcode, r.city,
              coalesce(u.display_name, u.username) AS counsellor_name,
              (SELECT v.id FROM visit_reports v WHERE v.appointment_id = a.id
                 ORDER BY v.completed_at IS NULL DESC, v.updated_at DESC LIMIT 1) AS report_id,
              (SELECT CASE WHEN v.completed_at IS NULL THEN 'DRAFT' ELSE 'COMPLETED' END FROM visit_reports v
                 WHERE v.appointment_id = a.id ORDER BY v.completed_at IS NULL DESC, v.updated_at DESC LIMIT 1) AS report_state,
              EXISTS(SELECT 1 FROM outbox o WHERE o.entity = 'appointment' AND o.entity_id = a.id) AS pending
            FROM appointments a
            LEFT JOIN residents r ON r.id = a.resident_id
            LEFT JOIN users u ON u.id = a.counsellor_id
            """;

    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;

    public SqliteAgendaService(
            StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock, ZoneId zone) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
    }

    static AgendaItem map(Row r) {
        String address = r.string("address");
        if (FormErrors.blank(address)) {
            address = Resident.formatAddress(r.string("street"), r.string("postcode"), r.string("city"));
        }
        String name = Resident.displayName(r.string("last_name"), r.string("first_name"));
        String state = r.string("report_state");
        return new AgendaItem(
                r.string("id"),
                r.string("type"),
                r.instant("start_at"),
                r.instant("end_at"),
                r.string("status"),
                r.string("status_reason"),
                address,
                r.string("notes"),
                r.string("resident_id"),
                name,
                r.string("resident_phone"),
                r.string("access_notes"),
                r.string("counsellor_id"),
                r.string("counsellor_name"),
                state == null ? ReportState.NONE : ReportState.valueOf(state),
                r.string("report_id"),
                r.bool("pending"),
                Records.fromJson(r.string("checklist")),
                r.string("safety_notes"),
                r.bool("locked"),
                r.string("planned_by"));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private List<AgendaItem> mine(LocalDate from, LocalDate toInclusive) {
        String me = account.get().userId();
        return store.db()
                .read(tx -> tx.query(
                        SELECT
                                + " WHERE a.counsellor_id = ? AND a.start_at >= ? AND a.start_at < ? ORDER BY a.start_at, a.id",
                        SqliteAgendaService::map,
                        me,
                        startOf(from),
                        startOf(toInclusive.plusDays(1))));
    }

    @Override
    public List<AgendaItem> myDay(LocalDate day) {
        return mine(day, day);
    }

    @Override
    public List<AgendaItem> myWeek(LocalDate anyDay) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return mine(monday, monday.plusDays(6));
    }

    @Override
    public List<AgendaItem> planned(LocalDate from, LocalDate to) {
        return store.db()
                .read(tx -> tx.query(
                        SELECT + " WHERE a.start_at >= ? AND a.start_at < ? ORDER BY a.start_at, a.id",
                        SqliteAgendaService::map,
                        startOf(from),
                        startOf(to.plusDays(1))));
    }

    @Override
    public Optional<AgendaItem> find(String appointmentId) {
        return store.db().read(tx -> find(tx, appointmentId));
    }

    @Override
    public Optional<Preparation> prepare(String appointmentId, LocalDate today, int horizonDays) {
        return store.db()
                .read(tx -> find(tx, appointmentId).map(a -> {
                    String resident = a.residentId() == null ? "" : a.residentId();
                    Optional<VisitReportDto> last = tx.queryOne("""
                    SELECT * FROM visit_reports WHERE resident_id = ? AND completed_at IS NOT NULL
                    ORDER BY completed_at DESC, id LIMIT 1""", Records::visitReport, resident);
                    List<TaskDto> tasks = tx.query("""
                    SELECT * FROM tasks WHERE resident_id = ? AND status = ?
                    ORDER BY due_date IS NULL, due_date, title""", Records::task, resident, TaskDto.TODO);
                    LocalDate horizon = today.plusDays(horizonDays);
                    List<DocumentDto> documents = tx.query("""
                    SELECT * FROM documents WHERE resident_id = ?
                      AND ((due_date IS NOT NULL AND due_date <= ?) OR (retention_until IS NOT NULL AND retention_until <= ?))
                    ORDER BY min(coalesce(due_date, '9999-12-31'), coalesce(retention_until, '9999-12-31')), id""", Records::document, resident, horizon, horizon);
                    return new Preparation(a, last, tasks, documents);
                }));
    }

    static Optional<AgendaItem> find(Tx tx, String id) {
        return tx.queryOne(SELECT + " WHERE a.id = ?", SqliteAgendaService::map, id);
    }

    @Override
    public Outcome<AgendaItem> plan(AppointmentForm form) {
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            FormErrors e = new FormErrors();
            Optional<ResidentDto> resident = Optional.empty();
            if (FormErrors.blank(form.residentId())) {
                e.add("residentId", CoreMessages.get("agenda.resident.required"));
            } else {
                resident =
                        Records.load(tx, EntityType.RESIDENT, form.residentId()).map(ResidentDto.class::cast);
                if (resident.isEmpty()) {
                    e.add("residentId", CoreMessages.get("resident.notFound"));
                }
            }
            if (FormErrors.blank(form.counsellorId())) {
                e.add("counsellorId", CoreMessages.get("agenda.counsellor.required"));
            } else {
                String refusal = AppointmentPlanning.refusalOfCreation(
                        me.role(), me.userId(), form.counsellorId().strip(), false);
                if (refusal != null) {
                    e.add("counsellorId", refusal);
                }
            }
            for (String item : form.checklist()) {
                e.maxLength("checklist", item, Limits.MAX_SHORT_TEXT);
            }
            if (form.checklist().size() > Limits.MAX_LIST_ITEMS) {
                e.add("checklist", CoreMessages.get("agenda.checklist.tooLong", Limits.MAX_LIST_ITEMS));
            }
            String type = FormErrors.blank(form.type())
                    ? CodeLists.APPOINTMENT_HOME_VISIT
                    : form.type().strip();
            if (!SqliteReferenceService.acceptable(tx, CodeLists.APPOINTMENT_TYPE, type)) {
                e.add("type", CoreMessages.get("field.unknownCode"));
            }
            if (form.date() == null) {
                e.add("date", CoreMessages.get("agenda.date.required"));
            }
            e.plausibleDate("date", form.date());
            if (form.startTime() == null) {
                e.add("startTime", CoreMessages.get("agenda.time.required"));
            }
            if (form.duration() == null
                    || form.duration().compareTo(MIN_DURATION) < 0
                    || form.duration().compareTo(MAX_DURATION) > 0) {
                e.add(
                        "duration",
                        CoreMessages.get(
                                "agenda.duration.invalid",
                                Limits.MIN_APPOINTMENT_MINUTES,
                                Limits.MAX_APPOINTMENT_MINUTES));
            }
            e.maxLength("address", form.address(), Limits.MAX_SHORT_TEXT);
            e.maxLength("notes", form.notes(), Limits.MAX_LONG_TEXT);
            if (!e.isEmpty()) {
                return e.toOutcome();
            }
            ResidentDto r = resident.orElseThrow();
            Instant start = form.date().atTime(form.startTime()).atZone(zone).toInstant();
            String address = Texts.clean(form.address());
            if (address == null) {
                address = Resident.formatAddress(r.street(), r.postcode(), r.city());
            }
            AppointmentDto dto = new AppointmentDto(
                    UUID.randomUUID().toString(),
                    me.structureId(),
                    r.id(),
                    form.counsellorId().strip(),
                    type,
                    start,
                    start.plus(form.duration()),
                    AppointmentStatus.CONFIRMED,
                    address,
                    Texts.clean(form.notes()),
                    null,
                    cleanList(form.checklist()),
                    null,
                    false,
                    null,
                    me.userId());
            Records.upsert(tx, dto, null, clock.instant(), null);
            outbox.enqueue(tx, dto, summary(dto, r));
            return Outcome.ok(find(tx, dto.id()).orElseThrow());
        });
    }

    @Override
    public Acceptance acceptProposed(List<ProposedVisit> visits) {
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            List<AgendaItem> created = new java.util.ArrayList<>();
            List<ProposedVisit> overlapping = new java.util.ArrayList<>();
            List<ProposedVisit> answered = new java.util.ArrayList<>();
            List<ProposedVisit> notHere = new java.util.ArrayList<>();
            Set<String> live = answeredRequests(tx);
            for (ProposedVisit v : visits) {
                if (v.requestId() != null && live.contains(v.requestId())) {
                    answered.add(v);
                    continue;
                }
                Optional<ResidentDto> resident = v.residentId() == null
                        ? Optional.empty()
                        : Records.load(tx, EntityType.RESIDENT, v.residentId()).map(ResidentDto.class::cast);
                if (resident.isEmpty()
                        || v.counsellorId() == null
                        || v.start() == null
                        || v.end() == null
                        || !v.end().isAfter(v.start())) {
                    notHere.add(v);
                    continue;
                }
                AppointmentDto dto = new AppointmentDto(
                        UUID.randomUUID().toString(),
                        me.structureId(),
                        v.residentId(),
                        v.counsellorId(),
                        CodeLists.APPOINTMENT_HOME_VISIT,
                        v.start(),
                        v.end(),
                        AppointmentStatus.PROPOSED,
                        resident.map(r -> Resident.formatAddress(r.street(), r.postcode(), r.city()))
                                .filter(a -> !a.isBlank())
                                .orElse(null),
                        null,
                        null,
                        List.of(),
                        null,
                        false,
                        v.requestId(),
                        me.userId());
                List<AppointmentDto> near = tx.query(
                        "SELECT * FROM appointments WHERE counsellor_id = ? AND start_at >= ? AND start_at < ? "
                                + "ORDER BY start_at, id",
                        Records::appointment,
                        v.counsellorId(),
                        v.start().minus(MAX_DURATION),
                        v.end());
                if (!AppointmentPlanning.overlapping(dto, near).isEmpty()) {
                    overlapping.add(v);
                    continue;
                }
                Records.upsert(tx, dto, null, clock.instant(), null);
                outbox.enqueue(tx, dto, summary(dto, resident.get()));
                live.add(v.requestId());
                created.add(find(tx, dto.id()).orElseThrow());
            }
            return new Acceptance(created, overlapping, answered, notHere);
        });
    }

    @Override
    public Set<String> answeredRequests() {
        return store.db().read(SqliteAgendaService::answeredRequests);
    }

    private static Set<String> answeredRequests(Tx tx) {
        Set<String> out = new HashSet<>();
        for (AppointmentDto a :
                tx.query("SELECT * FROM appointments WHERE request_id IS NOT NULL", Records::appointment)) {
            if (AppointmentPlanning.active(a.status())) {
                out.add(a.requestId());
            }
        }
        return out;
    }

    private String summary(AppointmentDto a, ResidentDto r) {
        String name = r == null ? "" : Resident.displayName(r.lastName(), r.firstName());
        return CoreMessages.get(
                "summary.appointment", Texts.DATE.format(a.start().atZone(zone)), name);
    }

    @Override
    public Outcome<AgendaItem> setStatus(String appointmentId, String status, String reason) {
        return store.db().inTransaction(tx -> {
            return setStatus(tx, appointmentId, status, reason);
        });
    }

    /** Changes the status inside a running transaction (also used when a visit is completed). */
    public Outcome<AgendaItem> setStatus(Tx tx, String appointmentId, String status, String reason) {
        FormErrors e = new FormErrors();
        if (!AppointmentStatus.isKnown(status)) {
            e.add("status", CoreMessages.get("agenda.status.invalid"));
        }
        e.maxLength("statusReason", reason, Limits.MAX_SHORT_TEXT);
        // every cancellation needs a reason (the shared rule); the app also asks why the resident was absent
        if ((AppointmentPlanning.needsReason(status) || AppointmentStatus.NO_SHOW.equals(status))
                && FormErrors.blank(reason)) {
            e.add("statusReason", CoreMessages.get("agenda.statusReason.required"));
        }
        if (!e.isEmpty()) {
            return e.toOutcome();
        }
        Optional<AppointmentDto> old =
                Records.load(tx, EntityType.APPOINTMENT, appointmentId).map(AppointmentDto.class::cast);
        if (old.isEmpty()) {
            return Outcome.failed(CoreMessages.get("agenda.notFound"));
        }
        AppointmentDto a = old.get();
        if (status.equals(a.status()) && java.util.Objects.equals(Texts.clean(reason), a.statusReason())) {
            return Outcome.ok(find(tx, appointmentId).orElseThrow());
        }
        AppointmentDto dto = new AppointmentDto(
                a.id(),
                a.structureId(),
                a.residentId(),
                a.counsellorId(),
                a.type(),
                a.start(),
                a.end(),
                status,
                a.address(),
                a.notes(),
                Texts.clean(reason),
                a.checklist(),
                a.safetyNotes(),
                a.locked(),
                a.requestId(),
                a.plannedBy());
        // the appointment belongs to its coordinator: only the status travels, merged onto their version
        return saveChanged(tx, dto, STATUS_FIELDS);
    }

    /**
     * Saves a changed appointment and queues it: whole when it was created on this device and not acknowledged yet,
     * else only {@code fields}, merged onto the version the server holds.
     */
    private Outcome<AgendaItem> saveChanged(Tx tx, AppointmentDto dto, List<String> fields) {
        Long base = Records.version(tx, EntityType.APPOINTMENT, dto.id()).orElse(null);
        Records.upsert(tx, dto, null, clock.instant(), null);
        ResidentDto r = Records.load(tx, EntityType.RESIDENT, dto.residentId() == null ? "" : dto.residentId())
                .map(ResidentDto.class::cast)
                .orElse(null);
        if (base == null) {
            outbox.enqueue(tx, dto, summary(dto, r));
        } else {
            outbox.enqueueUpdate(tx, dto, base, fields, summary(dto, r));
        }
        return Outcome.ok(find(tx, dto.id()).orElseThrow());
    }

    private static List<String> cleanList(List<String> items) {
        return items.stream()
                .map(Texts::clean)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    @Override
    public List<AgendaItem> overlapping(String counsellorId, Instant start, Instant end, String exceptId) {
        if (counsellorId == null || start == null || end == null || !end.isAfter(start)) {
            return List.of();
        }
        AppointmentDto probe = new AppointmentDto(
                exceptId == null ? "" : exceptId,
                null,
                null,
                counsellorId,
                null,
                start,
                end,
                AppointmentStatus.CONFIRMED,
                null,
                null,
                null);
        return store.db().read(tx -> {
            List<AppointmentDto> near = tx.query(
                    "SELECT * FROM appointments WHERE counsellor_id = ? AND start_at >= ? AND start_at < ? "
                            + "ORDER BY start_at, id",
                    Records::appointment,
                    counsellorId,
                    start.minus(MAX_DURATION),
                    end);
            return AppointmentPlanning.overlapping(probe, near).stream()
                    .map(a -> find(tx, a.id()).orElseThrow())
                    .toList();
        });
    }

    @Override
    public String residentAvailability(String residentId) {
        return store.db()
                .read(tx -> tx.queryOne(
                                "SELECT preferred_contact_time FROM residents WHERE id = ?",
                                r -> r.string("preferred_contact_time"),
                                residentId == null ? "" : residentId)
                        .map(Texts::clean)
                        .orElse(null));
    }

    @Override
    public Set<String> inOpenOverlap() {
        return store.db().read(tx -> {
            Set<String> ids = new HashSet<>();
            tx.query(
                            "SELECT entity_id, server_value FROM conflicts WHERE entity = ? AND field = ? AND status = ?",
                            r -> List.of(r.string("entity_id"), String.valueOf(r.string("server_value"))),
                            EntityType.APPOINTMENT.code(),
                            ConflictDto.OVERLAP,
                            ConflictDto.OPEN)
                    .forEach(ids::addAll);
            return ids;
        });
    }

    @Override
    public Outcome<AgendaItem> reschedule(
            String appointmentId, LocalDate date, LocalTime startTime, Duration duration) {
        FormErrors e = new FormErrors();
        if (date == null) {
            e.add("date", CoreMessages.get("agenda.date.required"));
        }
        e.plausibleDate("date", date);
        if (startTime == null) {
            e.add("startTime", CoreMessages.get("agenda.time.required"));
        }
        if (duration == null || duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            e.add(
                    "duration",
                    CoreMessages.get(
                            "agenda.duration.invalid", Limits.MIN_APPOINTMENT_MINUTES, Limits.MAX_APPOINTMENT_MINUTES));
        }
        if (!e.isEmpty()) {
            return e.toOutcome();
        }
        Instant start = date.atTime(startTime).atZone(zone).toInstant();
        return change(
                appointmentId,
                a -> with(a, start, start.plus(duration), a.locked(), a.checklist(), a.safetyNotes()),
                List.of("start", "end"));
    }

    @Override
    public Outcome<AgendaItem> setLocked(String appointmentId, boolean locked) {
        return change(
                appointmentId,
                a -> with(a, a.start(), a.end(), locked, a.checklist(), a.safetyNotes()),
                List.of(AppointmentPlanning.LOCKED));
    }

    @Override
    public Outcome<AgendaItem> editDetails(String appointmentId, List<String> checklist, String safetyNotes) {
        FormErrors e = new FormErrors();
        List<String> items = cleanList(checklist == null ? List.of() : checklist);
        for (String item : items) {
            e.maxLength("checklist", item, Limits.MAX_SHORT_TEXT);
        }
        if (items.size() > Limits.MAX_LIST_ITEMS) {
            e.add("checklist", CoreMessages.get("agenda.checklist.tooLong", Limits.MAX_LIST_ITEMS));
        }
        e.maxLength("safetyNotes", safetyNotes, Limits.MAX_LONG_TEXT);
        if (!e.isEmpty()) {
            return e.toOutcome();
        }
        return change(
                appointmentId,
                a -> with(a, a.start(), a.end(), a.locked(), items, Texts.clean(safetyNotes)),
                List.of("checklist", "safetyNotes"));
    }

    @Override
    public Outcome<AgendaItem> move(String appointmentId, String counsellorId, Instant start) {
        if (counsellorId == null || counsellorId.isBlank()) {
            return Outcome.failed(CoreMessages.get("agenda.counsellor.required"));
        }
        if (start == null) {
            return Outcome.failed(CoreMessages.get("agenda.time.required"));
        }
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            Optional<AppointmentDto> old =
                    Records.load(tx, EntityType.APPOINTMENT, appointmentId).map(AppointmentDto.class::cast);
            if (old.isEmpty()) {
                return Outcome.<AgendaItem>failed(CoreMessages.get("agenda.notFound"));
            }
            AppointmentDto a = old.get();
            List<String> fields = new java.util.ArrayList<>();
            if (!counsellorId.equals(a.counsellorId())) {
                fields.add("counsellorId");
            }
            if (!start.equals(a.start())) {
                fields.add("start");
                fields.add("end");
            }
            if (fields.isEmpty()) {
                return Outcome.ok(find(tx, appointmentId).orElseThrow());
            }
            for (String f : fields) {
                String refusal = AppointmentPlanning.refusalOfChange(me.role(), me.userId(), a, f);
                if (refusal != null) {
                    return Outcome.<AgendaItem>failed(refusal);
                }
            }
            String refusal = AppointmentPlanning.refusalOfMove(a);
            if (refusal != null) {
                return Outcome.<AgendaItem>failed(refusal);
            }
            Duration length = Duration.between(a.start(), a.end());
            AppointmentDto moved = new AppointmentDto(
                    a.id(),
                    a.structureId(),
                    a.residentId(),
                    counsellorId,
                    a.type(),
                    start,
                    start.plus(length),
                    a.status(),
                    a.address(),
                    a.notes(),
                    a.statusReason(),
                    a.checklist(),
                    a.safetyNotes(),
                    a.locked(),
                    a.requestId(),
                    a.plannedBy());
            List<AppointmentDto> near = tx.query(
                    "SELECT * FROM appointments WHERE counsellor_id = ? AND start_at >= ? AND start_at < ? "
                            + "ORDER BY start_at, id",
                    Records::appointment,
                    counsellorId,
                    start.minus(MAX_DURATION),
                    moved.end());
            List<AppointmentDto> overlapping = AppointmentPlanning.overlapping(moved, near);
            if (!overlapping.isEmpty()) {
                AppointmentDto o = overlapping.get(0);
                String who = find(tx, o.id()).map(AgendaItem::residentName).orElse("");
                return Outcome.<AgendaItem>failed(CoreMessages.get(
                        "agenda.move.overlap",
                        Texts.TIME.format(o.start().atZone(zone)) + "–"
                                + Texts.TIME.format(o.end().atZone(zone)),
                        who == null ? "" : who));
            }
            return saveChanged(tx, moved, fields);
        });
    }

    @Override
    public java.util.Map<String, ResidentPlace> places(java.util.Collection<String> residentIds) {
        return store.db().read(tx -> {
            java.util.Map<String, ResidentPlace> out = new java.util.HashMap<>();
            for (String id : new HashSet<>(residentIds)) {
                if (id == null) {
                    continue;
                }
                Records.load(tx, EntityType.RESIDENT, id)
                        .map(ResidentDto.class::cast)
                        .ifPresent(r -> out.put(
                                id, new ResidentPlace(id, r.fileNumber(), r.postcode(), r.city(), r.location())));
            }
            return out;
        });
    }

    private static AppointmentDto with(
            AppointmentDto a, Instant start, Instant end, boolean locked, List<String> checklist, String safety) {
        return new AppointmentDto(
                a.id(),
                a.structureId(),
                a.residentId(),
                a.counsellorId(),
                a.type(),
                start,
                end,
                a.status(),
                a.address(),
                a.notes(),
                a.statusReason(),
                checklist,
                safety,
                locked,
                a.requestId(),
                a.plannedBy());
    }

    /**
     * Changes some fields of an appointment if the shared rule lets this account change them, saved locally and
     * queued with only those fields (merged onto the server's version).
     */
    private Outcome<AgendaItem> change(
            String appointmentId, java.util.function.UnaryOperator<AppointmentDto> edit, List<String> fields) {
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            Optional<AppointmentDto> old =
                    Records.load(tx, EntityType.APPOINTMENT, appointmentId).map(AppointmentDto.class::cast);
            if (old.isEmpty()) {
                return Outcome.<AgendaItem>failed(CoreMessages.get("agenda.notFound"));
            }
            AppointmentDto a = old.get();
            for (String f : fields) {
                String refusal = AppointmentPlanning.refusalOfChange(me.role(), me.userId(), a, f);
                if (refusal != null) {
                    return Outcome.<AgendaItem>failed(refusal);
                }
            }
            AppointmentDto dto = edit.apply(a);
            if (dto.equals(a)) {
                return Outcome.ok(find(tx, appointmentId).orElseThrow());
            }
            return saveChanged(tx, dto, fields);
        });
    }
}
