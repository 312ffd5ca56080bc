package fr.mediance.protocol;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the rounds that the app (before it sends) and the office server (when it receives) share: the
 * counsellors' working hours, the structure's travel settings, and what a week's proposal may ask for.
 */
public final class Rounds {
    /** Worked weekdays: Monday to Saturday (a structure may open on Saturday morning). */
    public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat");

    /** A day's hours must lie within this range … */
    public static final LocalTime EARLIEST_START = LocalTime.of(6, 0);

    public static final LocalTime LATEST_END = LocalTime.of(21, 0);
    /** … and last at least this long. */
    public static final int MIN_DAY_MINUTES = 60;

    public static final int MAX_LUNCH_MINUTES = 120;
    public static final int MAX_DAYS_OFF = 366;

    /** The straight-line estimate: detour factor over the crow-fly distance, and the average speed in town. */
    public static final double DEFAULT_DETOUR_FACTOR = 1.3;

    public static final double MIN_DETOUR_FACTOR = 1.0;
    public static final double MAX_DETOUR_FACTOR = 3.0;
    public static final double DEFAULT_SPEED_KMH = 20;
    public static final double MIN_SPEED_KMH = 5;
    public static final double MAX_SPEED_KMH = 90;
    public static final int MAX_OFFICE_ADDRESS = 300;

    /** How long the optimiser may search for a week. */
    public static final int DEFAULT_SEARCH_SECONDS = 8;

    public static final int MIN_SEARCH_SECONDS = 1;
    public static final int MAX_SEARCH_SECONDS = 30;
    /** How far ahead a week may be proposed. */
    public static final int MAX_WEEKS_AHEAD = 26;

    public static final int MAX_COUNSELLORS = 50;

    public static final String STOP_VISIT = "visit";
    public static final String STOP_APPOINTMENT = "appointment";
    public static final String TRAVEL_STRAIGHT_LINE = "straight_line";
    public static final String TRAVEL_ROADS = "roads";

    public static final String UNPLANNED_INVALID = "invalid_request";
    public static final String UNPLANNED_NO_AVAILABILITY = "no_availability";
    public static final String UNPLANNED_WEEK_FULL = "week_full";
    public static final String UNPLANNED_DEADLINE = "urgent_deadline_impossible";
    public static final List<String> UNPLANNED_REASONS =
            List.of(UNPLANNED_INVALID, UNPLANNED_NO_AVAILABILITY, UNPLANNED_WEEK_FULL, UNPLANNED_DEADLINE);

    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private Rounds() {}

    /** The code of a weekday ({@code tue}), or empty for Sunday. */
    public static Optional<String> dayCode(DayOfWeek day) {
        if (day == null || day == DayOfWeek.SUNDAY) {
            return Optional.empty();
        }
        return Optional.of(day.name().substring(0, 3).toLowerCase(Locale.ROOT));
    }

    /** The weekday of a code of {@link #DAYS}, or empty for an unknown code. */
    public static Optional<DayOfWeek> dayOfWeek(String code) {
        int i = code == null ? -1 : DAYS.indexOf(code);
        return i < 0 ? Optional.empty() : Optional.of(DayOfWeek.of(i + 1));
    }

    /** A wall-clock time written {@code HH:mm}, or empty when it is not one. */
    public static Optional<LocalTime> time(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text.strip(), HH_MM));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A time as the wire writes it ({@code 08:30}). */
    public static String time(LocalTime time) {
        return HH_MM.format(time);
    }

    /** The hours a counsellor works until someone saves theirs: Monday to Friday, 8:30 to 17:00. */
    public static List<WorkingDayDto> standardDays() {
        return DAYS.subList(0, 5).stream()
                .map(d -> new WorkingDayDto(d, "08:30", "17:00"))
                .toList();
    }

    /** A counsellor's schedule until someone saves theirs: {@link #standardDays()}, 45 minutes' lunch in 12:00–14:00. */
    public static CounsellorScheduleDto standard(String counsellorId, String displayName) {
        return new CounsellorScheduleDto(
                counsellorId, displayName, standardDays(), "12:00", "14:00", 45, List.of(), true, null);
    }

    /** The Monday of the week of a date. */
    public static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first rule a counsellor's schedule breaks, if any. */
    public static Optional<Casework.Violation> check(CounsellorScheduleDto s) {
        if (s == null) {
            return fail("schedule", "missing", "Les horaires sont absents.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < s.days().size(); i++) {
            WorkingDayDto d = s.days().get(i);
            String field = "days[" + i + "]";
            if (d == null || dayOfWeek(d.day()).isEmpty()) {
                return fail(field + ".day", "day", "Un jour travaillé est inconnu (du lundi au samedi).");
            }
            if (!seen.add(d.day())) {
                return fail(field + ".day", "day_repeated", "Un jour travaillé est donné deux fois.");
            }
            Optional<LocalTime> start = time(d.start());
            Optional<LocalTime> end = time(d.end());
            if (start.isEmpty()) {
                return fail(field + ".start", "time", "L'heure de début doit s'écrire HH:MM (par exemple 08:30).");
            }
            if (end.isEmpty()) {
                return fail(field + ".end", "time", "L'heure de fin doit s'écrire HH:MM (par exemple 17:00).");
            }
            if (start.get().isBefore(EARLIEST_START) || end.get().isAfter(LATEST_END)) {
                return fail(
                        field + ".start",
                        "hours_range",
                        "Les horaires d'une journée sont compris entre " + time(EARLIEST_START) + " et "
                                + time(LATEST_END) + ".");
            }
            if (Duration.between(start.get(), end.get()).toMinutes() < MIN_DAY_MINUTES) {
                return fail(
                        field + ".end",
                        "hours_order",
                        "La fin de journée doit venir au moins " + MIN_DAY_MINUTES + " minutes après son début.");
            }
        }
        if (s.lunchMinutes() < 0 || s.lunchMinutes() > MAX_LUNCH_MINUTES) {
            return fail(
                    "lunchMinutes",
                    "lunch_minutes",
                    "La pause déjeuner dure de 0 à " + MAX_LUNCH_MINUTES + " minutes.");
        }
        if (s.lunchMinutes() > 0) {
            Optional<LocalTime> from = time(s.lunchEarliest());
            Optional<LocalTime> to = time(s.lunchLatest());
            if (from.isEmpty()) {
                return fail("lunchEarliest", "time", "Le début de la plage du déjeuner doit s'écrire HH:MM.");
            }
            if (to.isEmpty()) {
                return fail("lunchLatest", "time", "La fin de la plage du déjeuner doit s'écrire HH:MM.");
            }
            if (Duration.between(from.get(), to.get()).toMinutes() < s.lunchMinutes()) {
                return fail(
                        "lunchLatest",
                        "lunch_window",
                        "La plage du déjeuner doit contenir la pause entière (" + s.lunchMinutes() + " minutes).");
            }
        }
        if (s.daysOff().size() > MAX_DAYS_OFF
                || s.daysOff().stream().anyMatch(Objects::isNull)
                || new HashSet<>(s.daysOff()).size() != s.daysOff().size()) {
            return fail("daysOff", "days_off", "Au plus " + MAX_DAYS_OFF + " jours d'absence, chacun une seule fois.");
        }
        return Optional.empty();
    }

    /** The first rule the structure's travel settings break, if any. */
    public static Optional<Casework.Violation> check(PlanningSettingsDto s) {
        if (s == null) {
            return fail("settings", "missing", "Les réglages des tournées sont absents.");
        }
        if (s.officeAddress() != null && s.officeAddress().length() > MAX_OFFICE_ADDRESS) {
            return fail(
                    "officeAddress",
                    "too_long",
                    "L'adresse du local tient en " + MAX_OFFICE_ADDRESS + " caractères au plus.");
        }
        String point = GeoPointDto.problem(s.office());
        if (point != null) {
            return fail("office", "office_point", point);
        }
        if (!(s.detourFactor() >= MIN_DETOUR_FACTOR && s.detourFactor() <= MAX_DETOUR_FACTOR)) {
            return fail(
                    "detourFactor",
                    "detour_factor",
                    "Le facteur de détour est compris entre " + decimal(MIN_DETOUR_FACTOR) + " et "
                            + decimal(MAX_DETOUR_FACTOR) + ".");
        }
        if (!(s.speedKmh() >= MIN_SPEED_KMH && s.speedKmh() <= MAX_SPEED_KMH)) {
            return fail(
                    "speedKmh",
                    "speed",
                    "La vitesse moyenne est comprise entre " + decimal(MIN_SPEED_KMH) + " et " + decimal(MAX_SPEED_KMH)
                            + " km/h.");
        }
        return Optional.empty();
    }

    /** The first rule a week's proposal request breaks, if any ({@code today} in Europe/Paris). */
    public static Optional<Casework.Violation> check(WeekProposalRequest r, LocalDate today) {
        if (r == null || r.monday() == null) {
            return fail("monday", "missing", "Indiquez la semaine à proposer (son lundi).");
        }
        if (r.monday().getDayOfWeek() != DayOfWeek.MONDAY) {
            return fail("monday", "not_monday", "Une semaine se propose à partir de son lundi.");
        }
        if (r.monday().isBefore(monday(today))) {
            return fail(
                    "monday", "past_week", "Cette semaine est passée : proposez la semaine en cours ou une suivante.");
        }
        if (r.monday().isAfter(monday(today).plusWeeks(MAX_WEEKS_AHEAD))) {
            return fail(
                    "monday", "too_far", "Une semaine se propose au plus " + MAX_WEEKS_AHEAD + " semaines à l'avance.");
        }
        if (r.counsellorIds().size() > MAX_COUNSELLORS
                || r.counsellorIds().stream().anyMatch(Objects::isNull)
                || new HashSet<>(r.counsellorIds()).size() != r.counsellorIds().size()) {
            return fail(
                    "counsellorIds",
                    "counsellors",
                    "Au plus " + MAX_COUNSELLORS + " conseillers, chacun une seule fois.");
        }
        if (r.seconds() != null && (r.seconds() < MIN_SEARCH_SECONDS || r.seconds() > MAX_SEARCH_SECONDS)) {
            return fail(
                    "seconds",
                    "seconds",
                    "La recherche dure de " + MIN_SEARCH_SECONDS + " à " + MAX_SEARCH_SECONDS + " secondes.");
        }
        return Optional.empty();
    }

    private static String decimal(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v).replace('.', ',');
    }

    private static Optional<Casework.Violation> fail(String field, String code, String message) {
        return Optional.of(new Casework.Violation(field, code, message));
    }
}
