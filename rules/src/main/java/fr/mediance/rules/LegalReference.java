package fr.mediance.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The legal values the rules compute with: the trêve, the delays of the unpaid-energy procedure, the powers of a
 * winter reduction, the chèque énergie barèmes by campaign. They are reference data (domain brief §4): the office
 * edits them when the law changes and they reach the tablets by sync; {@link #standard()} holds the values in force
 * (décret 2008-780 as amended, décret 2023-133, CASF L115-3, Code de la consommation L224-11, CSS R133-9-2), and
 * {@link LegalValues} reads the office's edited values into one.
 */
public record LegalReference(
        MonthDay treveStart,
        MonthDay treveEnd,
        int daysUntilUnpaid,
        int firstLetterDelayDays,
        int firstLetterDelayAidedDays,
        int noticeBeforeActionDays,
        int linkyReductionDays,
        int winterReducedKvaFromThreshold,
        int winterReducedKvaBelowThreshold,
        int winterReductionThresholdKva,
        int mneWaitMonths,
        int mneWindowMonths,
        int cafRectificationDays,
        int cafCraMonths,
        int billingCatchUpMonths,
        int caseFileRetentionYears,
        int mandateRetentionYears,
        Map<Integer, ChequeEnergieScale> chequeEnergieScales,
        Map<Integer, BigDecimal> rsaOnePerson) {

    public LegalReference {
        Objects.requireNonNull(treveStart);
        Objects.requireNonNull(treveEnd);
        chequeEnergieScales = Map.copyOf(chequeEnergieScales);
        rsaOnePerson = Map.copyOf(rsaOnePerson);
    }

    private static final LegalReference STANDARD = new LegalReference(
            MonthDay.of(11, 1),
            MonthDay.of(3, 31),
            14,
            15,
            30,
            20,
            60,
            3,
            2,
            6,
            2,
            10,
            20,
            2,
            14,
            2,
            6,
            Map.of(2023, ChequeEnergieScale.CAMPAIGN_2023),
            // RSA for one person from 1 April 2025 (+1.7 %), domain brief §4.
            Map.of(2025, new BigDecimal("646.52")));

    /** The values in force (domain brief §3.3, §3.6, §4, §8). */
    public static LegalReference standard() {
        return STANDARD;
    }

    /**
     * Whether a day is inside the trêve hivernale (1 November – 31 March, both days included, by default). A trêve
     * spans the turn of the year: its start is after its end in the calendar.
     */
    public boolean inTreve(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        if (treveStart.isAfter(treveEnd)) {
            return !day.isBefore(treveStart) || !day.isAfter(treveEnd);
        }
        return !day.isBefore(treveStart) && !day.isAfter(treveEnd);
    }

    /** The RSA for one person in force on a day, and the year of that amount (revalued every 1 April). */
    public record RsaAmount(int year, BigDecimal onePerson) {}

    /**
     * The RSA for one person in force on {@code day}: the amount of the last 1 April on or before it, or, when the
     * reference has none for that year yet, the latest earlier one (its year says so). Empty without any.
     */
    public Optional<RsaAmount> rsaOn(LocalDate day) {
        int year = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return rsaOnePerson.keySet().stream()
                .filter(y -> y <= year)
                .max(Integer::compare)
                .map(y -> new RsaAmount(y, rsaOnePerson.get(y)));
    }

    /** The first day after the trêve that contains {@code date} (1 April by default). */
    public LocalDate dayAfterTreve(LocalDate date) {
        LocalDate end = treveEnd.atYear(date.getYear());
        if (end.isBefore(date)) {
            end = treveEnd.atYear(date.getYear() + 1);
        }
        return end.plusDays(1);
    }
}
