package fr.mediance.app.core.aid;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AidApplications;
import fr.mediance.protocol.AidApplications.FslRule;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.ListNames;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Aid applications in the device's encrypted store; each save and its outbox entry in one transaction. */
public final class SqliteAidService implements AidService {
    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;

    public SqliteAidService(StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock, ZoneId zone) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public List<AidApplicationDto> applications(String residentId) {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT data FROM aid_applications WHERE resident_id = ? ORDER BY opened_on DESC, updated_at DESC",
                        Records::aidApplication,
                        residentId));
    }

    @Override
    public AidApplicationDto start(String residentId, String kind, String departement) {
        AccountInfo me = account.get();
        List<String> documents = store.db()
                .read(tx -> tx.query(
                        "SELECT value FROM codes WHERE list = ? AND parent = ? AND active = 1 AND value IS NOT NULL"
                                + " ORDER BY sort_order, code",
                        r -> r.string("value"),
                        ListNames.AID_CHECKLIST,
                        kind));
        return new AidApplicationDto(
                UUID.randomUUID().toString(),
                me.structureId(),
                residentId,
                me.userId(),
                kind,
                departement,
                null,
                List.of(),
                new ArrayList<>(new java.util.LinkedHashSet<>(documents)),
                null,
                null,
                null,
                "preparing",
                LocalDate.now(clock.withZone(zone)),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Override
    public Outcome<AidApplicationDto> save(AidApplicationDto application) {
        if (!account.get().writesHouseholdRecords()) {
            return Outcome.failed(CoreMessages.get("household.readOnly"));
        }
        Optional<FieldErrorDto> problem = AidApplications.problem(application);
        if (problem.isPresent()) {
            return Outcome.invalid(Map.of(problem.get().field(), problem.get().message()));
        }
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            if (!Records.exists(tx, EntityType.RESIDENT, application.residentId())) {
                return Outcome.failed(CoreMessages.get("resident.notFound"));
            }
            if (!tx.exists("SELECT 1 FROM codes WHERE list = ? AND code = ?", ListNames.AID_KIND, application.kind())) {
                return Outcome.invalid(Map.of("kind", CoreMessages.get("aid.kind.unknown")));
            }
            Optional<AidApplicationDto> before = tx.queryOne(
                    "SELECT data FROM aid_applications WHERE id = ?", Records::aidApplication, application.id());
            Instant now = clock.instant();
            AidApplicationDto saved = new AidApplicationDto(
                    application.id(),
                    me.structureId(),
                    application.residentId(),
                    before.map(AidApplicationDto::authorId).orElse(me.userId()),
                    application.kind(),
                    application.departement(),
                    application.instructingBody(),
                    application.debtIds(),
                    application.checklist(),
                    application.requestedCents(),
                    application.grantedCents(),
                    application.paidTo(),
                    application.status(),
                    application.openedOn(),
                    application.submittedOn(),
                    application.missingDocumentsDueOn(),
                    application.decidedOn(),
                    application.refusalReason(),
                    application.note(),
                    now);
            if (before.isPresent() && sameContent(before.get(), saved)) {
                return Outcome.ok(before.get());
            }
            Records.upsert(tx, saved, null, now, null);
            outbox.enqueue(tx, saved, CoreMessages.get("summary.aid"));
            return Outcome.ok(saved);
        });
    }

    private static boolean sameContent(AidApplicationDto a, AidApplicationDto b) {
        AidApplicationDto aa = withoutTime(a);
        return aa.equals(withoutTime(b));
    }

    private static AidApplicationDto withoutTime(AidApplicationDto a) {
        return new AidApplicationDto(
                a.id(),
                a.structureId(),
                a.residentId(),
                a.authorId(),
                a.kind(),
                a.departement(),
                a.instructingBody(),
                a.debtIds(),
                a.checklist(),
                a.requestedCents(),
                a.grantedCents(),
                a.paidTo(),
                a.status(),
                a.openedOn(),
                a.submittedOn(),
                a.missingDocumentsDueOn(),
                a.decidedOn(),
                a.refusalReason(),
                a.note(),
                null);
    }

    @Override
    public List<ChecklistItem> checklist(AidApplicationDto application) {
        return store.db().read(tx -> {
            Set<String> held = new HashSet<>(tx.query(
                    "SELECT DISTINCT type FROM documents WHERE type IS NOT NULL AND (resident_id = ?"
                            + " OR visit_report_id IN (SELECT id FROM visit_reports WHERE resident_id = ?))",
                    r -> r.string("type"),
                    application.residentId(),
                    application.residentId()));
            List<ChecklistItem> items = new ArrayList<>();
            for (String type : application.checklist()) {
                String label = tx.queryOne(
                                "SELECT label FROM codes WHERE list = ? AND code = ?",
                                r -> r.string("label"),
                                ListNames.DOCUMENT_TYPE,
                                type)
                        .orElse(type);
                items.add(new ChecklistItem(type, label, held.contains(type)));
            }
            return items;
        });
    }

    @Override
    public Optional<FslRule> fslRule(String departement) {
        if (departement == null) {
            return Optional.empty();
        }
        return store.db()
                .read(tx -> tx.queryOne(
                        "SELECT value FROM codes WHERE list = ? AND code = ? AND active = 1",
                        r -> r.string("value"),
                        ListNames.FSL_RULE,
                        departement))
                .flatMap(value -> {
                    try {
                        return Optional.of(AidApplications.fslRule(value));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
    }

    @Override
    public Optional<String> domainOf(String kind) {
        return store.db()
                .read(tx -> tx.queryOne(
                        "SELECT parent FROM codes WHERE list = ? AND code = ?",
                        r -> r.string("parent"),
                        ListNames.AID_KIND,
                        kind));
    }
}
