package fr.mediance.planning.week;

import fr.mediance.planning.GeoPoint;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small hand-made weeks for the rules' tests: the office in Marseille's 3rd, points a few hundred metres away. */
final class Weeks {
    private Weeks() {}

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final GeoPoint OFFICE = new GeoPoint(43.3105, 5.3800);

    /** A point {@code northKm} north and {@code eastKm} east of the office. */
    static GeoPoint near(double northKm, double eastKm) {
        return new GeoPoint(
                OFFICE.latitude() + northKm / 111.2,
                OFFICE.longitude() + eastKm / (111.2 * Math.cos(Math.toRadians(43.31))));
    }

    static LocalDate day(int i) {
        return MONDAY.plusDays(i);
    }

    static LocalDateTime at(int day, int hour, int minute) {
        return day(day).atTime(hour, minute);
    }

    /** Works 9:00–17:30 with 45 min of lunch between 12:00 and 14:00 on the given days (all weekdays if none). */
    static Counsellor counsellor(String id, DayOfWeek... days) {
        Map<DayOfWeek, WorkingHours> hours = new EnumMap<>(DayOfWeek.class);
        List<DayOfWeek> list = days.length == 0
                ? List.of(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                : List.of(days);
        for (DayOfWeek d : list) {
            hours.put(d, WorkingHours.of(9, 0, 17, 30));
        }
        return new Counsellor(id, "Conseiller " + id, hours, LunchBreak.standard(), Set.of());
    }

    static Counsellor withDaysOff(Counsellor c, LocalDate... off) {
        return new Counsellor(c.id(), c.displayName(), c.hours(), c.lunch(), Set.of(off));
    }

    static Counsellor withHours(Counsellor c, DayOfWeek d, WorkingHours h) {
        Map<DayOfWeek, WorkingHours> hours = new EnumMap<>(DayOfWeek.class);
        hours.putAll(c.hours());
        hours.put(d, h);
        return new Counsellor(c.id(), c.displayName(), hours, c.lunch(), c.daysOff());
    }

    /** A follow-up request (60 min, any time). */
    static VisitRequest request(String id, GeoPoint where) {
        return new VisitRequest(id, "p-" + id, "F-" + id, where, 60, Set.of(), Set.of(), null, 0, null, false);
    }

    static VisitRequest duration(VisitRequest r, int minutes) {
        return new VisitRequest(
                r.id(),
                r.residentId(),
                r.fileNumber(),
                r.location(),
                minutes,
                r.availability(),
                r.avoidDates(),
                r.urgentDeadline(),
                r.urgencyRank(),
                r.usualCounsellorId(),
                r.reducedMobility());
    }

    static VisitRequest available(VisitRequest r, HalfDay... halfDays) {
        return new VisitRequest(
                r.id(),
                r.residentId(),
                r.fileNumber(),
                r.location(),
                r.durationMinutes(),
                Set.of(halfDays),
                r.avoidDates(),
                r.urgentDeadline(),
                r.urgencyRank(),
                r.usualCounsellorId(),
                r.reducedMobility());
    }

    static VisitRequest avoiding(VisitRequest r, LocalDate... dates) {
        return new VisitRequest(
                r.id(),
                r.residentId(),
                r.fileNumber(),
                r.location(),
                r.durationMinutes(),
                r.availability(),
                Set.of(dates),
                r.urgentDeadline(),
                r.urgencyRank(),
                r.usualCounsellorId(),
                r.reducedMobility());
    }

    static VisitRequest urgent(VisitRequest r, LocalDate deadline, int rank) {
        return new VisitRequest(
                r.id(),
                r.residentId(),
                r.fileNumber(),
                r.location(),
                r.durationMinutes(),
                r.availability(),
                r.avoidDates(),
                deadline,
                rank,
                r.usualCounsellorId(),
                r.reducedMobility());
    }

    static VisitRequest usual(VisitRequest r, String counsellorId) {
        return new VisitRequest(
                r.id(),
                r.residentId(),
                r.fileNumber(),
                r.location(),
                r.durationMinutes(),
                r.availability(),
                r.avoidDates(),
                r.urgentDeadline(),
                r.urgencyRank(),
                counsellorId,
                r.reducedMobility());
    }

    /** {@code n} requests on a small ring around the office. */
    static List<VisitRequest> ring(String prefix, int n, double radiusKm) {
        List<VisitRequest> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            list.add(request(prefix + i, near(radiusKm * Math.sin(a), radiusKm * Math.cos(a))));
        }
        return list;
    }

    static WeekProblem week(List<Counsellor> team, List<VisitRequest> requests, List<ExistingAppointment> existing) {
        return new WeekProblem(MONDAY, OFFICE, team, requests, existing);
    }
}
