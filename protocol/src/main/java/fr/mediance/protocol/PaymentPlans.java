package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a payment plan's fields that the device (offline, beside the field) and the server (at sync) both
 * run, so that the tablet never keeps a plan the office would refuse. What needs a code list (the creditor) or the
 * database (the debts exist and are the resident's; the confirmation is the resident's document) is checked by each
 * side with those. The instalments' arithmetic comes from {@code fr.mediance.rules.PaymentPlans}.
 *
 * <p>A check answers the {@link Problem}s it finds, in field order: the field's wire path ("instalments[2].paidOn"),
 * a stable code (the app shows its own text for it, {@code plan.problem.<code>}) and a French message (the server's
 * answer).
 */
public final class PaymentPlans {
    public static final String PROPOSED = fr.mediance.rules.PaymentPlans.PROPOSED;
    public static final String ACCEPTED = fr.mediance.rules.PaymentPlans.ACCEPTED;
    public static final String ACTIVE = fr.mediance.rules.PaymentPlans.ACTIVE;
    public static final String BROKEN = fr.mediance.rules.PaymentPlans.BROKEN;
    public static final String COMPLETED = fr.mediance.rules.PaymentPlans.COMPLETED;
    /** A plan's statuses, from the proposal to its end (domain brief §2.9). */
    public static final List<String> STATUSES = List.of(PROPOSED, ACCEPTED, ACTIVE, BROKEN, COMPLETED);
    /** The statuses of a plan the creditor agreed to: its debts are « En échéancier ». */
    public static final Set<String> AGREED = Set.of(ACCEPTED, ACTIVE);
    /** Most instalments, and most months between two. */
    public static final int MAX_INSTALMENTS = fr.mediance.rules.PaymentPlans.MAX_INSTALMENTS;

    public static final int MAX_EVERY_MONTHS = 12;

    /** A field refused, with a stable code and the French message. */
    public record Problem(String field, String code, String message) {}

    private PaymentPlans() {}

    /** The checks of a plan's fields that need neither a code list nor the database. */
    public static List<Problem> problems(PaymentPlanDto p) {
        List<Problem> out = new ArrayList<>();
        id(out, "id", p.id(), true);
        id(out, "residentId", p.residentId(), true);
        if (p.creditor() == null || p.creditor().isEmpty()) {
            out.add(required("creditor"));
        }
        if (p.debtIds().isEmpty()) {
            out.add(new Problem("debtIds", "debts_required", "Un échéancier porte sur au moins une dette."));
        } else if (p.debtIds().size() > Limits.MAX_LIST_ITEMS) {
            out.add(new Problem(
                    "debtIds",
                    "too_many",
                    "Trop de dettes dans « debtIds » (" + p.debtIds().size() + ", au plus " + Limits.MAX_LIST_ITEMS
                            + ")."));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < p.debtIds().size(); i++) {
                String debt = p.debtIds().get(i);
                id(out, "debtIds[" + i + "]", debt, true);
                if (debt != null && !seen.add(debt)) {
                    out.add(new Problem("debtIds[" + i + "]", "duplicate", "Cette dette apparaît deux fois."));
                }
            }
        }
        if (p.status() == null || p.status().isEmpty()) {
            out.add(required("status"));
        } else if (!STATUSES.contains(p.status())) {
            out.add(new Problem(
                    "status",
                    "unknown_value",
                    "Valeur inconnue pour « status » : attendu l'une de " + String.join(", ", STATUSES) + "."));
        }
        date(out, "agreedOn", p.agreedOn());
        if (p.agreedOn() == null
                && p.status() != null
                && !PROPOSED.equals(p.status())
                && STATUSES.contains(p.status())) {
            out.add(new Problem(
                    "agreedOn", "agreed_required", "Indiquez le jour où le créancier a accepté l'échéancier."));
        }
        if (p.totalCents() <= 0 || p.totalCents() > Limits.MAX_AMOUNT_CENTS) {
            out.add(new Problem(
                    "totalCents",
                    "amount_range",
                    "Le montant total « totalCents » doit être compris entre 0,01 € et 1 000 000,00 €."));
        }
        if (p.everyMonths() < 1 || p.everyMonths() > MAX_EVERY_MONTHS) {
            out.add(new Problem(
                    "everyMonths",
                    "every_range",
                    "L'intervalle « everyMonths » est de 1 à " + MAX_EVERY_MONTHS + " mois."));
        }
        instalments(out, p);
        id(out, "confirmationDocumentId", p.confirmationDocumentId(), false);
        if (p.note() != null && p.note().length() > Limits.MAX_SHORT_TEXT) {
            out.add(new Problem(
                    "note",
                    "too_long",
                    "Le champ « note » est trop long (" + p.note().length() + " caractères, au plus "
                            + Limits.MAX_SHORT_TEXT + ")."));
        }
        return out;
    }

    private static void instalments(List<Problem> out, PaymentPlanDto p) {
        List<InstalmentDto> all = p.instalments();
        if (all.isEmpty()) {
            out.add(new Problem("instalments", "instalments_required", "Un échéancier compte au moins une échéance."));
            return;
        }
        if (all.size() > MAX_INSTALMENTS) {
            out.add(new Problem(
                    "instalments",
                    "too_many",
                    "Un échéancier compte au plus " + MAX_INSTALMENTS + " échéances (" + all.size() + ")."));
            return;
        }
        long sum = 0;
        LocalDate previous = null;
        for (int i = 0; i < all.size(); i++) {
            InstalmentDto in = all.get(i);
            String f = "instalments[" + i + "]";
            if (in.dueDate() == null) {
                out.add(required(f + ".dueDate"));
            } else {
                date(out, f + ".dueDate", in.dueDate());
                if (previous != null && !in.dueDate().isAfter(previous)) {
                    out.add(new Problem(
                            f + ".dueDate",
                            "due_order",
                            "L'échéance n° " + (i + 1) + " doit tomber après la précédente."));
                }
                previous = in.dueDate();
            }
            if (in.amountCents() <= 0 || in.amountCents() > Limits.MAX_AMOUNT_CENTS) {
                out.add(new Problem(
                        f + ".amountCents",
                        "amount_range",
                        "Le montant de l'échéance n° " + (i + 1)
                                + " doit être compris entre 0,01 € et 1 000 000,00 €."));
            } else {
                sum += in.amountCents();
            }
            if (in.paidCents() < 0 || in.paidCents() > Limits.MAX_AMOUNT_CENTS) {
                out.add(new Problem(
                        f + ".paidCents",
                        "amount_range",
                        "Le montant payé de l'échéance n° " + (i + 1)
                                + " doit être compris entre 0 et 1 000 000,00 €."));
            } else if (in.paidCents() > 0 && in.paidOn() == null) {
                out.add(new Problem(
                        f + ".paidOn",
                        "paid_on_required",
                        "Indiquez le jour du paiement de l'échéance n° " + (i + 1) + "."));
            } else if (in.paidCents() == 0 && in.paidOn() != null) {
                out.add(new Problem(
                        f + ".paidCents",
                        "paid_required",
                        "Indiquez le montant payé le " + day(in.paidOn()) + " (échéance n° " + (i + 1) + ")."));
            }
            date(out, f + ".paidOn", in.paidOn());
        }
        if (out.stream().noneMatch(x -> x.field().startsWith("instalments")) && sum != p.totalCents()) {
            out.add(new Problem(
                    "instalments",
                    "sum",
                    "Les échéances font " + euros(sum) + " au lieu du total de " + euros(p.totalCents()) + "."));
        }
    }

    /** Cents as French euros: 1 234,56 €. */
    static String euros(long cents) {
        String whole =
                String.format(java.util.Locale.FRANCE, "%,d", cents / 100).replace('\u202f', '\u00a0');
        return whole + "," + String.format("%02d", cents % 100) + "\u00a0€";
    }

    private static String day(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static void date(List<Problem> out, String field, LocalDate value) {
        if (value != null && (value.getYear() < Limits.MIN_DATE_YEAR || value.getYear() > Limits.MAX_DATE_YEAR)) {
            out.add(new Problem(
                    field,
                    "date_range",
                    "La date « " + field + " » n'est pas plausible : elle doit être comprise entre "
                            + Limits.MIN_DATE_YEAR + " et " + Limits.MAX_DATE_YEAR + "."));
        }
    }

    private static void id(List<Problem> out, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                out.add(required(field));
            }
            return;
        }
        if (value.isBlank() || value.length() > Limits.MAX_ID) {
            out.add(new Problem(
                    field,
                    "id",
                    "L'identifiant « " + field + " » doit faire de 1 à " + Limits.MAX_ID + " caractères."));
        }
    }

    private static Problem required(String field) {
        return new Problem(field, "required", "Le champ « " + field + " » est obligatoire.");
    }
}
