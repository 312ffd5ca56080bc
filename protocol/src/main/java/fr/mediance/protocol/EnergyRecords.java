package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fixed values of energy contracts and debts, and the checks of their fields that the device (offline, beside
 * the field) and the server (at sync) both run, so that the app never accepts what the server would refuse. What
 * needs a code list (supplier, creditor, category) or the legal rules (the order of a debt's dates, checked with
 * {@code fr.mediance.rules.EnergyProcedure}) is checked by each side with those.
 *
 * <p>A check answers the {@link Problem}s it finds, in field order: the field's wire path, a stable code (the app
 * shows its own text for it, {@code energy.problem.<code>}) and a French message (the server's answer).
 */
public final class EnergyRecords {
    /** The energies, as {@code fr.mediance.rules.Energy} codes them. */
    public static final String ELECTRICITE = "electricite";

    public static final String GAZ = "gaz";
    public static final List<String> ENERGIES = List.of(ELECTRICITE, GAZ, "chaleur", "fioul", "bois", "gpl");
    /** Offers: the regulated tariff (tarif réglementé de vente) or a market offer. */
    public static final List<String> OFFERS = List.of("trv", "market");
    /** Billing modes: monthly instalments or a bill every two months. */
    public static final List<String> BILLING_MODES = List.of("monthly", "bimonthly");

    public static final String SUPPLY_NORMAL = "normal";
    /** Power reduced (limited) to {@link SupplyStateDto#kva()}. */
    public static final String SUPPLY_LIMITED = "limited";

    public static final String SUPPLY_CUT = "cut";
    public static final String SUPPLY_RESILIATED = "resiliated";
    /** The supply states, the same codes as the visit's "supply_state" list. */
    public static final List<String> SUPPLY_STATES =
            List.of(SUPPLY_NORMAL, SUPPLY_LIMITED, SUPPLY_CUT, SUPPLY_RESILIATED);
    /** Who told of a supply state: seen at a visit, the supplier, the resident, the office. */
    public static final List<String> SOURCES = List.of("visit", "supplier", "resident", "office");
    /** A debt's status (domain brief §2.9). */
    public static final List<String> DEBT_STATUSES = List.of(
            "unknown",
            "acknowledged",
            "contested",
            "payment_plan",
            "fsl_pending",
            "fsl_granted",
            "forgiven",
            "overindebtedness",
            "paid");
    /** The stages of the unpaid energy procedure (domain brief §3.3). */
    public static final List<String> STAGES =
            List.of("invoice_unpaid", "reminder_1", "notice_20d", "power_reduced", "cut", "resiliated");

    private static final Pattern FOURTEEN_DIGITS = Pattern.compile("\\d{14}");
    private static final Pattern PCE = Pattern.compile("\\d{14}|GI\\d{6}");

    /** A field refused, with a stable code and the French message. */
    public record Problem(String field, String code, String message) {}

    private EnergyRecords() {}

    /** The checks of a contract's fields that need neither a code list nor the database. */
    public static List<Problem> contractProblems(EnergyContractDto c) {
        List<Problem> out = new ArrayList<>();
        id(out, "id", c.id(), true);
        id(out, "residentId", c.residentId(), true);
        oneOf(out, "energy", c.energy(), ENERGIES, true);
        oneOf(out, "offer", c.offer(), OFFERS, false);
        deliveryPoint(out, c.energy(), c.deliveryPoint());
        if (c.subscribedKva() != null) {
            if (!ELECTRICITE.equals(c.energy())) {
                out.add(new Problem(
                        "subscribedKva",
                        "kva_electricity_only",
                        "Une puissance souscrite « subscribedKva » ne se donne que pour l'électricité."));
            } else {
                kva(out, "subscribedKva", c.subscribedKva());
            }
        }
        oneOf(out, "billingMode", c.billingMode(), BILLING_MODES, false);
        text(out, "customerNumber", c.customerNumber(), Limits.MAX_SHORT_TEXT);
        date(out, "lastReadingDate", c.lastReadingDate(), false);
        size(out, "chequesEnergie", c.chequesEnergie().size());
        Set<Long> years = new HashSet<>();
        for (int i = 0; i < c.chequesEnergie().size(); i++) {
            ChequeEnergieDto ch = c.chequesEnergie().get(i);
            String f = "chequesEnergie[" + i + "]";
            if (ch.year() < Limits.MIN_DATE_YEAR || ch.year() > Limits.MAX_DATE_YEAR) {
                out.add(new Problem(
                        f + ".year",
                        "year_range",
                        "L'année du chèque énergie doit être comprise entre " + Limits.MIN_DATE_YEAR + " et "
                                + Limits.MAX_DATE_YEAR + "."));
            } else if (!years.add(ch.year())) {
                out.add(new Problem(f + ".year", "duplicate", "Un seul chèque énergie par année (" + ch.year() + ")."));
            }
            amount(out, f + ".amountCents", ch.amountCents());
            date(out, f + ".attestationSentOn", ch.attestationSentOn(), false);
        }
        size(out, "supplyStates", c.supplyStates().size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.supplyStates().size(); i++) {
            SupplyStateDto s = c.supplyStates().get(i);
            String f = "supplyStates[" + i + "]";
            id(out, f + ".id", s.id(), true);
            if (s.id() != null && !ids.add(s.id())) {
                out.add(new Problem(f + ".id", "duplicate", "Cet état apparaît deux fois dans l'historique."));
            }
            oneOf(out, f + ".state", s.state(), SUPPLY_STATES, true);
            if (SUPPLY_LIMITED.equals(s.state())) {
                if (s.kva() == null) {
                    out.add(new Problem(
                            f + ".kva", "kva_required", "Une puissance réduite se donne avec sa puissance en kVA."));
                } else {
                    kva(out, f + ".kva", s.kva());
                }
            } else if (s.kva() != null) {
                out.add(new Problem(
                        f + ".kva", "kva_only_limited", "Seule une puissance réduite se donne avec des kVA."));
            }
            date(out, f + ".date", s.date(), true);
            oneOf(out, f + ".source", s.source(), SOURCES, false);
            id(out, f + ".visitReportId", s.visitReportId(), false);
        }
        return out;
    }

    /** The checks of a debt's fields that need neither a code list nor the database nor the legal rules. */
    public static List<Problem> debtProblems(DebtDto d) {
        List<Problem> out = new ArrayList<>();
        id(out, "id", d.id(), true);
        id(out, "residentId", d.residentId(), true);
        id(out, "contractId", d.contractId(), d.energy());
        if (d.contractId() != null && d.creditorCategory() != null && !d.energy()) {
            out.add(new Problem(
                    "contractId",
                    "energy_only",
                    "Seul un impayé d'énergie se rattache à un contrat d'énergie (« contractId »)."));
        }
        if (d.amountCents() == null) {
            out.add(required("amountCents"));
        } else {
            amount(out, "amountCents", d.amountCents());
        }
        amount(out, "feesCents", d.feesCents());
        if (d.amountCents() != null
                && d.feesCents() != null
                && d.amountCents() <= Limits.MAX_AMOUNT_CENTS
                && d.feesCents() <= Limits.MAX_AMOUNT_CENTS
                && d.amountCents() + d.feesCents() > Limits.MAX_AMOUNT_CENTS) {
            out.add(new Problem(
                    "feesCents",
                    "amount_range",
                    "Le montant et les frais réunis dépassent 1 000 000,00 € (« feesCents »)."));
        }
        text(out, "customerNumber", d.customerNumber(), Limits.MAX_SHORT_TEXT);
        text(out, "invoices", d.invoices(), Limits.MAX_SHORT_TEXT);
        date(out, "issueDate", d.issueDate(), true);
        date(out, "dueDate", d.dueDate(), false);
        date(out, "firstReminderOn", d.firstReminderOn(), false);
        date(out, "secondLetterOn", d.secondLetterOn(), false);
        date(out, "fslFiledOn", d.fslFiledOn(), false);
        date(out, "fslAidOn", d.fslAidOn(), false);
        date(out, "complaintOn", d.complaintOn(), false);
        oneOf(out, "status", d.status(), DEBT_STATUSES, true);
        if (d.secondLetterOn() != null && d.creditorCategory() != null && !d.energy()) {
            out.add(new Problem(
                    "secondLetterOn",
                    "energy_only",
                    "La lettre de préavis de 20 jours (« secondLetterOn ») est propre aux impayés d'énergie."));
        }
        if (!d.stages().isEmpty() && d.creditorCategory() != null && !d.energy()) {
            out.add(new Problem(
                    "stages",
                    "energy_only",
                    "Les étapes de la procédure (« stages ») sont propres aux impayés d'énergie."));
        }
        size(out, "stages", d.stages().size());
        for (int i = 0; i < d.stages().size(); i++) {
            DebtStageDto s = d.stages().get(i);
            oneOf(out, "stages[" + i + "].stage", s.stage(), STAGES, true);
            date(out, "stages[" + i + "].date", s.date(), true);
        }
        return out;
    }

    /** Whether a delivery point is well formed for the energy: PDL 14 digits, PCE 14 digits or GI + 6 digits. */
    public static boolean deliveryPointValid(String energy, String point) {
        if (point == null || point.isEmpty()) {
            return true;
        }
        if (ELECTRICITE.equals(energy)) {
            return FOURTEEN_DIGITS.matcher(point).matches();
        }
        if (GAZ.equals(energy)) {
            return PCE.matcher(point).matches();
        }
        return false;
    }

    private static void deliveryPoint(List<Problem> out, String energy, String point) {
        if (deliveryPointValid(energy, point)) {
            return;
        }
        if (ELECTRICITE.equals(energy)) {
            out.add(new Problem(
                    "deliveryPoint", "pdl", "Le PDL « deliveryPoint » d'un contrat d'électricité compte 14 chiffres."));
        } else if (GAZ.equals(energy)) {
            out.add(new Problem(
                    "deliveryPoint",
                    "pce",
                    "Le PCE « deliveryPoint » d'un contrat de gaz compte 14 chiffres, ou GI suivi de 6 chiffres."));
        } else {
            out.add(new Problem(
                    "deliveryPoint",
                    "delivery_point_none",
                    "Un point de livraison (PDL ou PCE) ne se donne que pour l'électricité ou le gaz."));
        }
    }

    private static void kva(List<Problem> out, String field, long kva) {
        if (kva < Limits.MIN_KVA || kva > Limits.MAX_KVA) {
            out.add(new Problem(
                    field,
                    "kva_range",
                    "La puissance « " + field + " » doit être comprise entre " + Limits.MIN_KVA + " et "
                            + Limits.MAX_KVA + " kVA."));
        }
    }

    private static void amount(List<Problem> out, String field, Long cents) {
        if (cents != null && (cents < 0 || cents > Limits.MAX_AMOUNT_CENTS)) {
            out.add(new Problem(
                    field,
                    "amount_range",
                    "Le montant « " + field + " » doit être compris entre 0 et 1 000 000,00 € (en centimes : 0 à "
                            + Limits.MAX_AMOUNT_CENTS + ")."));
        }
    }

    private static void date(List<Problem> out, String field, LocalDate value, boolean required) {
        if (value == null) {
            if (required) {
                out.add(required(field));
            }
            return;
        }
        if (value.getYear() < Limits.MIN_DATE_YEAR || value.getYear() > Limits.MAX_DATE_YEAR) {
            out.add(new Problem(
                    field,
                    "date_range",
                    "La date « " + field + " » n'est pas plausible : elle doit être comprise entre "
                            + Limits.MIN_DATE_YEAR + " et " + Limits.MAX_DATE_YEAR + "."));
        }
    }

    private static void oneOf(List<Problem> out, String field, String value, List<String> allowed, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                out.add(required(field));
            }
            return;
        }
        if (!allowed.contains(value)) {
            out.add(new Problem(
                    field,
                    "unknown_value",
                    "Valeur inconnue pour « " + field + " » : attendu l'une de " + String.join(", ", allowed) + "."));
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

    private static void text(List<Problem> out, String field, String value, int max) {
        if (value != null && value.length() > max) {
            out.add(new Problem(
                    field,
                    "too_long",
                    "Le champ « " + field + " » est trop long (" + value.length() + " caractères, au plus " + max
                            + ")."));
        }
    }

    private static void size(List<Problem> out, String field, int size) {
        if (size > Limits.MAX_LIST_ITEMS) {
            out.add(new Problem(
                    field,
                    "too_many",
                    "Trop d'éléments dans « " + field + " » (" + size + ", au plus " + Limits.MAX_LIST_ITEMS + ")."));
        }
    }

    private static Problem required(String field) {
        return new Problem(field, "required", "Le champ « " + field + " » est obligatoire.");
    }
}
