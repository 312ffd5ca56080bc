package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one check of an aid application made by the tablet before saving and by the server at sync, and the rules of
 * a département's FSL as the office writes them in its "fsl_rule" list: {@code delai=15;seul=energie,eau;qf=800}
 * (days to bring the missing documents before the file is dropped, the domains a household may file alone — the
 * others need a social worker —, the ceiling of the quotient familial, each optional).
 */
public final class AidApplications {
    private AidApplications() {}

    public static final List<String> STATUSES = List.of(
            "preparing",
            "waiting_for_documents",
            "submitted",
            "in_instruction",
            "granted",
            "partially_granted",
            "refused");
    /** Statuses that carry a decision (date, and an amount unless refused). */
    public static final Set<String> DECIDED = Set.of("granted", "partially_granted", "refused");

    public static final List<String> PAID_TO = List.of("supplier", "landlord", "resident");

    /**
     * Whether a decided application pays its debts: granted (in whole or in part), an amount, paid to the supplier
     * or the landlord (an aid paid to the resident leaves the debt as it is until the resident pays).
     */
    public static boolean paysItsDebts(AidApplicationDto a) {
        return ("granted".equals(a.status()) || "partially_granted".equals(a.status()))
                && a.grantedCents() != null
                && a.grantedCents() > 0
                && ("supplier".equals(a.paidTo()) || "landlord".equals(a.paidTo()))
                && !a.debtIds().isEmpty();
    }

    private static final Pattern DEPARTEMENT = Pattern.compile("(0[1-9]|[1-8]\\d|9[0-5]|2A|2B|97[1-6])");
    private static final Pattern RULE_PART = Pattern.compile("(delai|seul|qf)=([a-z0-9_,]+)");

    /** A département's FSL rules; a missing part is null (or empty for {@code selfFiling}). */
    public record FslRule(Integer missingDocumentsDays, Set<String> selfFiling, Integer quotientCeiling) {}

    /** Reads a "fsl_rule" value; empty with nothing wrong when blank. */
    public static FslRule fslRule(String value) {
        Integer days = null;
        Integer qf = null;
        Set<String> self = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return new FslRule(null, Set.of(), null);
        }
        for (String part : value.strip().split(";")) {
            Matcher m = RULE_PART.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException(part);
            }
            switch (m.group(1)) {
                case "delai" -> days = wholeNumber(m.group(2), 1, 365);
                case "qf" -> qf = wholeNumber(m.group(2), 1, 100_000);
                default -> {
                    for (String domain : m.group(2).split(",")) {
                        if (!domain.isBlank()) {
                            self.add(domain);
                        }
                    }
                }
            }
        }
        return new FslRule(days, Set.copyOf(self), qf);
    }

    private static int wholeNumber(String s, int min, int max) {
        if (!s.matches("\\d{1,6}") || Integer.parseInt(s) < min || Integer.parseInt(s) > max) {
            throw new IllegalArgumentException(s);
        }
        return Integer.parseInt(s);
    }

    /** What is wrong with a "fsl_rule" value, in French; empty when it reads. */
    public static Optional<String> fslRuleProblem(String value) {
        try {
            fslRule(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("Règles FSL attendues sous la forme « delai=15;seul=energie,eau;qf=800 » "
                    + "(délai en jours pour les pièces manquantes, domaines où le foyer dépose seul, plafond de QF).");
        }
    }

    /** Whether a département code is one ("13", "2A", "974"). */
    public static boolean isDepartement(String code) {
        return code != null && DEPARTEMENT.matcher(code).matches();
    }

    /** The first problem of an application's content (field, French message); empty when it may be saved. */
    public static Optional<FieldErrorDto> problem(AidApplicationDto a) {
        if (a.kind() == null || a.kind().isBlank()) {
            return fail("kind", "Choisissez le type d'aide.");
        }
        if (a.departement() != null && !isDepartement(a.departement())) {
            return fail("departement", "Département inconnu : indiquez son numéro (13, 2A, 974…).");
        }
        if (a.status() == null || !STATUSES.contains(a.status())) {
            return fail("status", "Statut inconnu pour une demande d'aide.");
        }
        if (a.paidTo() != null && !PAID_TO.contains(a.paidTo())) {
            return fail("paidTo", "L'aide est versée au fournisseur, au bailleur ou au foyer.");
        }
        if (a.instructingBody() != null && a.instructingBody().length() > Limits.MAX_SHORT_TEXT) {
            return fail("instructingBody", "Le service instructeur dépasse " + Limits.MAX_SHORT_TEXT + " caractères.");
        }
        if (a.refusalReason() != null && a.refusalReason().length() > Limits.MAX_SHORT_TEXT) {
            return fail("refusalReason", "Le motif de refus dépasse " + Limits.MAX_SHORT_TEXT + " caractères.");
        }
        if (a.note() != null && a.note().length() > Limits.MAX_LONG_TEXT) {
            return fail("note", "La note dépasse " + Limits.MAX_LONG_TEXT + " caractères.");
        }
        if (a.debtIds().size() > Limits.MAX_LIST_ITEMS || a.checklist().size() > Limits.MAX_LIST_ITEMS) {
            return fail("checklist", "Au plus " + Limits.MAX_LIST_ITEMS + " éléments.");
        }
        if (!acceptable(a.requestedCents())) {
            return fail("requestedCents", "Le montant doit être entre 0 et 1 000 000 €.");
        }
        if (!acceptable(a.grantedCents())) {
            return fail("grantedCents", "Le montant doit être entre 0 et 1 000 000 €.");
        }
        LocalDate opened = a.openedOn();
        if (opened == null) {
            return fail("openedOn", "La date d'ouverture de la demande est obligatoire.");
        }
        for (LocalDate d : new LocalDate[] {opened, a.submittedOn(), a.missingDocumentsDueOn(), a.decidedOn()}) {
            if (d != null && (d.getYear() < Limits.MIN_DATE_YEAR || d.getYear() > Limits.MAX_DATE_YEAR)) {
                return fail("openedOn", "Les dates doivent être entre 2000 et 2100.");
            }
        }
        if (a.submittedOn() != null && a.submittedOn().isBefore(opened)) {
            return fail("submittedOn", "Le dépôt précède l'ouverture de la demande.");
        }
        if (a.decidedOn() != null && a.submittedOn() != null && a.decidedOn().isBefore(a.submittedOn())) {
            return fail("decidedOn", "La décision précède le dépôt de la demande.");
        }
        if (DECIDED.contains(a.status()) && a.decidedOn() == null) {
            return fail("decidedOn", "Indiquez la date de la décision.");
        }
        if (!a.status().equals("refused") && DECIDED.contains(a.status()) && a.grantedCents() == null) {
            return fail("grantedCents", "Indiquez le montant accordé.");
        }
        if (a.grantedCents() != null && a.requestedCents() != null && a.grantedCents() > a.requestedCents()) {
            return fail("grantedCents", "Le montant accordé dépasse le montant demandé.");
        }
        return Optional.empty();
    }

    private static boolean acceptable(Long cents) {
        return cents == null || (cents >= 0 && cents <= Limits.MAX_AMOUNT_CENTS);
    }

    private static Optional<FieldErrorDto> fail(String field, String message) {
        return Optional.of(new FieldErrorDto(field, message));
    }
}
