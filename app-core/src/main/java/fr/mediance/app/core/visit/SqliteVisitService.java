package fr.mediance.app.core.visit;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.agenda.AppointmentStatus;
import fr.mediance.app.core.agenda.SqliteAgendaService;
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
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ResidentDto;
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

/** Visit reports in the local database: drafts autosaved locally, completed reports frozen and queued. */
public final class SqliteVisitService implements VisitService {
    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;
    private final SqliteAgendaService agenda;

    public SqliteVisitService(StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock,
                              ZoneId zone, SqliteAgendaService agenda) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
        this.agenda = agenda;
    }

    static VisitReport map(Row r) {
        return new VisitReport(r.string("id"), r.string("appointment_id"), r.string("resident_id"),
                r.string("counsellor_id"), r.string("medium"), Records.fromJson(r.string("domains")),
                r.string("synthesis"), r.string("follow_up"), r.date("follow_up_due"), r.instant("started_at"),
                r.instant("updated_at"), r.instant("completed_at"), r.string("supersedes"), r.optionalLong("version"));
    }

    static Optional<VisitReport> find(Tx tx, String id) {
        return tx.queryOne("SELECT * FROM visit_reports WHERE id = ?", SqliteVisitService::map, id);
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
                    SELECT * FROM visit_reports WHERE appointment_id = ?
                    ORDER BY completed_at IS NULL DESC, updated_at DESC LIMIT 1
                    """, SqliteVisitService::map, appointmentId);
            if (existing.isPresent()) {
                return existing;
            }
            Optional<AppointmentDto> appointment = Records.load(tx, EntityType.APPOINTMENT, appointmentId)
                    .map(AppointmentDto.class::cast);
            if (appointment.isEmpty()) {
                return Optional.empty();
            }
            AppointmentDto a = appointment.get();
            String medium = CodeLists.APPOINTMENT_HOME_VISIT.equals(a.type()) ? CodeLists.MEDIUM_HOME_VISIT : null;
            Instant now = clock.instant();
            VisitReportDto draft = new VisitReportDto(UUID.randomUUID().toString(),
                    a.structureId() == null ? me.structureId() : a.structureId(), a.id(), a.residentId(), me.userId(),
                    medium, List.of(), null, null, null, now, null, null);
            Records.upsert(tx, draft, null, now, null);
            return find(tx, draft.id());
        });
    }

    @Override
    public Optional<VisitReport> startForResident(String residentId) {
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            Optional<ResidentDto> resident = Records.load(tx, EntityType.RESIDENT, residentId == null ? "" : residentId)
                    .map(ResidentDto.class::cast);
            if (resident.isEmpty()) {
                return Optional.empty();
            }
            ResidentDto r = resident.get();
            Instant now = clock.instant();
            VisitReportDto draft = new VisitReportDto(UUID.randomUUID().toString(),
                    r.structureId() == null ? me.structureId() : r.structureId(), null, r.id(), me.userId(),
                    CodeLists.MEDIUM_HOME_VISIT, List.of(), null, null, null, now, null, null);
            Records.upsert(tx, draft, null, now, null);
            return find(tx, draft.id());
        });
    }

    @Override
    public List<VisitReport> drafts() {
        String me = account.get().userId();
        return store.db().read(tx -> tx.query(
                "SELECT * FROM visit_reports WHERE completed_at IS NULL AND counsellor_id = ? ORDER BY updated_at DESC",
                SqliteVisitService::map, me));
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
            tx.update("""
                    UPDATE visit_reports SET medium = ?, domains = ?, synthesis = ?, follow_up = ?, follow_up_due = ?,
                      updated_at = ?
                    WHERE id = ? AND completed_at IS NULL
                    """, Texts.clean(draft.medium()), Records.toJson(distinct(draft.domains())), draft.synthesis(),
                    draft.followUp(), draft.followUpDue(), clock.instant(), draft.id());
            return Outcome.ok(find(tx, draft.id()).orElseThrow());
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
        List<String> domains = distinct(r.domains());
        if (domains.isEmpty()) {
            e.add("domains", CoreMessages.get("visit.domains.required"));
        } else if (domains.size() > Limits.MAX_LIST_ITEMS) {
            e.add("domains", CoreMessages.get("visit.domains.tooMany", Limits.MAX_LIST_ITEMS));
        } else {
            for (String d : domains) {
                if (!SqliteReferenceService.acceptable(tx, CodeLists.DOMAIN, d)) {
                    e.add("domains", CoreMessages.get("field.unknownCode"));
                }
            }
        }
        if (FormErrors.blank(r.synthesis())) {
            e.add("synthesis", CoreMessages.get("visit.synthesis.required"));
        }
        e.maxLength("synthesis", r.synthesis(), Limits.MAX_LONG_TEXT);
        e.maxLength("followUp", r.followUp(), Limits.MAX_LONG_TEXT);
        if (r.followUpDue() != null && r.startedAt() != null) {
            LocalDate visitDay = r.startedAt().atZone(zone).toLocalDate();
            if (r.followUpDue().isBefore(visitDay)) {
                e.add("followUpDue", CoreMessages.get("visit.followUpDue.past"));
            }
        }
        return e;
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
            tx.update("UPDATE visit_reports SET completed_at = ?, domains = ?, updated_at = ? WHERE id = ?",
                    now, Records.toJson(distinct(draft.domains())), now, reportId);
            VisitReportDto dto = (VisitReportDto) Records.load(tx, EntityType.VISIT_REPORT, reportId).orElseThrow();
            String name = residentName(tx, dto.residentId());
            outbox.enqueue(tx, dto, CoreMessages.get("summary.report", name));
            List<DocumentDto> docs = tx.query("SELECT * FROM documents WHERE visit_report_id = ? ORDER BY captured_at, id",
                    Records::document, reportId);
            for (DocumentDto d : docs) {
                tx.update("UPDATE documents SET blob_state = ? WHERE id = ? AND blob_state = ?",
                        Records.BLOB_WAITING_UPLOAD, d.id(), Records.BLOB_LOCAL);
                outbox.enqueue(tx, d, CoreMessages.get("summary.document", name));
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

    private static String residentName(Tx tx, String residentId) {
        if (residentId == null) {
            return "";
        }
        return Records.load(tx, EntityType.RESIDENT, residentId).map(ResidentDto.class::cast)
                .map(r -> new Resident(r.id(), null, null, r.lastName(), r.firstName(), null, null, null, null, null,
                        null, null, null, null, false).displayName())
                .orElse("");
    }
}
