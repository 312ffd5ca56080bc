package fr.mediance.app.core.consent;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.signature.Signature;
import fr.mediance.app.core.signature.SqliteSignatureService;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.ResidentDto;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Mandates in the encrypted local database, with their two signatures, queued in the same transaction. */
public final class SqliteMandateService implements MandateService {
    /** How long a mandate's signatures are kept after its end (Aidants Connect: the criminal limitation period). */
    public static final Period SIGNATURE_RETENTION = Period.ofYears(6);

    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;
    private final SqliteSignatureService signatures;

    public SqliteMandateService(
            StoreHolder store,
            Outbox outbox,
            Supplier<AccountInfo> account,
            Clock clock,
            ZoneId zone,
            SqliteSignatureService signatures) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
        this.signatures = signatures;
    }

    @Override
    public Optional<LocalDate> endDate(String duration, LocalDate start) {
        if (duration == null || start == null) {
            return Optional.empty();
        }
        return store.db().read(tx -> endDate(tx, duration, start));
    }

    private static Optional<LocalDate> endDate(Tx tx, String duration, LocalDate start) {
        return SqliteSignatureService.codeValue(tx, ListNames.MANDATE_DURATION, duration)
                .flatMap(SqliteSignatureService::period)
                .filter(p -> !p.isNegative() && !p.isZero())
                .map(p -> start.plus(p).minusDays(1));
    }

    @Override
    public Optional<String> protectionBlock(String residentId) {
        return store.db().read(tx -> protectionBlock(tx, residentId));
    }

    private static Optional<String> protectionBlock(Tx tx, String residentId) {
        Optional<ResidentDto> r =
                Records.load(tx, EntityType.RESIDENT, residentId).map(ResidentDto.class::cast);
        if (r.isEmpty() || !r.get().underProtection()) {
            return Optional.empty();
        }
        String measure = SqliteReferenceService.label(
                tx, ListNames.LEGAL_PROTECTION, r.get().legalProtection());
        String representative = Texts.clean(r.get().legalRepresentative());
        return Optional.of(
                representative == null
                        ? CoreMessages.get("mandate.protected.noRepresentative", measure)
                        : CoreMessages.get("mandate.protected", measure, representative));
    }

    @Override
    public Outcome<MandateDto> create(MandateForm form, Signature residentSignature, Signature agentSignature) {
        Optional<String> blocked = protectionBlock(form.residentId());
        if (blocked.isPresent()) {
            return Outcome.failed(blocked.get());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<String> creditors = form.creditors().stream()
                .map(Texts::clean)
                .filter(c -> c != null)
                .distinct()
                .toList();
        FormErrors e = store.db().read(tx -> validate(tx, form, creditors, today));
        if (residentSignature == null || residentSignature.isEmpty()) {
            e.add("residentSignature", CoreMessages.get("mandate.signature.resident"));
        }
        if (agentSignature == null || agentSignature.isEmpty()) {
            e.add("agentSignature", CoreMessages.get("mandate.signature.agent"));
        }
        if (!e.isEmpty()) {
            return e.toOutcome();
        }
        AccountInfo me = account.get();
        SqliteSignatureService.Stored resident = signatures.render(residentSignature);
        SqliteSignatureService.Stored agent = signatures.render(agentSignature);
        return store.db().inTransaction(tx -> {
            if (!Records.exists(tx, EntityType.RESIDENT, form.residentId())) {
                return Outcome.failed(CoreMessages.get("resident.notFound"));
            }
            Optional<String> again = protectionBlock(tx, form.residentId());
            if (again.isPresent()) {
                return Outcome.failed(again.get());
            }
            LocalDate end = endDate(tx, form.duration(), form.startDate()).orElseThrow();
            List<String> demarches = form.demarches().stream().distinct().toList();
            String domains = demarches.stream()
                    .map(d -> SqliteReferenceService.label(tx, ListNames.DOMAIN, d))
                    .collect(Collectors.joining(", "));
            LocalDate retention = end.plus(SIGNATURE_RETENTION);
            String residentDoc = signatures.insert(
                    tx,
                    resident,
                    form.residentId(),
                    null,
                    CoreMessages.get("mandate.signature.title.resident", domains),
                    retention);
            String agentDoc = signatures.insert(
                    tx,
                    agent,
                    form.residentId(),
                    null,
                    CoreMessages.get("mandate.signature.title.agent", domains),
                    retention);
            Instant now = clock.instant();
            MandateDto dto = new MandateDto(
                    UUID.randomUUID().toString(),
                    me.structureId(),
                    form.residentId(),
                    demarches,
                    creditors,
                    form.duration(),
                    form.startDate(),
                    end,
                    null,
                    true,
                    Texts.clean(form.place()),
                    List.of(me.userId()),
                    residentDoc,
                    agentDoc,
                    Texts.clean(form.channel()),
                    now);
            Records.upsert(tx, dto, null, now, null);
            outbox.enqueue(tx, dto, CoreMessages.get("summary.mandate", domains));
            return Outcome.ok(dto);
        });
    }

    private static FormErrors validate(Tx tx, MandateForm f, List<String> creditors, LocalDate today) {
        FormErrors e = new FormErrors();
        if (f.demarches().isEmpty()) {
            e.add("demarches", CoreMessages.get("mandate.demarches.required"));
        } else if (f.demarches().size() > Limits.MAX_LIST_ITEMS) {
            e.add("demarches", CoreMessages.get("resident.list.tooLong", Limits.MAX_LIST_ITEMS));
        }
        for (String d : f.demarches()) {
            if (d == null || !SqliteReferenceService.acceptable(tx, ListNames.DOMAIN, d)) {
                e.add("demarches", CoreMessages.get("field.unknownCode"));
            }
        }
        if (creditors.size() > Limits.MAX_LIST_ITEMS) {
            e.add("creditors", CoreMessages.get("resident.list.tooLong", Limits.MAX_LIST_ITEMS));
        }
        for (String c : creditors) {
            e.maxLength("creditors", c, Limits.MAX_SHORT_TEXT);
        }
        if (FormErrors.blank(f.duration())) {
            e.add("duration", CoreMessages.get("field.required"));
        } else if (f.startDate() != null
                && endDate(tx, f.duration(), f.startDate()).isEmpty()) {
            e.add("duration", CoreMessages.get("mandate.duration.unknown"));
        }
        if (f.startDate() == null) {
            e.add("startDate", CoreMessages.get("field.required"));
        } else if (f.startDate().isBefore(today)) {
            e.add("startDate", CoreMessages.get("mandate.start.past"));
        } else {
            e.plausibleDate("startDate", f.startDate());
            if (!e.has("startDate") && !FormErrors.blank(f.duration())) {
                endDate(tx, f.duration(), f.startDate()).ifPresent(end -> e.plausibleDate("duration", end));
            }
        }
        e.required("place", f.place()).maxLength("place", f.place(), Limits.MAX_SHORT_TEXT);
        if (!f.notUnderProtection()) {
            e.add("notUnderProtection", CoreMessages.get("mandate.declaration.required"));
        }
        if (f.channel() != null
                && !SqliteReferenceService.acceptable(tx, ListNames.MANDATE_CHANNEL, Texts.clean(f.channel()))) {
            e.add("channel", CoreMessages.get("field.unknownCode"));
        }
        return e;
    }

    @Override
    public Outcome<MandateDto> revoke(String mandateId) {
        return store.db().inTransaction(tx -> {
            Optional<MandateDto> found =
                    Records.load(tx, EntityType.MANDATE, mandateId).map(MandateDto.class::cast);
            if (found.isEmpty()) {
                return Outcome.failed(CoreMessages.get("mandate.notFound"));
            }
            MandateDto m = found.get();
            if (m.revokedAt() != null) {
                return Outcome.ok(m);
            }
            Instant now = clock.instant();
            MandateDto revoked = new MandateDto(
                    m.id(),
                    m.structureId(),
                    m.residentId(),
                    m.demarches(),
                    m.creditors(),
                    m.duration(),
                    m.startDate(),
                    m.endDate(),
                    now,
                    m.notUnderProtection(),
                    m.place(),
                    m.agentIds(),
                    m.residentSignatureDocumentId(),
                    m.agentSignatureDocumentId(),
                    m.channel(),
                    m.signedAt());
            Records.upsert(tx, revoked, null, now, null);
            outbox.enqueue(tx, revoked, CoreMessages.get("summary.mandate.revoked"));
            return Outcome.ok(revoked);
        });
    }

    @Override
    public List<MandateDto> mandates(String residentId) {
        return store.db().read(tx -> mandates(tx, residentId));
    }

    private static List<MandateDto> mandates(Tx tx, String residentId) {
        return tx.query(
                "SELECT * FROM mandates WHERE resident_id = ? ORDER BY start_date DESC, signed_at DESC, id",
                Records::mandate,
                residentId);
    }

    @Override
    public List<MandateDto> activeCovering(String residentId, String domain, LocalDate date) {
        AccountInfo me = account.get();
        String agentId = me == null ? null : me.userId();
        return store.db().read(tx -> activeCovering(tx, residentId, agentId, domain, date, zone));
    }

    /**
     * The resident's mandates that cover an action of {@code agentId} in {@code domain} on {@code date}
     * ({@link MandateDto#coversActionOf}, the server's rule: the agent is one the mandate names), inside a
     * transaction: the visit's validation checks an action "on behalf" with it.
     */
    public static List<MandateDto> activeCovering(
            Tx tx, String residentId, String agentId, String domain, LocalDate date, ZoneId zone) {
        if (residentId == null || domain == null || date == null) {
            return List.of();
        }
        return mandates(tx, residentId).stream()
                .filter(m -> m.coversActionOf(agentId, domain, date, zone))
                .toList();
    }
}
