package fr.mediance.app.core.casework;

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
import fr.mediance.protocol.AnonymousContactDto;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CaseOutcomeDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Cases, requests and anonymous contacts in the local database; each change is queued whole for the office. */
public final class SqliteCaseService implements CaseService {
    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;

    public SqliteCaseService(
            StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock, ZoneId zone) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
    }

    /** Now, to the millisecond the store keeps (what is returned is what is read back). */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // --- reading

    @Override
    public Optional<CaseDto> current(String residentId) {
        return store.db().read(tx -> current(tx, residentId));
    }

    private static Optional<CaseDto> current(Tx tx, String residentId) {
        return tx.queryOne(
                "SELECT * FROM cases WHERE resident_id = ? AND status <> ? ORDER BY opened_on DESC, id LIMIT 1",
                Records::caseRecord,
                residentId,
                Casework.CASE_CLOSED);
    }

    @Override
    public List<CaseDto> cases(String residentId) {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT * FROM cases WHERE resident_id = ? ORDER BY opened_on DESC, created_at DESC, id",
                        Records::caseRecord,
                        residentId));
    }

    @Override
    public Optional<CaseDto> caseOn(String residentId, LocalDate day) {
        return store.db()
                .read(tx -> tx.queryOne(
                        "SELECT * FROM cases WHERE resident_id = ? AND opened_on <= ? "
                                + "AND (closed_on IS NULL OR closed_on >= ?) ORDER BY opened_on DESC, id LIMIT 1",
                        Records::caseRecord,
                        residentId,
                        day.toString(),
                        day.toString()));
    }

    @Override
    public List<RequestDto> requests(String residentId) {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT * FROM requests WHERE resident_id = ? ORDER BY received_on DESC, created_at DESC, id",
                        Records::request,
                        residentId));
    }

    @Override
    public List<AnonymousContactDto> anonymousSince(LocalDate from) {
        long since = from.atStartOfDay(zone).toInstant().toEpochMilli();
        return store.db()
                .read(tx -> tx.query(
                        "SELECT * FROM anonymous_contacts WHERE at >= ? ORDER BY at DESC, id",
                        Records::anonymousContact,
                        since));
    }

    // --- cases

    @Override
    public Outcome<CaseDto> ensureOpen(String residentId, List<String> domains) {
        return store.db().inTransaction((Tx tx) -> ensureOpen(tx, residentId, domains, null, today()));
    }

    /**
     * Inside the caller's transaction (a visit being terminated): the resident's current case, or a new one opened on
     * {@code openedOn} (the visit's day) with these domains.
     */
    public Outcome<CaseDto> ensureOpen(Tx tx, String residentId, List<String> domains, LocalDate openedOn) {
        return ensureOpen(tx, residentId, domains, null, openedOn);
    }

    private Outcome<CaseDto> ensureOpen(
            Tx tx, String residentId, List<String> domains, String originRequestId, LocalDate openedOn) {
        Optional<ResidentDto> resident = resident(tx, residentId);
        if (resident.isEmpty()) {
            return Outcome.failed(CoreMessages.get("casework.resident.unknown"));
        }
        Optional<CaseDto> open = current(tx, residentId);
        if (open.isPresent()) {
            return Outcome.ok(open.get());
        }
        AccountInfo me = account.get();
        CaseDto k = new CaseDto(
                UUID.randomUUID().toString(),
                resident.get().structureId() == null
                        ? me.structureId()
                        : resident.get().structureId(),
                residentId,
                fr.mediance.protocol.Permissions.mayBeNamedColleague(me.role())
                        ? me.userId()
                        : resident.get().referentId(),
                openedOn == null || openedOn.isAfter(today()) ? today() : openedOn,
                originRequestId,
                domains == null ? List.of() : List.copyOf(domains),
                List.of(),
                Casework.CASE_OPEN,
                null,
                null,
                List.of(),
                now(),
                me.userId());
        return save(tx, k);
    }

    @Override
    public Outcome<CaseDto> edit(String caseId, List<String> domains, List<String> goals, String referentId) {
        List<String> lines = new ArrayList<>();
        for (String g : goals == null ? List.<String>of() : goals) {
            String clean = Texts.clean(g);
            if (clean != null && !clean.isEmpty()) {
                lines.add(clean);
            }
        }
        return change(
                caseId,
                k -> new CaseDto(
                        k.id(),
                        k.structureId(),
                        k.residentId(),
                        blankToNull(referentId),
                        k.openedOn(),
                        k.originRequestId(),
                        domains == null ? List.of() : List.copyOf(domains),
                        lines,
                        k.status(),
                        k.closedOn(),
                        k.closingReason(),
                        k.outcomes(),
                        k.createdAt(),
                        k.createdBy()));
    }

    @Override
    public Outcome<CaseDto> setOnHold(String caseId, boolean onHold) {
        return change(
                caseId,
                k -> Casework.CASE_CLOSED.equals(k.status())
                        ? k
                        : withStatus(k, onHold ? Casework.CASE_ON_HOLD : Casework.CASE_OPEN, null, null, List.of()));
    }

    @Override
    public Outcome<CaseDto> close(String caseId, LocalDate closedOn, String reason, List<CaseOutcomeDto> outcomes) {
        return change(
                caseId,
                k -> withStatus(
                        k,
                        Casework.CASE_CLOSED,
                        closedOn == null ? today() : closedOn,
                        blankToNull(reason),
                        outcomes == null ? List.of() : List.copyOf(outcomes)));
    }

    @Override
    public Outcome<CaseDto> reopen(String caseId) {
        return change(caseId, k -> withStatus(k, Casework.CASE_OPEN, null, null, List.of()));
    }

    private static CaseDto withStatus(
            CaseDto k, String status, LocalDate closedOn, String reason, List<CaseOutcomeDto> outcomes) {
        return new CaseDto(
                k.id(),
                k.structureId(),
                k.residentId(),
                k.referentId(),
                k.openedOn(),
                k.originRequestId(),
                k.domains(),
                k.goals(),
                status,
                closedOn,
                reason,
                outcomes,
                k.createdAt(),
                k.createdBy());
    }

    private Outcome<CaseDto> change(String caseId, java.util.function.UnaryOperator<CaseDto> edit) {
        return store.db().inTransaction(tx -> {
            Optional<CaseDto> found = Records.load(tx, EntityType.CASE, caseId == null ? "" : caseId)
                    .map(CaseDto.class::cast);
            if (found.isEmpty()) {
                return Outcome.failed(CoreMessages.get("casework.case.notFound"));
            }
            CaseDto changed = edit.apply(found.get());
            if (changed.equals(found.get())) {
                return Outcome.ok(changed);
            }
            return save(tx, changed);
        });
    }

    /** Checks a case as the office will, then stores and queues it. */
    private Outcome<CaseDto> save(Tx tx, CaseDto k) {
        FormErrors e = new FormErrors();
        Casework.check(k).ifPresent(v -> e.add(v.field(), message(v)));
        codes(tx, e, "domains", ListNames.DOMAIN, k.domains());
        code(tx, e, "closingReason", ListNames.CLOSING_REASON, k.closingReason());
        for (CaseOutcomeDto o : k.outcomes()) {
            code(tx, e, "outcomes", ListNames.OUTCOME, o.code());
        }
        if (!Casework.CASE_CLOSED.equals(k.status())
                && tx.exists(
                        "SELECT 1 FROM cases WHERE resident_id = ? AND id <> ? AND status <> ?",
                        k.residentId(),
                        k.id(),
                        Casework.CASE_CLOSED)) {
            return Outcome.failed(CoreMessages.get("casework.case.alreadyOpen"));
        }
        if (!e.isEmpty()) {
            return e.toOutcome();
        }
        Instant now = now();
        Records.upsert(tx, k, null, now, null);
        outbox.enqueue(tx, k, CoreMessages.get("summary.case", name(tx, k.residentId())));
        return Outcome.ok(k);
    }

    // --- requests

    @Override
    public Outcome<RequestDto> recordRequest(RequestForm f) {
        return store.db().inTransaction(tx -> {
            Optional<ResidentDto> resident = resident(tx, f.residentId());
            if (resident.isEmpty()) {
                return Outcome.failed(CoreMessages.get("casework.resident.unknown"));
            }
            AccountInfo me = account.get();
            String id = UUID.randomUUID().toString();
            RequestDto r = new RequestDto(
                    id,
                    resident.get().structureId() == null
                            ? me.structureId()
                            : resident.get().structureId(),
                    f.residentId(),
                    null,
                    f.receivedOn() == null ? today() : f.receivedOn(),
                    f.channel(),
                    blankToNull(f.referrer()),
                    f.domains(),
                    f.urgencies(),
                    f.urgencies().contains(Casework.URGENCY_COURT_DATE) ? f.courtDate() : null,
                    blankToNull(Texts.clean(f.description())),
                    Casework.REQUEST_NEW,
                    null,
                    now(),
                    me.userId());
            FormErrors e = check(tx, r);
            if (!e.isEmpty()) {
                return e.toOutcome();
            }
            Optional<CaseDto> open = current(tx, f.residentId());
            String caseId;
            if (open.isPresent()) {
                caseId = open.get().id();
            } else {
                Outcome<CaseDto> opened = ensureOpen(tx, f.residentId(), f.domains(), id, r.receivedOn());
                if (!opened.isOk()) {
                    return Outcome.failed(opened.message());
                }
                caseId = opened.value().id();
            }
            RequestDto linked = withCase(r, caseId);
            Records.upsert(tx, linked, null, now(), null);
            outbox.enqueue(tx, linked, CoreMessages.get("summary.request", name(tx, linked.residentId())));
            return Outcome.ok(linked);
        });
    }

    private static RequestDto withCase(RequestDto r, String caseId) {
        return new RequestDto(
                        r.id(),
                        r.structureId(),
                        r.residentId(),
                        caseId,
                        r.receivedOn(),
                        r.channel(),
                        r.referrer(),
                        r.domains(),
                        r.urgencies(),
                        r.courtDate(),
                        r.description(),
                        r.status(),
                        r.visitReportId(),
                        r.createdAt(),
                        r.createdBy())
                .withHomeVisit(r.homeVisit());
    }

    private FormErrors check(Tx tx, RequestDto r) {
        FormErrors e = new FormErrors();
        Casework.check(r, today()).ifPresent(v -> e.add(v.field(), message(v)));
        code(tx, e, "referrer", ListNames.REFERRER, r.referrer());
        codes(tx, e, "domains", ListNames.DOMAIN, r.domains());
        return e;
    }

    @Override
    public Outcome<RequestDto> setRequestStatus(String requestId, String status, String visitReportId) {
        return store.db().inTransaction(tx -> {
            Optional<RequestDto> found = Records.load(tx, EntityType.REQUEST, requestId == null ? "" : requestId)
                    .map(RequestDto.class::cast);
            if (found.isEmpty()) {
                return Outcome.failed(CoreMessages.get("casework.request.notFound"));
            }
            RequestDto r = found.get();
            RequestDto changed = new RequestDto(
                            r.id(),
                            r.structureId(),
                            r.residentId(),
                            r.caseId(),
                            r.receivedOn(),
                            r.channel(),
                            r.referrer(),
                            r.domains(),
                            r.urgencies(),
                            r.courtDate(),
                            r.description(),
                            status,
                            visitReportId == null ? r.visitReportId() : visitReportId,
                            r.createdAt(),
                            r.createdBy())
                    .withHomeVisit(r.homeVisit());
            if (changed.equals(r)) {
                return Outcome.ok(r);
            }
            FormErrors e = check(tx, changed);
            if (!e.isEmpty()) {
                return e.toOutcome();
            }
            Records.upsert(tx, changed, null, now(), null);
            outbox.enqueue(tx, changed, CoreMessages.get("summary.request", name(tx, changed.residentId())));
            return Outcome.ok(changed);
        });
    }

    @Override
    public Outcome<RequestDto> setHomeVisit(String requestId, fr.mediance.protocol.HomeVisitDto wish) {
        return store.db().inTransaction(tx -> {
            Optional<RequestDto> found = Records.load(tx, EntityType.REQUEST, requestId == null ? "" : requestId)
                    .map(RequestDto.class::cast);
            if (found.isEmpty()) {
                return Outcome.failed(CoreMessages.get("casework.request.notFound"));
            }
            RequestDto r = found.get();
            RequestDto changed = r.withHomeVisit(wish);
            if (changed.equals(r)) {
                return Outcome.ok(r);
            }
            FormErrors e = check(tx, changed);
            if (!e.isEmpty()) {
                return e.toOutcome();
            }
            Records.upsert(tx, changed, null, now(), null);
            outbox.enqueue(tx, changed, CoreMessages.get("summary.request", name(tx, changed.residentId())));
            return Outcome.ok(changed);
        });
    }

    // --- anonymous contacts

    @Override
    public Outcome<AnonymousContactDto> recordAnonymous(AnonymousContactForm f) {
        AccountInfo me = account.get();
        AnonymousContactDto a = new AnonymousContactDto(
                UUID.randomUUID().toString(),
                me.structureId(),
                me.userId(),
                now(),
                f.channel(),
                f.domains(),
                f.motifs(),
                f.actionTypes(),
                blankToNull(f.ageBand()),
                f.durationMinutes());
        return store.db().inTransaction(tx -> {
            FormErrors e = new FormErrors();
            Casework.check(a).ifPresent(v -> e.add(v.field(), message(v)));
            codes(tx, e, "domains", ListNames.DOMAIN, a.domains());
            codes(tx, e, "motifs", ListNames.MOTIF, a.motifs());
            codes(tx, e, "actionTypes", ListNames.ACTION_TYPE, a.actionTypes());
            if (!e.isEmpty()) {
                return e.toOutcome();
            }
            Records.upsert(tx, a, null, now(), null);
            outbox.enqueue(tx, a, CoreMessages.get("summary.anonymous"));
            return Outcome.ok(a);
        });
    }

    // --- helpers

    /** The French message of a broken shared rule: by field and code, or by code, or the protocol's own. */
    static String message(Casework.Violation v) {
        String byField = "casework." + v.field() + "." + v.code();
        if (CoreMessages.has(byField)) {
            return CoreMessages.get(byField);
        }
        String byCode = "casework." + v.code();
        return CoreMessages.has(byCode) ? CoreMessages.get(byCode) : v.message();
    }

    private static void code(Tx tx, FormErrors e, String field, String list, String code) {
        if (code != null && !e.has(field) && !SqliteReferenceService.acceptable(tx, list, code)) {
            e.add(field, CoreMessages.get("casework.unknownCode"));
        }
    }

    private static void codes(Tx tx, FormErrors e, String field, String list, List<String> codes) {
        for (String c : codes) {
            code(tx, e, field, list, c);
        }
    }

    private static Optional<ResidentDto> resident(Tx tx, String residentId) {
        return Records.load(tx, EntityType.RESIDENT, residentId == null ? "" : residentId)
                .map(ResidentDto.class::cast);
    }

    private static String name(Tx tx, String residentId) {
        return resident(tx, residentId)
                .map(r -> fr.mediance.app.core.resident.SqliteResidentService.displayName(r))
                .orElse("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
