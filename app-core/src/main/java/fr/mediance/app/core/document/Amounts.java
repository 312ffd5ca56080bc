package fr.mediance.app.core.document;

import java.util.Optional;

/**
 * Money as the users read and type it: cents shown "1 234,56 €" (no-break spaces), typed "1234,56",
 * "1 234,56 €" or "1234.56".
 */
public final class Amounts {
    /** No-break space: an amount is never cut at the end of a line. */
    public static final char NBSP = '\u00A0';
    /** The largest amount accepted (10 million euros), in cents. */
    public static final long MAX_CENTS = 1_000_000_000L;

    private Amounts() {
    }

    /** "1 234,56 €" from 123456. */
    public static String format(long cents) {
        boolean negative = cents < 0;
        long abs = Math.abs(cents);
        String euros = Long.toString(abs / 100);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < euros.length(); i++) {
            if (i > 0 && (euros.length() - i) % 3 == 0) {
                b.append(NBSP);
            }
            b.append(euros.charAt(i));
        }
        long rest = abs % 100;
        b.append(',').append(rest < 10 ? "0" : "").append(rest).append(NBSP).append('€');
        return (negative ? "-" : "") + b;
    }

    /**
     * The cents of a typed amount; empty when it is not an amount (letters, two separators, more than two
     * decimals, negative, too large). Blank text is not an amount either: callers decide if it is optional.
     */
    public static Optional<Long> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder t = new StringBuilder();
        for (char c : typed.strip().toCharArray()) {
            if (c == ' ' || c == NBSP || c == '\u202F') {
                continue;
            }
            t.append(c);
        }
        String s = t.toString();
        if (s.endsWith("€")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.matches("\\d{1,8}([.,]\\d{1,2})?")) {
            return Optional.empty();
        }
        int sep = Math.max(s.indexOf(','), s.indexOf('.'));
        long euros = Long.parseLong(sep < 0 ? s : s.substring(0, sep));
        long cents = 0;
        if (sep >= 0) {
            String dec = s.substring(sep + 1);
            cents = Long.parseLong(dec.length() == 1 ? dec + "0" : dec);
        }
        long total = euros * 100 + cents;
        return total > MAX_CENTS ? Optional.empty() : Optional.of(total);
    }

    /** The amount as typed back in a field ("1234,56"), or "" for none. */
    public static String editable(Long cents) {
        if (cents == null) {
            return "";
        }
        long rest = cents % 100;
        return cents / 100 + "," + (rest < 10 ? "0" : "") + rest;
    }
}
