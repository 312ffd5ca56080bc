package fr.mediance.app.core.debt;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.partner.SqlitePartnerService;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AidApplications;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.InstalmentDto;
import fr.mediance.protocol.PaymentPlanDto;
import fr.mediance.protocol.PaymentPlans;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Payment plans in the device's encrypted store; each save and its outbox entry in one transaction. */
public final class SqlitePaymentPlanService implements PaymentPlanService {
    private static final List<String> RUNNING =
            List.of(PaymentPlans.PROPOSED, PaymentPlans.ACCEPTED, PaymentPlans.ACTIVE);

    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;

    public SqlitePaymentPlanService(StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public List<PaymentPlanDto> plans(String residentId) {
        return store.db().read(tx -> plansOf(tx, residentId));
    }

    private static List<PaymentPlanDto> plansOf(Tx tx, String residentId) {
        return tx
                .query("SELECT data FROM payment_plans WHERE resident_id = ?", Records::paymentPlan, residentId)
                .stream()
                .sorted(Comparator.comparing((PaymentPlanDto p) -> RUNNING.contains(p.status()) ? 0 : 1)
                        .thenComparing(
                                p -> p.instalments().isEmpty()
                                        ? LocalDate.MAX
                                        : p.instalments().get(0).dueDate(),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(PaymentPlanDto::id))
                .toList();
    }

    @Override
    public Optional<PaymentPlanDto> plan(String planId) {
        return store.db()
                .read(tx -> tx.queryOne("SELECT data FROM payment_plans WHERE id = ?", Records::paymentPlan, planId));
    }

    @Override
    public Map<String, Long> balances(String residentId) {
        return store.db().read(tx -> {
            List<fr.mediance.rules.PaymentPlans.Debt> debts = new ArrayList<>();
            for (DebtDto d : tx.query("SELECT data FROM debts WHERE resident_id = ?", Records::debt, residentId)) {
                LocalDate date =
                        d.issueDate() != null ? d.issueDate() : d.dueDate() != null ? d.dueDate() : LocalDate.MAX;
                debts.add(new fr.mediance.rules.PaymentPlans.Debt(d.id(), date, Math.max(0, d.totalCents())));
            }
            List<fr.mediance.rules.PaymentPlans.Payment> payments = new ArrayList<>();
            for (PaymentPlanDto p : plansOf(tx, residentId)) {
                for (InstalmentDto i : p.instalments()) {
                    if (i.paidCents() > 0) {
                        payments.add(new fr.mediance.rules.PaymentPlans.Payment(i.paidCents(), p.debtIds()));
                    }
                }
            }
            for (AidApplicationDto a : tx.query(
                    "SELECT data FROM aid_applications WHERE resident_id = ?", Records::aidApplication, residentId)) {
                if (AidApplications.paysItsDebts(a)) {
                    payments.add(new fr.mediance.rules.PaymentPlans.Payment(a.grantedCents(), a.debtIds()));
                }
            }
            return fr.mediance.rules.PaymentPlans.balances(debts, payments).balances();
        });
    }

    @Override
    public Outcome<PaymentPlanDto> save(PaymentPlanDto draft) {
        AccountInfo me = account.get();
        PaymentPlanDto p = new PaymentPlanDto(
                draft.id() == null ? UUID.randomUUID().toString() : draft.id(),
                me.structureId(),
                draft.residentId(),
                blankToNull(draft.creditor()),
                draft.debtIds(),
                draft.agreedOn(),
                draft.totalCents(),
                draft.everyMonths(),
                draft.status(),
                draft.instalments(),
                blankToNull(draft.confirmationDocumentId()),
                blankToNull(draft.note()));
        return store.db().inTransaction(tx -> {
            Map<String, String> errors = errors(tx, p);
            if (!errors.isEmpty()) {
                return Outcome.invalid(errors);
            }
            if (tx.queryOne("SELECT data FROM payment_plans WHERE id = ?", Records::paymentPlan, p.id())
                    .filter(p::equals)
                    .isPresent()) {
                return Outcome.ok(p);
            }
            Records.upsert(tx, p, null, clock.instant(), null);
            outbox.enqueue(tx, p, CoreMessages.get("summary.paymentPlan"));
            return Outcome.ok(p);
        });
    }

    /** What the server would refuse in a plan, field by field, in French. */
    static Map<String, String> errors(Tx tx, PaymentPlanDto p) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (PaymentPlans.Problem problem : PaymentPlans.problems(p)) {
            String key = "plan.problem." + problem.code();
            errors.putIfAbsent(problem.field(), CoreMessages.has(key) ? CoreMessages.get(key) : problem.message());
        }
        if (!Records.exists(tx, EntityType.RESIDENT, p.residentId())) {
            errors.putIfAbsent("residentId", CoreMessages.get("resident.notFound"));
        }
        if (!errors.containsKey("creditor")) {
            SqlitePartnerService.partnerProblem(
                            tx,
                            p.creditor(),
                            tx.queryOne("SELECT data FROM payment_plans WHERE id = ?", Records::paymentPlan, p.id())
                                    .map(PaymentPlanDto::creditor)
                                    .orElse(null))
                    .ifPresent(m -> errors.put("creditor", m));
        }
        for (int i = 0; i < p.debtIds().size(); i++) {
            String field = "debtIds[" + i + "]";
            if (errors.containsKey(field) || errors.containsKey("debtIds")) {
                continue;
            }
            Optional<DebtDto> d = tx.queryOne(
                    "SELECT data FROM debts WHERE id = ?",
                    Records::debt,
                    p.debtIds().get(i));
            if (d.isEmpty()) {
                errors.put("debtIds", CoreMessages.get("plan.debt.notFound"));
            } else if (!d.get().residentId().equals(p.residentId())) {
                errors.put("debtIds", CoreMessages.get("plan.debt.otherResident"));
            }
        }
        if (p.confirmationDocumentId() != null
                && !errors.containsKey("confirmationDocumentId")
                && !tx.exists(
                        "SELECT 1 FROM documents WHERE id = ? AND resident_id = ?",
                        p.confirmationDocumentId(),
                        p.residentId())) {
            errors.put("confirmationDocumentId", CoreMessages.get("plan.confirmation.notFound"));
        }
        return errors;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
