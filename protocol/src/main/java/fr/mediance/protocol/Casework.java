package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed values of cases, requests and anonymous contacts, and the checks of their shape that the device (before
 * it saves) and the server (at sync) make the same way. What needs the code lists (a domain, a referrer, a closing
 * reason, an outcome) is checked by each side against its copy of the lists.
 */
public final class Casework {
    public static final String CASE_OPEN = "open";
    public static final String CASE_ON_HOLD = "on_hold";
    public static final String CASE_CLOSED = "closed";
    public static final List<String> CASE_STATUSES = List.of(CASE_OPEN, CASE_ON_HOLD, CASE_CLOSED);

    /** How a request came. */
    public static final String CHANNEL_DESK = "desk";

    public static final String CHANNEL_PHONE = "phone";
    public static final String CHANNEL_HOME_VISIT = "home_visit";
    public static final String CHANNEL_EMAIL = "email";
    public static final String CHANNEL_PARTNER = "partner_referral";
    public static final List<String> CHANNELS =
            List.of(CHANNEL_DESK, CHANNEL_PHONE, CHANNEL_HOME_VISIT, CHANNEL_EMAIL, CHANNEL_PARTNER);
    /** The channels of a contact without an appointment (a desk or phone contact, or an unplanned home visit). */
    public static final List<String> UNPLANNED_CHANNELS = List.of(CHANNEL_DESK, CHANNEL_PHONE, CHANNEL_HOME_VISIT);
    /** The channels of an anonymous contact. */
    public static final List<String> ANONYMOUS_CHANNELS = List.of(CHANNEL_DESK, CHANNEL_PHONE);

    public static final String REQUEST_NEW = "new";
    public static final String REQUEST_ANSWERED = "answered";
    public static final String REQUEST_ORIENTED = "oriented";
    public static final String REQUEST_CLOSED = "closed";
    public static final List<String> REQUEST_STATUSES =
            List.of(REQUEST_NEW, REQUEST_ANSWERED, REQUEST_ORIENTED, REQUEST_CLOSED);

    public static final String URGENCY_POWER_CUT = "power_cut";
    public static final String URGENCY_POWER_REDUCED = "power_reduced";
    public static final String URGENCY_EVICTION = "eviction";
    /** A court date: the request carries the date. */
    public static final String URGENCY_COURT_DATE = "court_date";

    public static final List<String> URGENCIES =
            List.of(URGENCY_POWER_CUT, URGENCY_POWER_REDUCED, URGENCY_EVICTION, URGENCY_COURT_DATE);

    /** The age bands of the figures (domain brief §9). */
    public static final List<String> AGE_BANDS = List.of("under_25", "25_34", "35_44", "45_54", "55_64", "65_plus");

    /** The value of an entry of the "outcome" list that is noted with an amount (aid obtained, debt written off). */
    public static final String OUTCOME_WITH_AMOUNT = "amount";

    /** Most goals of a case, and the length of one. */
    public static final int MAX_GOALS = 20;

    public static final int MAX_GOAL_TEXT = 500;
    /** Most outcomes of a case. */
    public static final int MAX_OUTCOMES = 30;

    /** A field that breaks a rule: its wire name, a stable code and a French message. */
    public record Violation(String field, String code, String message) {}

    private Casework() {}

    /** The first rule a case breaks, if any. */
    public static Optional<Violation> check(CaseDto c) {
        Checker k = new Checker();
        k.required("residentId", c.residentId());
        k.date("openedOn", c.openedOn(), true);
        if (!in(CASE_STATUSES, c.status())) {
            k.fail(
                    "status",
                    "case_status",
                    "Le statut « status » d'un accompagnement doit être open, on_hold ou closed.");
        }
        k.items("domains", c.domains(), Limits.MAX_LIST_ITEMS);
        if (c.goals() != null) {
            if (c.goals().size() > MAX_GOALS) {
                k.fail("goals", "too_many", "Au plus " + MAX_GOALS + " objectifs par accompagnement.");
            }
            for (String g : c.goals()) {
                if (g == null || g.isBlank()) {
                    k.fail("goals", "goal_blank", "Un objectif ne peut pas être vide.");
                } else if (g.length() > MAX_GOAL_TEXT) {
                    k.fail("goals", "too_long", "Un objectif a au plus " + MAX_GOAL_TEXT + " caractères.");
                }
            }
        }
        boolean closed = CASE_CLOSED.equals(c.status());
        if (closed) {
            k.date("closedOn", c.closedOn(), true);
            k.required("closingReason", c.closingReason());
            if (c.closedOn() != null && c.openedOn() != null && c.closedOn().isBefore(c.openedOn())) {
                k.fail(
                        "closedOn",
                        "closed_before_opened",
                        "La date de clôture précède l'ouverture de l'accompagnement.");
            }
        } else if (c.closedOn() != null
                || c.closingReason() != null
                || (c.outcomes() != null && !c.outcomes().isEmpty())) {
            k.fail(
                    "status",
                    "open_with_closing",
                    "Un accompagnement ouvert n'a ni date ni motif de clôture, ni résultats.");
        }
        if (c.outcomes() != null) {
            if (c.outcomes().size() > MAX_OUTCOMES) {
                k.fail("outcomes", "too_many", "Au plus " + MAX_OUTCOMES + " résultats par accompagnement.");
            }
            Set<String> seen = new HashSet<>();
            for (CaseOutcomeDto o : c.outcomes()) {
                if (o == null || o.code() == null || o.code().isBlank()) {
                    k.fail("outcomes", "required", "Un résultat porte son code.");
                } else if (!seen.add(o.code())) {
                    k.fail("outcomes", "duplicate", "Un même résultat n'est noté qu'une fois.");
                } else if (o.amountCents() != null
                        && (o.amountCents() < 0 || o.amountCents() > Limits.MAX_AMOUNT_CENTS)) {
                    k.fail("outcomes", "amount", "Le montant d'un résultat va de 0 à 1 000 000 €.");
                }
            }
        }
        return k.first();
    }

    /** The first rule a request breaks, if any ({@code today} bounds its date of receipt). */
    public static Optional<Violation> check(RequestDto r, LocalDate today) {
        Checker k = new Checker();
        k.required("residentId", r.residentId());
        k.date("receivedOn", r.receivedOn(), true);
        if (r.receivedOn() != null && today != null && r.receivedOn().isAfter(today)) {
            k.fail("receivedOn", "future", "Une demande ne peut pas être reçue dans le futur.");
        }
        if (!in(CHANNELS, r.channel())) {
            k.fail("channel", "channel", "Le canal « channel » de la demande est inconnu.");
        }
        k.items("domains", r.domains(), Limits.MAX_LIST_ITEMS);
        List<String> urgencies = r.urgencies() == null ? List.of() : r.urgencies();
        if (urgencies.stream().anyMatch(u -> !in(URGENCIES, u))
                || new HashSet<>(urgencies).size() != urgencies.size()) {
            k.fail("urgencies", "urgency", "Une urgence de la demande est inconnue ou répétée.");
        }
        boolean court = urgencies.contains(URGENCY_COURT_DATE);
        if (court) {
            k.date("courtDate", r.courtDate(), true);
        } else if (r.courtDate() != null) {
            k.fail("courtDate", "court_date_unflagged", "Une date d'audience va avec l'urgence « audience ».");
        }
        k.text("description", r.description(), Limits.MAX_LONG_TEXT);
        if (!in(REQUEST_STATUSES, r.status())) {
            k.fail("status", "request_status", "Le statut « status » de la demande est inconnu.");
        }
        HomeVisits.check(r.homeVisit()).ifPresent(v -> k.fail(v.field(), v.code(), v.message()));
        return k.first();
    }

    /** The first rule an anonymous contact breaks, if any. */
    public static Optional<Violation> check(AnonymousContactDto a) {
        Checker k = new Checker();
        if (a.at() == null) {
            k.fail("at", "required", "Le champ « at » est obligatoire.");
        } else {
            int year = a.at().atZone(java.time.ZoneOffset.UTC).getYear();
            if (year < Limits.MIN_DATE_YEAR || year > Limits.MAX_DATE_YEAR) {
                k.fail("at", "date", "La date « at » n'est pas plausible.");
            }
        }
        if (!in(ANONYMOUS_CHANNELS, a.channel())) {
            k.fail("channel", "channel", "Un contact anonyme se fait à l'accueil ou au téléphone.");
        }
        k.items("domains", a.domains(), Limits.MAX_LIST_ITEMS);
        k.items("motifs", a.motifs(), Limits.MAX_LIST_ITEMS);
        k.items("actionTypes", a.actionTypes(), Limits.MAX_LIST_ITEMS);
        if ((a.domains() == null || a.domains().isEmpty())
                && (a.motifs() == null || a.motifs().isEmpty())) {
            k.fail("domains", "domain_required", "Choisissez au moins un domaine.");
        }
        if (a.ageBand() != null && !in(AGE_BANDS, a.ageBand())) {
            k.fail("ageBand", "age_band", "La tranche d'âge « ageBand » est inconnue.");
        }
        if (a.durationMinutes() != null
                && (a.durationMinutes() < Limits.MIN_CONTACT_MINUTES
                        || a.durationMinutes() > Limits.MAX_CONTACT_MINUTES)) {
            k.fail("durationMinutes", "duration", "La durée va d'une minute à 24 heures.");
        }
        return k.first();
    }

    /** Whether {@code value} is one of {@code values} (null is none). */
    public static boolean in(List<String> values, String value) {
        return value != null && values.contains(value);
    }

    private static final class Checker {
        private Violation first;

        void fail(String field, String code, String message) {
            if (first == null) {
                first = new Violation(field, code, message);
            }
        }

        void required(String field, String value) {
            if (value == null || value.isBlank()) {
                fail(field, "required", "Le champ « " + field + " » est obligatoire.");
            }
        }

        void date(String field, LocalDate d, boolean required) {
            if (d == null) {
                if (required) {
                    fail(field, "required", "Le champ « " + field + " » est obligatoire.");
                }
            } else if (d.getYear() < Limits.MIN_DATE_YEAR || d.getYear() > Limits.MAX_DATE_YEAR) {
                fail(field, "date", "La date « " + field + " » n'est pas plausible.");
            }
        }

        void text(String field, String value, int max) {
            if (value != null && value.length() > max) {
                fail(field, "too_long", "Le champ « " + field + " » a au plus " + max + " caractères.");
            }
        }

        void items(String field, List<String> values, int max) {
            if (values == null) {
                return;
            }
            if (values.size() > max) {
                fail(field, "too_many", "Le champ « " + field + " » a au plus " + max + " éléments.");
            }
            if (new HashSet<>(values).size() != values.size() || values.stream().anyMatch(java.util.Objects::isNull)) {
                fail(field, "duplicate", "Le champ « " + field + " » répète un élément.");
            }
        }

        Optional<Violation> first() {
            return Optional.ofNullable(first);
        }
    }
}
