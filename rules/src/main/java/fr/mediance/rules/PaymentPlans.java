package fr.mediance.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Payment plans of a household's debts (échéanciers, plans d'apurement; domain brief §2.9): the instalments of a
 * plan, those that are late, the status a plan's payments suggest, and what remains of each debt when a payment
 * covers several (imputed to the oldest debt first, article 1342-10 of the Code civil).
 *
 * <p>Amounts are whole euro cents. Month arithmetic is counted from the first due date each time (the k-th instalment
 * is {@code firstDue + k × everyMonths} months, clamped to the month's last day), so that a plan starting on
 * 31 January falls on 28/29 February, then 31 March, never drifting to the 28th.
 */
public final class PaymentPlans {
    /** Most instalments in a plan (ten years of monthly payments). */
    public static final int MAX_INSTALMENTS = 120;
    /**
     * Days after its due date an unpaid instalment breaks an accepted or active plan. No text fixes it: creditors
     * commonly end a plan after a month without payment (one missed monthly instalment), so 30 days.
     */
    public static final int BROKEN_AFTER_DAYS = 30;

    public static final String PROPOSED = "proposed";
    public static final String ACCEPTED = "accepted";
    public static final String ACTIVE = "active";
    public static final String BROKEN = "broken";
    public static final String COMPLETED = "completed";

    private PaymentPlans() {}

    /** An instalment: due on a day, an amount, and what was paid and when (0 and null while unpaid). */
    public record Instalment(LocalDate dueDate, long amountCents, LocalDate paidOn, long paidCents) {
        public Instalment {
            Objects.requireNonNull(dueDate);
        }

        /** Not paid yet. */
        public static Instalment due(LocalDate dueDate, long amountCents) {
            return new Instalment(dueDate, amountCents, null, 0);
        }

        public boolean fullyPaid() {
            return paidCents >= amountCents;
        }

        /** What remains to pay on it, never below 0. */
        public long remainingCents() {
            return Math.max(0, amountCents - paidCents);
        }
    }

    /** A debt as its imputation needs it: its id, its date (the oldest unpaid invoice) and its amount. */
    public record Debt(String id, LocalDate date, long amountCents) {
        public Debt {
            Objects.requireNonNull(id);
            Objects.requireNonNull(date);
        }
    }

    /** A payment made towards one or more debts. */
    public record Payment(long amountCents, List<String> debtIds) {
        public Payment {
            debtIds = List.copyOf(debtIds);
        }
    }

    /**
     * Each debt's remaining balance (in the order of imputation: oldest first) and the part of the payments that
     * found no balance left to pay (an overpayment).
     */
    public record Balances(Map<String, Long> balances, long unimputedCents) {
        public Balances {
            balances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(balances));
        }
    }

    /**
     * {@code count} instalments of a plan of {@code totalCents}, the first due on {@code firstDue} and then every
     * {@code everyMonths} months; equal amounts, the remainder cents on the first instalments, so that the sum is
     * exactly the total.
     */
    public static List<Instalment> schedule(long totalCents, int count, LocalDate firstDue, int everyMonths) {
        Objects.requireNonNull(firstDue);
        if (totalCents <= 0) {
            throw new RuleException(RuleException.INVALID_INPUT, "plan.total");
        }
        if (count < 1 || count > MAX_INSTALMENTS) {
            throw new RuleException(RuleException.INVALID_INPUT, "plan.count", MAX_INSTALMENTS);
        }
        if (everyMonths < 1) {
            throw new RuleException(RuleException.INVALID_INPUT, "plan.every");
        }
        if (totalCents < count) {
            throw new RuleException(RuleException.INVALID_INPUT, "plan.total.small", count);
        }
        long base = totalCents / count;
        long remainder = totalCents % count;
        List<Instalment> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long amount = base + (k < remainder ? 1 : 0);
            out.add(Instalment.due(firstDue.plusMonths((long) k * everyMonths), amount));
        }
        return List.copyOf(out);
    }

    /** The instalments due before {@code today} and not fully paid, in their order. */
    public static List<Instalment> late(List<Instalment> instalments, LocalDate today) {
        return instalments.stream()
                .filter(i -> i.dueDate().isBefore(today) && !i.fullyPaid())
                .toList();
    }

    /**
     * The status the payments suggest for an accepted, active or broken plan: completed when every instalment is
     * fully paid, broken when one is unpaid more than {@link #BROKEN_AFTER_DAYS} days after its due date, else the
     * given status. A proposed plan (nothing is owed under it yet) and a completed one keep their status.
     */
    public static String suggestedStatus(List<Instalment> instalments, LocalDate today, String status) {
        if (PROPOSED.equals(status) || COMPLETED.equals(status) || instalments.isEmpty()) {
            return status;
        }
        if (instalments.stream().allMatch(Instalment::fullyPaid)) {
            return COMPLETED;
        }
        LocalDate breaksBefore = today.minusDays(BROKEN_AFTER_DAYS);
        boolean broken =
                instalments.stream().anyMatch(i -> !i.fullyPaid() && i.dueDate().isBefore(breaksBefore));
        return broken ? BROKEN : status;
    }

    /**
     * What remains of each debt once the payments are imputed: each payment to the oldest of the debts it covers
     * (by date, then id) until that one is paid, then the next (article 1342-10 of the Code civil, for debts equally
     * due when the debtor did not say which). A payment that covers no listed debt, or the part of it left when its
     * debts are paid, is unimputed. The balances sum to the amounts less the imputed payments, none below 0.
     */
    public static Balances balances(List<Debt> debts, List<Payment> payments) {
        Set<String> ids = new HashSet<>();
        for (Debt d : debts) {
            if (d.amountCents() < 0) {
                throw new RuleException(RuleException.INVALID_INPUT, "plan.debt.negative", d.id());
            }
            if (!ids.add(d.id())) {
                throw new RuleException(RuleException.INVALID_INPUT, "plan.debt.duplicate", d.id());
            }
        }
        List<Debt> oldestFirst = debts.stream()
                .sorted(Comparator.comparing(Debt::date).thenComparing(Debt::id))
                .toList();
        Map<String, Long> remaining = new HashMap<>();
        for (Debt d : oldestFirst) {
            remaining.put(d.id(), d.amountCents());
        }
        long unimputed = 0;
        for (Payment p : payments) {
            if (p.amountCents() < 0) {
                throw new RuleException(RuleException.INVALID_INPUT, "plan.payment.negative");
            }
            long left = p.amountCents();
            for (Debt d : oldestFirst) {
                if (left == 0) {
                    break;
                }
                if (!p.debtIds().contains(d.id())) {
                    continue;
                }
                long balance = remaining.get(d.id());
                long paid = Math.min(balance, left);
                remaining.put(d.id(), balance - paid);
                left -= paid;
            }
            unimputed += left;
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (Debt d : oldestFirst) {
            ordered.put(d.id(), remaining.get(d.id()));
        }
        return new Balances(ordered, unimputed);
    }
}
