package fr.mediance.planning.week;

import fr.mediance.planning.GeoPoint;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic week of home visits in Marseille, the same for a given seed: 8 counsellors working Monday to Friday
 * 9:00–17:30 with 45 minutes of lunch between 12:00 and 14:00 (the eighth off on Wednesdays), the office in the 3rd
 * arrondissement, existing appointments (half of them locked), and requests spread over the 16 arrondissements
 * (weighted towards the northern ones, where most of the service's residents live) with realistic durations,
 * availability half-days, dates to avoid, urgencies and usual counsellors.
 */
public final class MarseilleWeek {
    private MarseilleWeek() {}

    /** The office: a street of the 3rd arrondissement. */
    public static final GeoPoint OFFICE = new GeoPoint(43.3105, 5.3800);

    /** Approximate centre, spread (degrees) and weight of each arrondissement, 1st to 16th. */
    private static final double[][] ARRONDISSEMENTS = {
        {43.2999, 5.3840, 0.004, 6}, {43.3110, 5.3660, 0.004, 5}, {43.3120, 5.3800, 0.004, 9},
        {43.3060, 5.4000, 0.005, 5}, {43.2930, 5.3980, 0.004, 4}, {43.2870, 5.3810, 0.004, 3},
        {43.2830, 5.3600, 0.005, 2}, {43.2500, 5.3850, 0.015, 4}, {43.2500, 5.4300, 0.015, 5},
        {43.2760, 5.4250, 0.008, 6}, {43.2880, 5.4800, 0.015, 5}, {43.3050, 5.4500, 0.010, 4},
        {43.3500, 5.4300, 0.015, 10}, {43.3450, 5.3950, 0.010, 11}, {43.3550, 5.3650, 0.012, 12},
        {43.3600, 5.3200, 0.008, 4}
    };

    /** Monday 7 December 2026. */
    public static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    public static WeekProblem generate(long seed, int requests) {
        Random random = new Random(seed);
        List<Counsellor> team = new ArrayList<>();
        String[] names = {
            "Amina K.", "Bruno L.", "Chloé M.", "Djamel R.", "Élodie S.", "Fatou D.", "Grégory P.", "Hind T."
        };
        for (int i = 0; i < 8; i++) {
            Map<DayOfWeek, WorkingHours> hours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : List.of(
                    DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                if (i == 7 && d == DayOfWeek.WEDNESDAY) {
                    continue;
                }
                hours.put(d, WorkingHours.of(9, 0, 17, 30));
            }
            team.add(new Counsellor("c" + (i + 1), names[i], hours, LunchBreak.standard(), Set.of()));
        }
        List<ExistingAppointment> existing = new ArrayList<>();
        for (Counsellor c : team) {
            for (int day = 0; day < 5; day++) {
                LocalDate date = MONDAY.plusDays(day);
                if (!c.hours().containsKey(date.getDayOfWeek())) {
                    continue;
                }
                int count = random.nextInt(3); // 0, 1 or 2 appointments already set
                int[] starts = count == 2
                        ? new int[] {9 * 60 + 30 + 30 * random.nextInt(3), 14 * 60 + 30 * random.nextInt(4)}
                        : count == 1 ? new int[] {(random.nextBoolean() ? 10 * 60 : 14 * 60 + 30)} : new int[0];
                for (int start : starts) {
                    boolean desk = random.nextInt(4) == 0;
                    existing.add(new ExistingAppointment(
                            "a" + existing.size(),
                            c.id(),
                            date.atStartOfDay().plusMinutes(start),
                            date.atStartOfDay().plusMinutes(start + 60),
                            desk ? OFFICE : point(random),
                            random.nextBoolean(),
                            desk ? "Permanence" : "RDV suivi"));
                }
            }
        }
        List<VisitRequest> list = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            double kind = random.nextDouble();
            int duration = kind < 0.30 ? 90 : kind < 0.75 ? 60 : random.nextBoolean() ? 30 : 45;
            Set<HalfDay> availability = new HashSet<>();
            if (random.nextDouble() < 0.35) {
                int n = 2 + random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    DayOfWeek d = DayOfWeek.of(1 + random.nextInt(5));
                    availability.add(
                            new HalfDay(d, random.nextBoolean() ? HalfDay.Part.MORNING : HalfDay.Part.AFTERNOON));
                }
            }
            Set<LocalDate> avoid = random.nextDouble() < 0.10 ? Set.of(MONDAY.plusDays(random.nextInt(5))) : Set.of();
            LocalDate deadline = null;
            int rank = 0;
            if (random.nextDouble() < 0.15) {
                deadline = MONDAY.plusDays(1 + random.nextInt(4));
                rank = 1 + random.nextInt(3);
            }
            String usual = random.nextDouble() < 0.5 ? "c" + (1 + random.nextInt(8)) : null;
            list.add(new VisitRequest(
                    "r" + i,
                    "p" + i,
                    String.format("2026-%04d", 100 + i),
                    point(random),
                    duration,
                    availability,
                    avoid,
                    deadline,
                    rank,
                    usual,
                    random.nextDouble() < 0.2));
        }
        return new WeekProblem(MONDAY, OFFICE, team, list, existing);
    }

    private static GeoPoint point(Random random) {
        double total = 0;
        for (double[] a : ARRONDISSEMENTS) {
            total += a[3];
        }
        double pick = random.nextDouble() * total;
        for (double[] a : ARRONDISSEMENTS) {
            pick -= a[3];
            if (pick <= 0) {
                return new GeoPoint(a[0] + random.nextGaussian() * a[2], a[1] + random.nextGaussian() * a[2] * 1.4);
            }
        }
        return OFFICE;
    }

    /** The start of a day of the week, for tests. */
    static LocalDateTime at(int day, int hour, int minute) {
        return MONDAY.plusDays(day).atTime(hour, minute);
    }
}
