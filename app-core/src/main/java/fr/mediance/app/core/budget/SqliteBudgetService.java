package fr.mediance.app.core.budget;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.Budgets;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.FieldErrorDto;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Budget sheets in the device's encrypted store; each save and its outbox entry in one transaction. */
public final class SqliteBudgetService implements BudgetService {
    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;

    public SqliteBudgetService(
            StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock, ZoneId zone) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public List<BudgetDto> snapshots(String residentId) {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT data FROM budgets WHERE resident_id = ? ORDER BY snapshot_date DESC, updated_at DESC",
                        Records::budget,
                        residentId));
    }

    @Override
    public BudgetDto startSnapshot(String residentId) {
        AccountInfo me = account.get();
        Optional<BudgetDto> latest = snapshots(residentId).stream().findFirst();
        return new BudgetDto(
                UUID.randomUUID().toString(),
                me.structureId(),
                residentId,
                me.userId(),
                LocalDate.now(clock.withZone(zone)),
                latest.map(BudgetDto::householdPersons).orElse(1),
                latest.map(BudgetDto::householdAdults).orElse(1),
                latest.map(BudgetDto::lines).orElse(List.of()),
                null,
                null);
    }

    @Override
    public Outcome<BudgetDto> save(BudgetDto budget) {
        if (!account.get().writesHouseholdRecords()) {
            return Outcome.failed(CoreMessages.get("household.readOnly"));
        }
        Optional<FieldErrorDto> problem = Budgets.problem(budget);
        if (problem.isPresent()) {
            return Outcome.invalid(Map.of(problem.get().field(), problem.get().message()));
        }
        AccountInfo me = account.get();
        return store.db().inTransaction(tx -> {
            if (!Records.exists(tx, EntityType.RESIDENT, budget.residentId())) {
                return Outcome.failed(CoreMessages.get("resident.notFound"));
            }
            Optional<BudgetDto> before =
                    tx.queryOne("SELECT data FROM budgets WHERE id = ?", Records::budget, budget.id());
            if (before.isPresent() && !me.userId().equals(before.get().authorId())) {
                return Outcome.failed(CoreMessages.get("budget.notYours"));
            }
            Instant now = clock.instant();
            BudgetDto saved = new BudgetDto(
                    budget.id(),
                    me.structureId(),
                    budget.residentId(),
                    me.userId(),
                    budget.snapshotDate(),
                    budget.householdPersons(),
                    budget.householdAdults(),
                    budget.lines(),
                    budget.note() == null || budget.note().isBlank()
                            ? null
                            : budget.note().strip(),
                    now);
            if (before.isPresent() && sameContent(before.get(), saved)) {
                return Outcome.ok(before.get());
            }
            Records.upsert(tx, saved, null, now, null);
            outbox.enqueue(tx, saved, CoreMessages.get("summary.budget"));
            return Outcome.ok(saved);
        });
    }

    @Override
    public boolean isMine(BudgetDto budget) {
        return budget.authorId() == null || account.get().userId().equals(budget.authorId());
    }

    private static boolean sameContent(BudgetDto a, BudgetDto b) {
        return a.snapshotDate().equals(b.snapshotDate())
                && a.householdPersons() == b.householdPersons()
                && a.householdAdults() == b.householdAdults()
                && a.lines().equals(b.lines())
                && java.util.Objects.equals(a.note(), b.note());
    }
}
