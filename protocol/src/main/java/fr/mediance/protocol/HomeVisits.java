package fr.mediance.protocol;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a home-visit wish that the tablet (before it saves), the office server (at sync) and the planning
 * share: the kinds of visit and their usual length, the half-days, and by when an urgent request must be visited.
 */
public final class HomeVisits {
    public static final String FIRST_VISIT = "first_visit";
    public static final String FOLLOW_UP = "follow_up";
    public static final String DOCUMENTS = "document_collection";
    public static final String SIGNATURE = "signature";
    public static final List<String> KINDS = List.of(FIRST_VISIT, FOLLOW_UP, DOCUMENTS, SIGNATURE);
    /**
     * Usual length of each kind, travel not included: a first visit (diagnosis, notice, consent, budget) takes the
     * longest; collecting documents or a signature is short.
     */
    private static final Map<String, Integer> USUAL_MINUTES =
            Map.of(FIRST_VISIT, 90, FOLLOW_UP, 60, DOCUMENTS, 45, SIGNATURE, 30);

    /** The longest home visit that may be planned in one piece. */
    public static final int MAX_MINUTES = 240;
    /** The most days to avoid one request may carry. */
    public static final int MAX_AVOID_DATES = 60;

    /** Half-days of the working week: {@code mon_am} … {@code fri_pm}. */
    public static final List<String> HALF_DAYS =
            List.of("mon_am", "mon_pm", "tue_am", "tue_pm", "wed_am", "wed_pm", "thu_am", "thu_pm", "fri_am", "fri_pm");

    /**
     * Days within which an urgent request gets its home visit, counted from its receipt (a power cut first, then a
     * reduced power, then an eviction procedure), and the days before a court date by which the visit must have
     * taken place so that the file is ready.
     */
    public static final int POWER_CUT_DAYS = 2;

    public static final int POWER_REDUCED_DAYS = 5;
    public static final int EVICTION_DAYS = 10;
    public static final int BEFORE_COURT_DAYS = 3;

    private HomeVisits() {}

    /** The length of the visit: its own, else the usual one of its kind. */
    public static int minutes(HomeVisitDto v) {
        if (v.minutes() != null) {
            return v.minutes();
        }
        return USUAL_MINUTES.getOrDefault(v.kind(), USUAL_MINUTES.get(FOLLOW_UP));
    }

    /** The usual length of a kind of visit. */
    public static int usualMinutes(String kind) {
        return USUAL_MINUTES.getOrDefault(kind, USUAL_MINUTES.get(FOLLOW_UP));
    }

    /** The code of a half-day ({@code tue_pm}), or empty for a week-end day. */
    public static Optional<String> halfDay(DayOfWeek day, boolean morning) {
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return Optional.empty();
        }
        return Optional.of(day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT) + (morning ? "_am" : "_pm"));
    }

    /** Whether the person can receive on that half-day: not a day to avoid, and one of their half-days if any. */
    public static boolean receives(HomeVisitDto v, LocalDate date, boolean morning) {
        if (v.avoidDates().contains(date)) {
            return false;
        }
        Optional<String> code = halfDay(date.getDayOfWeek(), morning);
        return code.isPresent()
                && (v.availability().isEmpty() || v.availability().contains(code.get()));
    }

    /**
     * The last day on which an urgent request's home visit may take place: the earliest of what each of its urgency
     * flags asks ({@link #POWER_CUT_DAYS} … after its receipt, {@link #BEFORE_COURT_DAYS} before a court date, never
     * before the receipt itself); empty when the request is not urgent.
     */
    public static Optional<LocalDate> deadline(List<String> urgencies, LocalDate courtDate, LocalDate receivedOn) {
        if (urgencies == null || urgencies.isEmpty() || receivedOn == null) {
            return Optional.empty();
        }
        LocalDate by = null;
        for (String u : urgencies) {
            LocalDate d = switch (u) {
                case Casework.URGENCY_POWER_CUT -> receivedOn.plusDays(POWER_CUT_DAYS);
                case Casework.URGENCY_POWER_REDUCED -> receivedOn.plusDays(POWER_REDUCED_DAYS);
                case Casework.URGENCY_EVICTION -> receivedOn.plusDays(EVICTION_DAYS);
                case Casework.URGENCY_COURT_DATE ->
                    courtDate == null ? null : max(receivedOn, courtDate.minusDays(BEFORE_COURT_DAYS));
                default -> null;
            };
            if (d != null && (by == null || d.isBefore(by))) {
                by = d;
            }
        }
        return Optional.ofNullable(by);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The first rule a home-visit wish breaks, if any (the same on the tablet and at the office). */
    public static Optional<Casework.Violation> check(HomeVisitDto v) {
        if (v == null) {
            return Optional.empty();
        }
        if (!KINDS.contains(v.kind())) {
            return fail("homeVisit.kind", "visit_kind", "Le type de visite à domicile est inconnu.");
        }
        if (v.minutes() != null && (v.minutes() < Limits.MIN_APPOINTMENT_MINUTES || v.minutes() > MAX_MINUTES)) {
            return fail(
                    "homeVisit.minutes",
                    "visit_minutes",
                    "Une visite à domicile dure de " + Limits.MIN_APPOINTMENT_MINUTES + " à " + MAX_MINUTES
                            + " minutes.");
        }
        if (!HALF_DAYS.containsAll(v.availability())
                || new HashSet<>(v.availability()).size() != v.availability().size()) {
            return fail(
                    "homeVisit.availability",
                    "half_day",
                    "Une demi-journée de disponibilité est inconnue ou répétée (lundi matin à vendredi après-midi).");
        }
        if (v.avoidDates().size() > MAX_AVOID_DATES
                || new HashSet<>(v.avoidDates()).size() != v.avoidDates().size()) {
            return fail(
                    "homeVisit.avoidDates",
                    "avoid_dates",
                    "Au plus " + MAX_AVOID_DATES + " jours à éviter, chacun une seule fois.");
        }
        return Optional.empty();
    }

    private static Optional<Casework.Violation> fail(String field, String code, String message) {
        return Optional.of(new Casework.Violation(field, code, message));
    }
}
