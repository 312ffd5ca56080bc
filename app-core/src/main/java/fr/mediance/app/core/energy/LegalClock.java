package fr.mediance.app.core.energy;

import fr.mediance.protocol.ChequeEnergieDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EnergyRecords;
import fr.mediance.protocol.SupplyStateDto;
import fr.mediance.rules.Deadlines;
import fr.mediance.rules.Energy;
import fr.mediance.rules.EnergyProcedure;
import fr.mediance.rules.LegalReference;
import fr.mediance.rules.RuleException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The legal clock of a household's unpaid energy bills, per contract: which protections apply on a day, and the dates
 * that follow. Every date and every protection comes from the {@code rules} module ({@link EnergyProcedure},
 * {@link Deadlines}, the {@link LegalReference}); this class only picks, for each contract, which rules apply and
 * with which of its records' dates. Plain Java, no text: the view model says it in the user's language.
 */
public final class LegalClock {
    /**
     * How far back an FSL aid or a chèque énergie attestation makes the household "aided" (domain brief §2.9: the
     * protection flags look at the last 12 months).
     */
    static final int AIDED_MONTHS = 12;

    private final LegalReference reference;
    private final EnergyProcedure procedure;
    private final Deadlines deadlines;

    public LegalClock(LegalReference reference) {
        this.reference = Objects.requireNonNull(reference);
        this.procedure = new EnergyProcedure(reference);
        this.deadlines = new Deadlines(reference);
    }

    /** A protection that applies today. */
    public enum ProtectionKind {
        /** In the trêve, the energy may not be cut; {@code date} is the trêve's last day. */
        TREVE_CUT_FORBIDDEN,
        /** In the trêve, but the energy (fioul, bois, GPL) is not covered: a cut remains possible. */
        TREVE_NOT_COVERED,
        /** Outside the trêve; {@code date} is the first day of the next one. */
        OUTSIDE_TREVE,
        /** In the trêve, the supplier may reduce the power to {@code kva}. */
        WINTER_REDUCTION_ALLOWED,
        /** In the trêve, the supplier may reduce the power; the subscribed power is not recorded. */
        WINTER_REDUCTION_KVA_UNKNOWN,
        /** In the trêve, no reduction: the chèque énergie attestation was sent. */
        WINTER_REDUCTION_FORBIDDEN,
        /** The chèque énergie attestation was sent on {@code date}: longer delays, protections. */
        CHEQUE_ATTESTATION_SENT,
        /** A chèque énergie of the year {@code number} is recorded without its attestation sent. */
        CHEQUE_ATTESTATION_MISSING,
        /** An FSL application filed on {@code date}: supply maintained until the decision. */
        FSL_FILED,
        /** An FSL aid received on {@code date}, within the last 12 months: the household is aided. */
        FSL_AID,
        /** A 1 kVA period (Linky) since {@code date}: 60 counted days before a cut. */
        LINKY_PERIOD
    }

    /** A protection with the date and number it speaks of (null when none). */
    public record Protection(ProtectionKind kind, LocalDate date, Integer number) {}

    /** A date that follows. */
    public enum StepKind {
        /** The bill is unpaid on this day (issue + 14 days, or the due date if later). */
        UNPAID_ON,
        /** The deadline to pay after the first reminder (15 days, 30 when aided). */
        PAYMENT_DEADLINE,
        /** The earliest reduction or cut after the second letter (20 days). */
        EARLIEST_REDUCTION_OR_CUT,
        /** That day falls in the trêve and the energy may not be cut then: the earliest cut is after it. */
        EARLIEST_CUT_AFTER_TREVE,
        /** The 60th counted day at 1 kVA. */
        LINKY_SIXTIETH_DAY,
        /** The earliest cut after the 1 kVA period. */
        LINKY_EARLIEST_CUT,
        /** From this day the Médiateur national de l'énergie may be seized (complaint + 2 months). */
        MNE_FROM,
        /** Until this day (complaint + 10 months). */
        MNE_UNTIL,
        /** Nothing consumed before this day may be billed (14 months before the last reading). */
        OLDEST_BILLABLE
    }

    /** A date that follows, and the debt it comes from (null for the contract's own dates). */
    public record Step(StepKind kind, LocalDate date, String debtId) {}

    /**
     * One contract with unpaid bills: whether the household counts as aided, the protections of today, the dates
     * in order, and the rules' refusal if a debt's dates could not be computed (null otherwise).
     */
    public record ContractClock(
            EnergyContractDto contract,
            List<DebtDto> debts,
            boolean aided,
            List<Protection> protections,
            List<Step> steps,
            String problem) {}

    /** Whether a debt is still unpaid (neither paid nor written off). */
    public static boolean unpaid(DebtDto d) {
        return !"paid".equals(d.status()) && !"forgiven".equals(d.status());
    }

    /** The clock of every contract that has an unpaid energy bill, in the order of the contracts. */
    public List<ContractClock> compute(List<EnergyContractDto> contracts, List<DebtDto> debts, LocalDate today) {
        List<ContractClock> out = new ArrayList<>();
        for (EnergyContractDto c : contracts) {
            List<DebtDto> mine = debts.stream()
                    .filter(d -> c.id().equals(d.contractId()))
                    .filter(LegalClock::unpaid)
                    .toList();
            if (!mine.isEmpty()) {
                out.add(forContract(c, mine, today));
            }
        }
        return out;
    }

    /** The clock of one contract and its unpaid bills on {@code today}. */
    public ContractClock forContract(EnergyContractDto c, List<DebtDto> debts, LocalDate today) {
        Energy energy = Energy.fromCode(c.energy());
        Optional<ChequeEnergieDto> attestation = latestAttestation(c, today);
        Optional<LocalDate> fslAid = debts.stream()
                .map(DebtDto::fslAidOn)
                .filter(Objects::nonNull)
                .filter(d -> within(d, today))
                .max(LocalDate::compareTo);
        boolean aided = attestation.isPresent() || fslAid.isPresent();
        List<Protection> protections = new ArrayList<>();

        EnergyProcedure.TreveStatus treve = procedure.treve(today, energy);
        if (treve.inTreve()) {
            protections.add(
                    treve.cutProtected()
                            ? new Protection(
                                    ProtectionKind.TREVE_CUT_FORBIDDEN,
                                    reference.dayAfterTreve(today).minusDays(1),
                                    null)
                            : new Protection(ProtectionKind.TREVE_NOT_COVERED, null, null));
            if (energy == Energy.ELECTRICITE) {
                if (c.subscribedKva() == null) {
                    protections.add(
                            attestation.isPresent()
                                    ? new Protection(ProtectionKind.WINTER_REDUCTION_FORBIDDEN, null, null)
                                    : new Protection(ProtectionKind.WINTER_REDUCTION_KVA_UNKNOWN, null, null));
                } else {
                    Optional<Integer> reduced = procedure.winterPowerReduction(
                            today, c.subscribedKva().intValue(), attestation.isPresent());
                    protections.add(reduced.map(k -> new Protection(ProtectionKind.WINTER_REDUCTION_ALLOWED, null, k))
                            .orElse(new Protection(ProtectionKind.WINTER_REDUCTION_FORBIDDEN, null, null)));
                }
            }
        } else {
            protections.add(new Protection(ProtectionKind.OUTSIDE_TREVE, nextTreveStart(today), null));
        }
        if (attestation.isPresent()) {
            protections.add(new Protection(
                    ProtectionKind.CHEQUE_ATTESTATION_SENT, attestation.get().attestationSentOn(), (int)
                            attestation.get().year()));
        } else {
            c.chequesEnergie().stream()
                    .filter(ch -> ch.attestationSentOn() == null)
                    .mapToLong(ChequeEnergieDto::year)
                    .max()
                    .ifPresent(y ->
                            protections.add(new Protection(ProtectionKind.CHEQUE_ATTESTATION_MISSING, null, (int) y)));
        }
        debts.stream()
                .map(DebtDto::fslFiledOn)
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .ifPresent(d -> protections.add(new Protection(ProtectionKind.FSL_FILED, d, null)));
        fslAid.ifPresent(d -> protections.add(new Protection(ProtectionKind.FSL_AID, d, null)));

        List<Step> steps = new ArrayList<>();
        String problem = null;
        for (DebtDto d : debts) {
            if (d.issueDate() == null) {
                continue;
            }
            try {
                EnergyProcedure.UnpaidTimeline t = procedure.unpaidTimeline(
                        d.issueDate(),
                        Optional.ofNullable(d.dueDate()),
                        aided,
                        Optional.ofNullable(d.firstReminderOn()),
                        Optional.ofNullable(d.secondLetterOn()));
                steps.add(new Step(StepKind.UNPAID_ON, t.unpaidOn(), d.id()));
                t.paymentDeadline().ifPresent(p -> steps.add(new Step(StepKind.PAYMENT_DEADLINE, p, d.id())));
                t.earliestReductionOrCut().ifPresent(e -> {
                    steps.add(new Step(StepKind.EARLIEST_REDUCTION_OR_CUT, e, d.id()));
                    if (procedure.treve(e, energy).cutProtected()) {
                        steps.add(new Step(StepKind.EARLIEST_CUT_AFTER_TREVE, reference.dayAfterTreve(e), d.id()));
                    }
                });
            } catch (RuleException e) {
                problem = e.getMessage();
            }
            if (d.complaintOn() != null) {
                Deadlines.MneWindow w = deadlines.mneWindow(d.complaintOn());
                steps.add(new Step(StepKind.MNE_FROM, w.saisineFrom(), d.id()));
                steps.add(new Step(StepKind.MNE_UNTIL, w.saisineUntil(), d.id()));
            }
        }
        linkyPeriod(c, aided).ifPresent(p -> {
            protections.add(new Protection(ProtectionKind.LINKY_PERIOD, p.start(), null));
            steps.add(new Step(StepKind.LINKY_SIXTIETH_DAY, p.end().sixtiethDay(), null));
            steps.add(new Step(StepKind.LINKY_EARLIEST_CUT, p.end().earliestCut(), null));
        });
        if (c.lastReadingDate() != null) {
            steps.add(new Step(StepKind.OLDEST_BILLABLE, deadlines.oldestBillable(c.lastReadingDate()), null));
        }
        steps.sort(java.util.Comparator.comparing(Step::date));
        return new ContractClock(c, debts, aided, List.copyOf(protections), List.copyOf(steps), problem);
    }

    private record LinkyPeriod(LocalDate start, EnergyProcedure.ReductionEnd end) {}

    /**
     * A 1 kVA period of an aided household's electricity contract with a Linky meter, from the current supply state
     * (limited to 1 kVA); none when it started in the trêve, which the rule refuses.
     */
    private Optional<LinkyPeriod> linkyPeriod(EnergyContractDto c, boolean aided) {
        if (!EnergyRecords.ELECTRICITE.equals(c.energy()) || !Boolean.TRUE.equals(c.smartMeter()) || !aided) {
            return Optional.empty();
        }
        Optional<SupplyStateDto> state = c.currentSupplyState()
                .filter(s -> EnergyRecords.SUPPLY_LIMITED.equals(s.state()))
                .filter(s -> s.kva() != null && s.kva() == 1L);
        if (state.isEmpty() || reference.inTreve(state.get().date())) {
            return Optional.empty();
        }
        return Optional.of(new LinkyPeriod(
                state.get().date(), procedure.linkyReductionEnd(state.get().date())));
    }

    /** The latest chèque énergie whose attestation was sent within the last 12 months (not after today). */
    private static Optional<ChequeEnergieDto> latestAttestation(EnergyContractDto c, LocalDate today) {
        return c.chequesEnergie().stream()
                .filter(ch -> ch.attestationSentOn() != null && within(ch.attestationSentOn(), today))
                .max(java.util.Comparator.comparing(ChequeEnergieDto::attestationSentOn));
    }

    private static boolean within(LocalDate day, LocalDate today) {
        return !day.isAfter(today) && !day.isBefore(today.minusMonths(AIDED_MONTHS));
    }

    /** The first day of the next trêve after {@code today} (which is outside one). */
    private LocalDate nextTreveStart(LocalDate today) {
        MonthDay start = reference.treveStart();
        LocalDate d = start.atYear(today.getYear());
        return d.isAfter(today) ? d : start.atYear(today.getYear() + 1);
    }
}
