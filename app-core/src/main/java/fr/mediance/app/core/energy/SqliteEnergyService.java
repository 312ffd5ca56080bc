package fr.mediance.app.core.energy;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.partner.SqlitePartnerService;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EnergyRecords;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.SupplyStateDto;
import fr.mediance.rules.EnergyProcedure;
import fr.mediance.rules.RuleException;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Energy contracts and debts in the encrypted local database, queued in the same transaction. */
public final class SqliteEnergyService implements EnergyService {
    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;

    public SqliteEnergyService(StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public List<EnergyContractDto> contracts(String residentId) {
        return store.db()
                .read(tx -> tx
                        .query(
                                "SELECT data FROM energy_contracts WHERE resident_id = ?",
                                Records::energyContract,
                                residentId)
                        .stream()
                        .sorted(Comparator.comparing(
                                        (EnergyContractDto c) -> EnergyRecords.ENERGIES.indexOf(c.energy()))
                                .thenComparing(EnergyContractDto::id))
                        .toList());
    }

    @Override
    public Optional<EnergyContractDto> contract(String contractId) {
        return store.db().read(tx -> loadContract(tx, contractId));
    }

    private static Optional<EnergyContractDto> loadContract(Tx tx, String id) {
        return id == null
                ? Optional.empty()
                : tx.queryOne("SELECT data FROM energy_contracts WHERE id = ?", Records::energyContract, id);
    }

    @Override
    public List<DebtDto> debts(String residentId) {
        return store.db()
                .read(tx -> tx.query("SELECT data FROM debts WHERE resident_id = ?", Records::debt, residentId).stream()
                        .sorted(Comparator.comparing(
                                        DebtDto::issueDate,
                                        Comparator.nullsLast(Comparator.<java.time.LocalDate>reverseOrder()))
                                .thenComparing(DebtDto::id))
                        .toList());
    }

    @Override
    public Optional<DebtDto> debt(String debtId) {
        return store.db().read(tx -> tx.queryOne("SELECT data FROM debts WHERE id = ?", Records::debt, debtId));
    }

    @Override
    public Outcome<EnergyContractDto> saveContract(EnergyContractDto draft) {
        if (!account.get().writesHouseholdRecords()) {
            return Outcome.failed(CoreMessages.get("household.readOnly"));
        }
        AccountInfo me = account.get();
        EnergyContractDto c = new EnergyContractDto(
                draft.id() == null ? UUID.randomUUID().toString() : draft.id(),
                me.structureId(),
                draft.residentId(),
                draft.energy(),
                blankToNull(draft.supplier()),
                blankToNull(draft.offer()),
                blankToNull(draft.deliveryPoint()),
                draft.subscribedKva(),
                draft.smartMeter(),
                blankToNull(draft.billingMode()),
                blankToNull(draft.customerNumber()),
                draft.lastReadingDate(),
                draft.chequesEnergie(),
                draft.supplyStates());
        return store.db().inTransaction(tx -> {
            Map<String, String> errors = contractErrors(tx, c);
            if (!errors.isEmpty()) {
                return Outcome.invalid(errors);
            }
            Optional<EnergyContractDto> before = loadContract(tx, c.id());
            if (before.isPresent()) {
                if (!before.get().energy().equals(c.energy())) {
                    return Outcome.invalid(Map.of("energy", CoreMessages.get("energy.contract.energy.fixed")));
                }
                if (before.get().equals(c)) {
                    return Outcome.ok(c);
                }
            }
            Records.upsert(tx, c, null, clock.instant(), null);
            outbox.enqueue(tx, c, CoreMessages.get("summary.energyContract"));
            return Outcome.ok(c);
        });
    }

    @Override
    public Outcome<EnergyContractDto> addSupplyState(String contractId, SupplyStateDto state) {
        Optional<EnergyContractDto> c = contract(contractId);
        if (c.isEmpty()) {
            return Outcome.failed(CoreMessages.get("energy.contract.notFound"));
        }
        SupplyStateDto withId = new SupplyStateDto(
                UUID.randomUUID().toString(),
                state.state(),
                state.kva(),
                state.date(),
                state.source(),
                state.visitReportId());
        Outcome<EnergyContractDto> saved = saveContract(c.get().withSupplyState(withId));
        if (saved instanceof Outcome.Invalid<EnergyContractDto> invalid) {
            // the new state is the last of the history: name its fields without the index
            String prefix = "supplyStates[" + c.get().supplyStates().size() + "].";
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.fieldErrors()
                    .forEach((k, v) -> errors.put(k.startsWith(prefix) ? k.substring(prefix.length()) : k, v));
            return Outcome.invalid(errors);
        }
        return saved;
    }

    @Override
    public Outcome<Void> deleteContract(String contractId) {
        if (!account.get().writesHouseholdRecords()) {
            return Outcome.failed(CoreMessages.get("household.readOnly"));
        }
        return store.db().inTransaction(tx -> {
            if (loadContract(tx, contractId).isEmpty()) {
                return Outcome.failed(CoreMessages.get("energy.contract.notFound"));
            }
            if (tx.exists("SELECT 1 FROM debts WHERE contract_id = ?", contractId)) {
                return Outcome.failed(CoreMessages.get("energy.contract.hasDebts"));
            }
            Records.delete(tx, EntityType.ENERGY_CONTRACT, contractId);
            outbox.enqueueDelete(
                    tx, EntityType.ENERGY_CONTRACT, contractId, CoreMessages.get("summary.energyContract"));
            return Outcome.ok(null);
        });
    }

    @Override
    public boolean mayWrite() {
        return account.get().writesHouseholdRecords();
    }

    @Override
    public Outcome<DebtDto> saveDebt(DebtDto draft) {
        if (!account.get().writesHouseholdRecords()) {
            return Outcome.failed(CoreMessages.get("household.readOnly"));
        }
        AccountInfo me = account.get();
        DebtDto d = draft.saved(
                draft.id() == null ? UUID.randomUUID().toString() : draft.id(),
                me.structureId(),
                draft.creditorCategory() == null ? DebtDto.ENERGY : draft.creditorCategory(),
                blankToNull(draft.creditor()));
        return store.db().inTransaction(tx -> {
            Map<String, String> errors = debtErrors(tx, d);
            if (!errors.isEmpty()) {
                return Outcome.invalid(errors);
            }
            if (tx.queryOne("SELECT data FROM debts WHERE id = ?", Records::debt, d.id())
                    .filter(d::equals)
                    .isPresent()) {
                return Outcome.ok(d);
            }
            Records.upsert(tx, d, null, clock.instant(), null);
            outbox.enqueue(tx, d, CoreMessages.get("summary.debt"));
            return Outcome.ok(d);
        });
    }

    @Override
    public Outcome<Void> deleteDebt(String debtId) {
        if (!account.get().writesHouseholdRecords()) {
            return Outcome.failed(CoreMessages.get("household.readOnly"));
        }
        return store.db().inTransaction(tx -> {
            if (!Records.exists(tx, EntityType.DEBT, debtId)) {
                return Outcome.failed(CoreMessages.get("energy.debt.notFound"));
            }
            if (tx
                    .query(
                            "SELECT data FROM payment_plans"
                                    + " WHERE resident_id = (SELECT resident_id FROM debts WHERE id = ?)",
                            Records::paymentPlan,
                            debtId)
                    .stream()
                    .anyMatch(p -> p.debtIds().contains(debtId))) {
                return Outcome.failed(CoreMessages.get("energy.debt.inPlan"));
            }
            Records.delete(tx, EntityType.DEBT, debtId);
            outbox.enqueueDelete(tx, EntityType.DEBT, debtId, CoreMessages.get("summary.debt"));
            return Outcome.ok(null);
        });
    }

    /** What the server would refuse in a contract, field by field, in French. */
    static Map<String, String> contractErrors(Tx tx, EnergyContractDto c) {
        Map<String, String> errors = problems(EnergyRecords.contractProblems(c));
        if (!Records.exists(tx, EntityType.RESIDENT, c.residentId())) {
            errors.putIfAbsent("residentId", CoreMessages.get("resident.notFound"));
        }
        partner(
                tx,
                errors,
                "supplier",
                c.supplier(),
                loadContract(tx, c.id()).map(EnergyContractDto::supplier).orElse(null));
        return errors;
    }

    /** What the server would refuse in a debt, field by field, in French. */
    Map<String, String> debtErrors(Tx tx, DebtDto d) {
        Map<String, String> errors = problems(EnergyRecords.debtProblems(d));
        code(tx, errors, "creditorCategory", ListNames.CREDITOR_CATEGORY, d.creditorCategory());
        partner(
                tx,
                errors,
                "creditor",
                d.creditor(),
                tx.queryOne("SELECT data FROM debts WHERE id = ?", Records::debt, d.id())
                        .map(DebtDto::creditor)
                        .orElse(null));
        if (d.contractId() != null && !errors.containsKey("contractId")) {
            Optional<EnergyContractDto> c = loadContract(tx, d.contractId());
            if (c.isEmpty() || !c.get().residentId().equals(d.residentId())) {
                errors.put("contractId", CoreMessages.get("energy.contract.notFound"));
            }
        }
        if (DebtDto.ENERGY.equals(d.creditorCategory())
                && d.issueDate() != null
                && errors.keySet().stream()
                        .noneMatch(k -> k.equals("issueDate") || k.endsWith("On") || k.equals("dueDate"))) {
            try {
                new EnergyProcedure(SqliteReferenceService.legal(tx))
                        .unpaidTimeline(
                                d.issueDate(),
                                Optional.ofNullable(d.dueDate()),
                                false,
                                Optional.ofNullable(d.firstReminderOn()),
                                Optional.ofNullable(d.secondLetterOn()));
            } catch (RuleException e) {
                errors.put(timelineField(e), e.getMessage());
            }
        }
        return errors;
    }

    /** The field a refusal of the unpaid timeline is about (the server names the same one). */
    static String timelineField(RuleException e) {
        return switch (e.key()) {
            case "unpaid.due.before.issue" -> "dueDate";
            case "unpaid.first.before.unpaid" -> "firstReminderOn";
            default -> "secondLetterOn";
        };
    }

    private static Map<String, String> problems(List<EnergyRecords.Problem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (EnergyRecords.Problem p : problems) {
            String key = "energy.problem." + p.code();
            errors.putIfAbsent(p.field(), CoreMessages.has(key) ? CoreMessages.get(key) : p.message());
        }
        return errors;
    }

    /** A creditor or supplier from the partner directory, checked as the server checks it. */
    private static void partner(Tx tx, Map<String, String> errors, String field, String partnerId, String before) {
        if (!errors.containsKey(field)) {
            SqlitePartnerService.partnerProblem(tx, partnerId, before).ifPresent(m -> errors.put(field, m));
        }
    }

    private static void code(Tx tx, Map<String, String> errors, String field, String list, String value) {
        if (value != null
                && !errors.containsKey(field)
                && !tx.exists("SELECT 1 FROM codes WHERE list = ? AND code = ?", list, value)) {
            errors.put(field, CoreMessages.get("energy.problem.unknown_code"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
