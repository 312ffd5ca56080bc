package fr.mediance.server.sync;

import fr.mediance.protocol.Limits;
import fr.mediance.server.db.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks of one field's shape, shared by every family's rules, with the limits of {@link Limits} (the client
 * checks the same ones). Each refusal is an {@code invalid_field} (or {@code unknown_code}) naming the field in
 * French.
 */
public final class FieldChecks {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private FieldChecks() {}

    /** A date that is plausible for this service: from {@link Limits#MIN_DATE_YEAR} to {@link Limits#MAX_DATE_YEAR}. */
    public static void date(String field, LocalDate value, boolean required) {
        if (value == null) {
            if (required) {
                throw required(field);
            }
            return;
        }
        if (value.getYear() < Limits.MIN_DATE_YEAR || value.getYear() > Limits.MAX_DATE_YEAR) {
            throw RejectedOp.invalid(
                    field,
                    "La date « " + field + " » (" + day(value) + ") n'est pas "
                            + "plausible : elle doit être comprise entre " + Limits.MIN_DATE_YEAR + " et "
                            + Limits.MAX_DATE_YEAR + ".");
        }
    }

    /** An instant whose day (Europe/Paris) is plausible, as {@link #date}. */
    public static void instant(String field, Instant value) {
        if (value != null) {
            date(field, LocalDate.ofInstant(value, PushService.PARIS), false);
        }
    }

    /** An amount in euro cents: from 0 to {@link Limits#MAX_AMOUNT_CENTS} (1 000 000,00 €). */
    public static void amount(String field, Long cents) {
        if (cents != null && (cents < 0 || cents > Limits.MAX_AMOUNT_CENTS)) {
            throw RejectedOp.invalid(
                    field,
                    "Le montant « " + field + " » doit être compris entre 0 et " + "1 000 000,00 € (en centimes : 0 à "
                            + Limits.MAX_AMOUNT_CENTS + ").");
        }
    }

    /** At most {@link Limits#MAX_LIST_ITEMS} items. */
    public static void size(String field, List<?> items) {
        if (items.size() > Limits.MAX_LIST_ITEMS) {
            throw RejectedOp.invalid(
                    field,
                    "Trop d'éléments dans « " + field + " » (" + items.size() + ", au plus " + Limits.MAX_LIST_ITEMS
                            + ").");
        }
    }

    /** An item of a nested list: an id, unique in its list. */
    public static void itemId(String field, String id, Set<String> seen) {
        id(field + ".id", id, true);
        if (!seen.add(id)) {
            throw RejectedOp.invalid(
                    field, "L'identifiant « " + shorten(id) + " » apparaît deux fois dans « " + field + " ».");
        }
    }

    /** A list of codes of one list, each once. */
    public static void codes(Tx tx, String field, String list, List<String> values) {
        size(field, values);
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (v == null || !seen.add(v)) {
                throw RejectedOp.invalid(
                        field,
                        "La valeur « " + shorten(String.valueOf(v)) + " » apparaît deux fois " + "ou est vide dans « "
                                + field + " ».");
            }
            code(tx, field, list, v, true);
        }
    }

    /** A record's id: 1 to {@link Limits#MAX_ID} characters, no control character. */
    public static void id(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw required(field);
            }
            return;
        }
        if (value.isBlank() || value.length() > Limits.MAX_ID || hasControl(value)) {
            throw RejectedOp.invalid(
                    field, "L'identifiant « " + field + " » doit faire de 1 à " + Limits.MAX_ID + " caractères.");
        }
    }

    /** A text of at most {@code max} characters; blank counts as absent. */
    public static void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw required(field);
            }
            return;
        }
        if (value.length() > max) {
            throw RejectedOp.invalid(
                    field,
                    "Le champ « " + field + " » est trop long (" + value.length() + " caractères, au plus " + max
                            + ").");
        }
    }

    /** A live entry of a code list. */
    public static void code(Tx tx, String field, String list, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw required(field);
            }
            return;
        }
        if (value.length() > Limits.MAX_ID
                || !tx.exists("SELECT 1 FROM codes WHERE list_name = ? AND code = ? AND deleted = 0", list, value)) {
            throw new RejectedOp(
                    RejectedOp.UNKNOWN_CODE,
                    "Valeur inconnue pour « " + field + " » : « " + shorten(value) + " » n'est pas dans la liste « "
                            + list + " ».");
        }
    }

    /** A whole number from {@code min} to {@code max}; {@code message} says so in French, with its unit. */
    public static void range(String field, Number value, long min, long max, String message) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            throw RejectedOp.invalid(field, message);
        }
    }

    public static RejectedOp required(String field) {
        return RejectedOp.invalid(field, "Le champ « " + field + " » est obligatoire.");
    }

    /** A date as the counsellors read it: 26/11/2026. */
    public static String day(LocalDate d) {
        return DAY.format(d);
    }

    /** An instant's day, Europe/Paris, as {@link #day(LocalDate)}. */
    public static String day(Instant t) {
        return day(LocalDate.ofInstant(t, PushService.PARIS));
    }

    /** A pushed value quoted in a message, cut after 40 characters. */
    public static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
