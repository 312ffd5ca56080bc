package fr.mediance.rules;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legal values as editable reference data: each is one entry (key, value) of the office's list, written as
 * text, checked by {@link #problem} on the tablet and at the office alike, and read back into a {@link
 * LegalReference} by {@link #apply}. Values the year decides are keyed by their year: {@code
 * cheque_energie_2023} (the barème, {@code 5700:194/240/277;6800:…}), {@code rsa_2025} (the RSA for one person
 * from 1 April 2025, {@code 646.52}).
 */
public final class LegalValues {
    private LegalValues() {}

    public static final String TREVE_START = "treve_start";
    public static final String TREVE_END = "treve_end";
    public static final String CHEQUE_ENERGIE = "cheque_energie_";
    public static final String RSA = "rsa_";

    private static final Pattern YEARLY = Pattern.compile("(cheque_energie|rsa)_(\\d{4})");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,4}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,6}(\\.\\d{1,2})?");
    private static final Pattern BRACKET = Pattern.compile("(\\d{1,6}):(\\d{1,4})/(\\d{1,4})/(\\d{1,4})");

    /** The whole-number values: key → what it is in the reference. */
    private static final List<String> NUMBERS = List.of(
            "unpaid_days",
            "first_letter_days",
            "first_letter_aided_days",
            "notice_days",
            "linky_days",
            "winter_kva_from_threshold",
            "winter_kva_below_threshold",
            "winter_kva_threshold",
            "mne_wait_months",
            "mne_window_months",
            "caf_rectification_days",
            "caf_cra_months",
            "billing_catchup_months",
            "retention_case_file_years",
            "retention_mandate_years");

    /** The values in force, as the office's list starts with them: key → value. */
    public static Map<String, String> defaults() {
        LegalReference s = LegalReference.standard();
        Map<String, String> v = new LinkedHashMap<>();
        v.put(TREVE_START, monthDay(s.treveStart()));
        v.put(TREVE_END, monthDay(s.treveEnd()));
        int[] numbers = {
            s.daysUntilUnpaid(),
            s.firstLetterDelayDays(),
            s.firstLetterDelayAidedDays(),
            s.noticeBeforeActionDays(),
            s.linkyReductionDays(),
            s.winterReducedKvaFromThreshold(),
            s.winterReducedKvaBelowThreshold(),
            s.winterReductionThresholdKva(),
            s.mneWaitMonths(),
            s.mneWindowMonths(),
            s.cafRectificationDays(),
            s.cafCraMonths(),
            s.billingCatchUpMonths(),
            s.caseFileRetentionYears(),
            s.mandateRetentionYears()
        };
        for (int i = 0; i < NUMBERS.size(); i++) {
            v.put(NUMBERS.get(i), Integer.toString(numbers[i]));
        }
        s.chequeEnergieScales().forEach((year, scale) -> v.put(CHEQUE_ENERGIE + year, scaleText(scale)));
        s.rsaOnePerson().forEach((year, amount) -> v.put(RSA + year, amount.toPlainString()));
        return v;
    }

    /** What the value is, in French, for the office's list (« Début de la trêve hivernale (MM-JJ) »). */
    public static String label(String key) {
        Matcher m = YEARLY.matcher(key);
        if (m.matches()) {
            return new RuleException(RuleException.INVALID_INPUT, "label." + m.group(1), m.group(2)).getMessage();
        }
        return new RuleException(RuleException.INVALID_INPUT, "label." + key).getMessage();
    }

    /** Whether {@code key} names a legal value (a fixed one, or a yearly one such as {@code rsa_2026}). */
    public static boolean known(String key) {
        return key != null
                && (key.equals(TREVE_START)
                        || key.equals(TREVE_END)
                        || NUMBERS.contains(key)
                        || YEARLY.matcher(key).matches());
    }

    /** What is wrong with {@code value} for {@code key}, in French; empty when it may be stored. */
    public static Optional<String> problem(String key, String value) {
        try {
            parse(key, value, new Builder(LegalReference.standard()));
            return Optional.empty();
        } catch (RuleException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The reference with the given values over {@code base} (values that are not valid are left out). */
    public static LegalReference apply(LegalReference base, Map<String, String> values) {
        Builder b = new Builder(base);
        values.forEach((key, value) -> {
            try {
                parse(key, value, b);
            } catch (RuleException e) {
                // checked when stored; an entry of a newer version of the list is ignored here
            }
        });
        return b.build();
    }

    private static void parse(String key, String value, Builder b) {
        if (!known(key)) {
            throw new RuleException(RuleException.UNKNOWN_CODE, "legal.key.unknown", String.valueOf(key));
        }
        String v = value == null ? "" : value.strip();
        if (key.equals(TREVE_START) || key.equals(TREVE_END)) {
            if (!MONTH_DAY.matcher(v).matches()) {
                throw new RuleException(RuleException.INVALID_INPUT, "legal.monthday");
            }
            try {
                MonthDay day = MonthDay.of(Integer.parseInt(v.substring(0, 2)), Integer.parseInt(v.substring(3)));
                b.monthDays.put(key, day);
            } catch (DateTimeException e) {
                throw new RuleException(RuleException.INVALID_INPUT, "legal.monthday");
            }
            return;
        }
        if (NUMBERS.contains(key)) {
            if (!WHOLE.matcher(v).matches() || Integer.parseInt(v) < 1) {
                throw new RuleException(RuleException.INVALID_INPUT, "legal.whole");
            }
            b.numbers.put(key, Integer.parseInt(v));
            return;
        }
        Matcher m = YEARLY.matcher(key);
        m.matches();
        int year = Integer.parseInt(m.group(2));
        if (m.group(1).equals("rsa")) {
            if (!AMOUNT.matcher(v).matches() || new BigDecimal(v).signum() <= 0) {
                throw new RuleException(RuleException.INVALID_INPUT, "legal.amount");
            }
            b.rsa.put(year, new BigDecimal(v));
            return;
        }
        b.cheques.put(year, parseScale(v));
    }

    private static ChequeEnergieScale parseScale(String v) {
        List<BigDecimal> ceilings = new ArrayList<>();
        List<List<Integer>> amounts = new ArrayList<>();
        for (String part : v.split(";")) {
            Matcher m = BRACKET.matcher(part);
            if (!m.matches()) {
                throw new RuleException(RuleException.INVALID_INPUT, "legal.bareme");
            }
            ceilings.add(new BigDecimal(m.group(1)));
            amounts.add(
                    List.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        }
        try {
            return new ChequeEnergieScale(
                    ChequeEnergieScale.CAMPAIGN_2023.firstPersonUnits(),
                    ChequeEnergieScale.CAMPAIGN_2023.secondPersonUnits(),
                    ChequeEnergieScale.CAMPAIGN_2023.furtherPersonUnits(),
                    ceilings,
                    amounts);
        } catch (IllegalArgumentException e) {
            throw new RuleException(RuleException.INVALID_INPUT, "legal.bareme");
        }
    }

    private static String monthDay(MonthDay d) {
        return String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
    }

    private static String scaleText(ChequeEnergieScale s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.bracketCeilings().size(); i++) {
            if (i > 0) {
                b.append(';');
            }
            List<Integer> a = s.amounts().get(i);
            b.append(s.bracketCeilings().get(i).toPlainString())
                    .append(':')
                    .append(a.get(0))
                    .append('/')
                    .append(a.get(1))
                    .append('/')
                    .append(a.get(2));
        }
        return b.toString();
    }

    private static final class Builder {
        final LegalReference base;
        final Map<String, MonthDay> monthDays = new HashMap<>();
        final Map<String, Integer> numbers = new HashMap<>();
        final Map<Integer, ChequeEnergieScale> cheques;
        final Map<Integer, BigDecimal> rsa;

        Builder(LegalReference base) {
            this.base = base;
            this.cheques = new HashMap<>(base.chequeEnergieScales());
            this.rsa = new HashMap<>(base.rsaOnePerson());
        }

        private int n(int index, int fallback) {
            return numbers.getOrDefault(NUMBERS.get(index), fallback);
        }

        LegalReference build() {
            LegalReference s = base;
            return new LegalReference(
                    monthDays.getOrDefault(TREVE_START, s.treveStart()),
                    monthDays.getOrDefault(TREVE_END, s.treveEnd()),
                    n(0, s.daysUntilUnpaid()),
                    n(1, s.firstLetterDelayDays()),
                    n(2, s.firstLetterDelayAidedDays()),
                    n(3, s.noticeBeforeActionDays()),
                    n(4, s.linkyReductionDays()),
                    n(5, s.winterReducedKvaFromThreshold()),
                    n(6, s.winterReducedKvaBelowThreshold()),
                    n(7, s.winterReductionThresholdKva()),
                    n(8, s.mneWaitMonths()),
                    n(9, s.mneWindowMonths()),
                    n(10, s.cafRectificationDays()),
                    n(11, s.cafCraMonths()),
                    n(12, s.billingCatchUpMonths()),
                    n(13, s.caseFileRetentionYears()),
                    n(14, s.mandateRetentionYears()),
                    cheques,
                    rsa);
        }
    }
}
