package fr.mediance.protocol;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
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

    /**
     * The winter truce (trêve hivernale, domain brief §3): from 1 November to 31 March no eviction is carried out and
     * no supplier may cut the electricity, gas or heat of a main residence. On 1 April both resume.
     */
    public static final MonthDay TRUCE_FIRST_DAY = MonthDay.of(11, 1);

    public static final MonthDay TRUCE_LAST_DAY = MonthDay.of(3, 31);
    /**
     * Days before the truce's last day by which the home visit of an eviction or of a reduced power received during
     * the truce must have taken place: time to send the FSL claim, the payment plan to the landlord or the supplier,
     * or the referral to the prefecture's prevention commission, before the protections lift.
     */
    public static final int BEFORE_TRUCE_END_DAYS = 5;

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
     *
     * <p>The truce ending: an eviction, or a reduced power (the cut that follows it is only held back by the truce),
     * received during the winter truce is also due {@link #BEFORE_TRUCE_END_DAYS} days before the truce's last day
     * (never before the receipt itself), whichever comes first: a request received late in March is visited before
     * 1 April, when the eviction or the cut may happen. A power cut is due within {@link #POWER_CUT_DAYS} days
     * anyway; a request received outside the truce keeps its own delay.
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
            if (u.equals(Casework.URGENCY_EVICTION) || u.equals(Casework.URGENCY_POWER_REDUCED)) {
                Optional<LocalDate> truceEnd = truceLastDay(receivedOn);
                if (truceEnd.isPresent()) {
                    LocalDate t = max(receivedOn, truceEnd.get().minusDays(BEFORE_TRUCE_END_DAYS));
                    if (by == null || t.isBefore(by)) {
                        by = t;
                    }
                }
            }
        }
        return Optional.ofNullable(by);
    }

    /** The last day (31 March) of the winter truce that {@code date} falls in, or empty outside the truce. */
    public static Optional<LocalDate> truceLastDay(LocalDate date) {
        MonthDay md = MonthDay.from(date);
        if (!md.isBefore(TRUCE_FIRST_DAY)) {
            return Optional.of(TRUCE_LAST_DAY.atYear(date.getYear() + 1));
        }
        if (!md.isAfter(TRUCE_LAST_DAY)) {
            return Optional.of(TRUCE_LAST_DAY.atYear(date.getYear()));
        }
        return Optional.empty();
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
