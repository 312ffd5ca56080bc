package fr.mediance.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/** How often a budget line is paid or received, and its monthly equivalent. */
public enum Periodicity {
    MONTHLY("monthly", BigDecimal.ONE, BigDecimal.ONE),
    EVERY_2_MONTHS("every_2_months", BigDecimal.ONE, BigDecimal.valueOf(2)),
    QUARTERLY("quarterly", BigDecimal.ONE, BigDecimal.valueOf(3)),
    ANNUAL("annual", BigDecimal.ONE, BigDecimal.valueOf(12)),
    /** 52 weeks in 12 months. */
    WEEKLY("weekly", BigDecimal.valueOf(52), BigDecimal.valueOf(12));

    private final String code;
    private final BigDecimal timesPerPeriod;
    private final BigDecimal months;

    Periodicity(String code, BigDecimal timesPerPeriod, BigDecimal months) {
        this.code = code;
        this.timesPerPeriod = timesPerPeriod;
        this.months = months;
    }

    public String code() {
        return code;
    }

    /** The amount per month, unrounded (34 digits: rounding comes once, at the end of a computation). */
    public BigDecimal monthly(BigDecimal amount) {
        return amount.multiply(timesPerPeriod).divide(months, MathContext.DECIMAL128);
    }

    public static Periodicity fromCode(String code) {
        return Arrays.stream(values())
                .filter(p -> p.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new RuleException(RuleException.UNKNOWN_CODE, "periodicity.unknown", code));
    }
}
