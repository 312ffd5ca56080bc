package fr.mediance.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The legal clock of an unpaid energy bill (domain brief §3.3, §4): the trêve, the reduction of power it still
 * allows, the delays of the letters (décret 2008-780) and the 1 kVA period that must come before a cut for
 * chèque énergie or FSL beneficiaries with a Linky meter (décret 2023-133).
 */
public final class EnergyProcedure {
    private final LegalReference reference;

    public EnergyProcedure(LegalReference reference) {
        this.reference = Objects.requireNonNull(reference);
    }

    /** Whether a day is in the trêve, and whether the energy may then not be cut. */
    public record TreveStatus(boolean inTreve, boolean cutProtected) {}

    public TreveStatus treve(LocalDate date, Energy energy) {
        boolean inTreve = reference.inTreve(date);
        return new TreveStatus(inTreve, inTreve && energy.cutForbiddenDuringTreve());
    }

    /**
     * Whether a supplier may reduce the power of an electricity contract on a day of the trêve, and to how much:
     * allowed except for a chèque énergie beneficiary who sent the attestation; 3 kVA for a contract of 6 kVA or
     * more, 2 kVA below.
     *
     * @return the reduced power in kVA, empty when the reduction is not allowed
     */
    public Optional<Integer> winterPowerReduction(LocalDate date, int subscribedKva, boolean chequeEnergieAttestation) {
        if (subscribedKva < 1) {
            throw new RuleException(RuleException.INVALID_INPUT, "kva.invalid");
        }
        if (!reference.inTreve(date)) {
            throw new RuleException(RuleException.OUT_OF_PERIOD, "winter.outside");
        }
        if (chequeEnergieAttestation) {
            return Optional.empty();
        }
        return Optional.of(
                subscribedKva >= reference.winterReductionThresholdKva()
                        ? reference.winterReducedKvaFromThreshold()
                        : reference.winterReducedKvaBelowThreshold());
    }

    /**
     * The dates of the unpaid procedure. {@code paymentDeadline} is empty without a first letter, {@code
     * earliestReductionOrCut} without a second one.
     */
    public record UnpaidTimeline(
            LocalDate unpaidOn, Optional<LocalDate> paymentDeadline, Optional<LocalDate> earliestReductionOrCut) {}

    /**
     * An invoice is unpaid 14 days after its issue, or on its due date if that is later; the first letter gives 15
     * more days to pay (30 for a household aided by the chèque énergie or the FSL); the second letter comes at
     * least 20 days before a reduction or a cut.
     *
     * @param dueDate the invoice's due date, if it has one
     * @param firstLetter the first reminder's date, if sent: not before the invoice is unpaid
     * @param secondLetter the second letter's date, if sent: not before the first
     */
    public UnpaidTimeline unpaidTimeline(
            LocalDate issueDate,
            Optional<LocalDate> dueDate,
            boolean aided,
            Optional<LocalDate> firstLetter,
            Optional<LocalDate> secondLetter) {
        if (dueDate.isPresent() && dueDate.get().isBefore(issueDate)) {
            throw new RuleException(RuleException.INCONSISTENT_DATES, "unpaid.due.before.issue");
        }
        LocalDate unpaidOn = issueDate.plusDays(reference.daysUntilUnpaid());
        if (dueDate.isPresent() && dueDate.get().isAfter(unpaidOn)) {
            unpaidOn = dueDate.get();
        }
        if (firstLetter.isPresent() && firstLetter.get().isBefore(unpaidOn)) {
            throw new RuleException(RuleException.INCONSISTENT_DATES, "unpaid.first.before.unpaid");
        }
        if (secondLetter.isPresent()) {
            if (firstLetter.isEmpty()) {
                throw new RuleException(RuleException.INCONSISTENT_DATES, "unpaid.second.without.first");
            }
            if (secondLetter.get().isBefore(firstLetter.get())) {
                throw new RuleException(RuleException.INCONSISTENT_DATES, "unpaid.second.before.first");
            }
        }
        int delay = aided ? reference.firstLetterDelayAidedDays() : reference.firstLetterDelayDays();
        return new UnpaidTimeline(
                unpaidOn,
                firstLetter.map(d -> d.plusDays(delay)),
                secondLetter.map(d -> d.plusDays(reference.noticeBeforeActionDays())));
    }

    /** The end of a 1 kVA period: its 60th counted day, and the first day a cut may follow. */
    public record ReductionEnd(LocalDate sixtiethDay, LocalDate earliestCut) {}

    /**
     * The days at 1 kVA are counted from the first (day 1); the days of the trêve are not counted (the count pauses
     * on 1 November and resumes on 1 April). A cut may come the day after the 60th counted day, or, when that day
     * falls in the trêve (a 60th day on 31 October), on the first day after it: the trêve forbids cutting off
     * electricity.
     *
     * @param reductionStart the first day at 1 kVA; a period cannot start in the trêve
     */
    public ReductionEnd linkyReductionEnd(LocalDate reductionStart) {
        if (reference.inTreve(reductionStart)) {
            throw new RuleException(RuleException.OUT_OF_PERIOD, "linky.start.in.treve");
        }
        LocalDate day = reductionStart;
        int counted = 0;
        while (true) {
            if (reference.inTreve(day)) {
                day = reference.dayAfterTreve(day);
                continue;
            }
            counted++;
            if (counted == reference.linkyReductionDays()) {
                break;
            }
            day = day.plusDays(1);
        }
        LocalDate cut = day.plusDays(1);
        if (reference.inTreve(cut)) {
            cut = reference.dayAfterTreve(cut);
        }
        return new ReductionEnd(day, cut);
    }
}
