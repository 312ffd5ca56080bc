package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The register of rights requests (GDPR art. 12(3), 15–21): the kinds, statuses and shape rules the office's screen
 * and the server both check (French messages by field).
 */
public final class RightsRequests {
    public static final String ACCESS = "access";
    public static final String RECTIFICATION = "rectification";
    public static final String ERASURE = "erasure";
    public static final String RESTRICTION = "restriction";
    public static final String OBJECTION = "objection";
    /** The kinds, in the screen's order, with their French labels. */
    public static final Map<String, String> KINDS = orderedMap(
            ACCESS,
            "Accès",
            RECTIFICATION,
            "Rectification",
            ERASURE,
            "Effacement",
            RESTRICTION,
            "Limitation",
            OBJECTION,
            "Opposition");

    public static final String OPEN = "open";
    public static final String ANSWERED = "answered";
    public static final String REFUSED = "refused";
    /** The statuses with their French labels: open, answered (done), refused (with the reason in the answer). */
    public static final Map<String, String> STATUSES =
            orderedMap(OPEN, "En cours", ANSWERED, "Traitée", REFUSED, "Refusée (motivée)");

    private RightsRequests() {}

    private static Map<String, String> orderedMap(String... kv) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** A problem of one field, in French. */
    public record Problem(String field, String message) {}

    /**
     * The shape problems of a request as recorded or updated ({@code today}: the office's day): a resident, a known
     * kind and status, a received day not after today, a reason for an extension, an answer day (not before the
     * receipt, not after today) exactly when it is no longer open, a refusal with its reason, texts within limits.
     */
    public static List<Problem> problems(RightsRequestDto r, LocalDate today) {
        List<Problem> p = new ArrayList<>();
        // an id the office gives must be usable in the request's address: an identifier, without a slash
        if (r.id() != null
                && !r.id().isBlank()
                && (!Limits.isValidId(r.id()) || r.id().indexOf('/') >= 0 || r.id().indexOf('\\') >= 0)) {
            p.add(new Problem(
                    "id",
                    "L'identifiant de la demande fait de 1 à " + Limits.MAX_ID
                            + " caractères, sans barre oblique ni caractère de contrôle."));
        }
        if (r.residentId() == null || r.residentId().isBlank() || r.residentId().length() > Limits.MAX_ID) {
            p.add(new Problem("residentId", "Choisissez la personne concernée."));
        }
        if (r.kind() == null || !KINDS.containsKey(r.kind())) {
            p.add(new Problem(
                    "kind",
                    "Choisissez le type de demande (accès, rectification, effacement, " + "limitation, opposition)."));
        }
        if (r.receivedOn() == null) {
            p.add(new Problem("receivedOn", "Indiquez la date de réception de la demande."));
        } else if (r.receivedOn().isAfter(today) || r.receivedOn().getYear() < Limits.MIN_DATE_YEAR) {
            p.add(new Problem("receivedOn", "La date de réception ne peut pas être dans le futur."));
        }
        if (r.extended() && blank(r.extensionReason())) {
            p.add(new Problem(
                    "extensionReason",
                    "Une prolongation de deux mois se motive : indiquez la raison " + "donnée à la personne."));
        }
        textProblem("extensionReason", r.extensionReason(), p);
        textProblem("answer", r.answer(), p);
        String status = r.status() == null ? OPEN : r.status();
        if (!STATUSES.containsKey(status)) {
            p.add(new Problem("status", "Statut inconnu : en cours, traitée ou refusée."));
        } else if (OPEN.equals(status) && r.answeredOn() != null) {
            p.add(new Problem("answeredOn", "Une demande en cours n'a pas encore de date de réponse."));
        } else if (!OPEN.equals(status)) {
            if (r.answeredOn() == null) {
                p.add(new Problem("answeredOn", "Indiquez la date de la réponse."));
            } else if (r.answeredOn().isAfter(today)
                    || (r.receivedOn() != null && r.answeredOn().isBefore(r.receivedOn()))) {
                p.add(new Problem("answeredOn", "La date de réponse va de la réception à aujourd'hui."));
            }
            if (REFUSED.equals(status) && blank(r.answer())) {
                p.add(new Problem("answer", "Un refus se motive : indiquez la raison donnée à la personne."));
            }
        }
        return p;
    }

    /**
     * A short text: at most {@link Limits#MAX_SHORT_TEXT} characters, no control character but line breaks and tabs,
     * no lone surrogate (it would be stored as « ? »).
     */
    private static void textProblem(String field, String text, List<Problem> p) {
        if (text == null) {
            return;
        }
        if (text.length() > Limits.MAX_SHORT_TEXT) {
            p.add(new Problem(field, "Ce texte est trop long (" + Limits.MAX_SHORT_TEXT + " caractères au plus)."));
        } else if (!Limits.isWellFormed(text)
                || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            p.add(new Problem(field, "Ce texte contient un caractère invalide (caractère de contrôle ou incomplet)."));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
