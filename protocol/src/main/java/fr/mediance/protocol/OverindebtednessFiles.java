package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The one check of an overindebtedness file, made by the tablet before saving and by the server at sync. */
public final class OverindebtednessFiles {
    private OverindebtednessFiles() {}

    public static final List<String> CHANNELS = List.of("paper", "online");
    /** From the draft to the end (domain brief §2.13). */
    public static final List<String> STATUSES = List.of(
            "preparing",
            "filed",
            "admissible",
            "inadmissible",
            "plan",
            "imposed_measures",
            "personal_recovery",
            "personal_recovery_liquidation",
            "plan_in_progress",
            "closed");
    /** The statuses that follow the commission's decision on admissibility. */
    public static final Set<String> DECIDED = Set.of(
            "admissible",
            "inadmissible",
            "plan",
            "imposed_measures",
            "personal_recovery",
            "personal_recovery_liquidation",
            "plan_in_progress",
            "closed");
    /** The statuses after the orientation of an admissible file. */
    public static final Set<String> ORIENTED = Set.of(
            "plan", "imposed_measures", "personal_recovery", "personal_recovery_liquidation", "plan_in_progress");

    /** The first problem (field, French message); empty when the file may be saved. */
    public static Optional<FieldErrorDto> problem(OverindebtednessFileDto f) {
        if (f.channel() == null || !CHANNELS.contains(f.channel())) {
            return fail("channel", "Le dossier se dépose sur papier ou en ligne.");
        }
        if (f.status() == null || !STATUSES.contains(f.status())) {
            return fail("status", "Statut inconnu pour un dossier de surendettement.");
        }
        if (f.startedOn() == null) {
            return fail("startedOn", "Indiquez le jour où le dossier a été commencé.");
        }
        for (LocalDate d :
                new LocalDate[] {f.startedOn(), f.filedOn(), f.admissibilityDecisionOn(), f.orientationDecisionOn()}) {
            if (d != null && (d.getYear() < Limits.MIN_DATE_YEAR || d.getYear() > Limits.MAX_DATE_YEAR)) {
                return fail("startedOn", "Les dates doivent être entre 2000 et 2100.");
            }
        }
        if (!"preparing".equals(f.status()) && f.filedOn() == null) {
            return fail("filedOn", "Indiquez la date de dépôt du dossier.");
        }
        if (f.filedOn() != null && f.filedOn().isBefore(f.startedOn())) {
            return fail("filedOn", "Le dépôt précède le début du dossier.");
        }
        if (DECIDED.contains(f.status()) && f.admissibilityDecisionOn() == null) {
            return fail("admissibilityDecisionOn", "Indiquez la date de la décision de recevabilité.");
        }
        if (f.admissibilityDecisionOn() != null
                && f.filedOn() != null
                && f.admissibilityDecisionOn().isBefore(f.filedOn())) {
            return fail("admissibilityDecisionOn", "La décision précède le dépôt du dossier.");
        }
        if (ORIENTED.contains(f.status()) && f.orientationDecisionOn() == null) {
            return fail("orientationDecisionOn", "Indiquez la date de la décision d'orientation.");
        }
        if (f.orientationDecisionOn() != null
                && f.admissibilityDecisionOn() != null
                && f.orientationDecisionOn().isBefore(f.admissibilityDecisionOn())) {
            return fail("orientationDecisionOn", "L'orientation précède la décision de recevabilité.");
        }
        if (f.planMonths() != null && (f.planMonths() < 1 || f.planMonths() > 84)) {
            return fail("planMonths", "Un plan dure de 1 à 84 mois.");
        }
        if (!acceptable(f.resteAVivreCents())) {
            return fail("resteAVivreCents", "Le montant doit être entre 0 et 1 000 000 €.");
        }
        if (!acceptable(f.monthlyRepaymentCents())) {
            return fail("monthlyRepaymentCents", "Le montant doit être entre 0 et 1 000 000 €.");
        }
        if (f.note() != null && f.note().length() > Limits.MAX_LONG_TEXT) {
            return fail("note", "La note dépasse " + Limits.MAX_LONG_TEXT + " caractères.");
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
