package fr.mediance.planning.week;

import fr.mediance.planning.GeoPoint;
import fr.mediance.planning.TravelModel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent check of a proposed week against the rules, written from the rules alone (it shares no code with
 * the planners but the input and output records): every violation is returned as a line. Used by the unit tests and
 * by {@code bench/run planning-week}.
 */
public final class PlanChecker {

    private final WeekProblem problem;
    private final TravelModel travel;
    private final List<String> violations = new ArrayList<>();

    private PlanChecker(WeekProblem problem, TravelModel travel) {
        this.problem = problem;
        this.travel = travel;
    }

    /** The rules the plan breaks; empty when it keeps them all. */
    public static List<String> violations(WeekProblem problem, WeekPlan plan, TravelModel travel) {
        PlanChecker c = new PlanChecker(problem, travel);
        c.check(plan);
        return c.violations;
    }

    private void fail(String s) {
        violations.add(s);
    }

    private void check(WeekPlan plan) {
        Map<String, Counsellor> counsellors = new HashMap<>();
        for (Counsellor c : problem.counsellors()) {
            counsellors.putIfAbsent(c.id(), c);
        }
        Map<String, VisitRequest> requests = new HashMap<>();
        for (VisitRequest r : problem.requests()) {
            if (r != null && r.id() != null) {
                requests.putIfAbsent(r.id(), r);
            }
        }
        Map<String, ExistingAppointment> appointments = new HashMap<>();
        for (ExistingAppointment a : problem.existing()) {
            if (a != null && a.id() != null) {
                appointments.putIfAbsent(a.id(), a);
            }
        }
        LocalDate monday = problem.monday();
        Set<String> seenRequests = new HashSet<>();
        Set<String> seenAppointments = new HashSet<>();
        Set<String> roundKeys = new HashSet<>();
        int travelSum = 0;
        int visits = 0;
        for (DayRound round : plan.rounds()) {
            String where = round.counsellorId() + " " + round.date();
            if (!roundKeys.add(where)) {
                fail(where + " : deux tournées le même jour");
            }
            Counsellor c = counsellors.get(round.counsellorId());
            if (c == null) {
                fail(where + " : conseiller inconnu");
                continue;
            }
            if (round.date().isBefore(monday) || !round.date().isBefore(monday.plusDays(7))) {
                fail(where + " : hors de la semaine");
            }
            boolean hasVisits = round.stops().stream().anyMatch(s -> s.kind() == Stop.Kind.VISIT);
            WorkingHours h = c.hours().get(round.date().getDayOfWeek());
            if (hasVisits) {
                if (h == null) {
                    fail(where + " : visite un jour non travaillé");
                    continue;
                }
                if (c.daysOff().contains(round.date())) {
                    fail(where + " : visite un jour de congé");
                }
                if (round.departure().toLocalTime().isBefore(h.start())) {
                    fail(where + " : départ avant le début de journée");
                }
                if (round.returnToOffice().toLocalTime().isAfter(h.end())
                        || !round.returnToOffice().toLocalDate().equals(round.date())) {
                    fail(where + " : retour après la fin de journée " + round.returnToOffice());
                }
            }
            // the timeline: departure, legs, stops, lunch, return
            LunchBreak lunch = c.lunch();
            boolean lunchNeeded = hasVisits
                    && h != null
                    && lunch.minutes() > 0
                    && !h.start().isAfter(lunch.earliest())
                    && !h.end().isBefore(lunch.latest());
            LocalDateTime ls = round.lunchStart();
            LocalDateTime le = round.lunchEnd();
            if (lunchNeeded) {
                if (ls == null || le == null) {
                    fail(where + " : pas de pause déjeuner");
                } else {
                    if (Duration.between(ls, le).toMinutes() < lunch.minutes()) {
                        fail(where + " : pause déjeuner trop courte");
                    }
                    if (ls.toLocalTime().isBefore(lunch.earliest())
                            || le.toLocalTime().isAfter(lunch.latest())
                            || !ls.toLocalDate().equals(round.date())) {
                        fail(where + " : pause déjeuner hors de sa plage " + ls + "–" + le);
                    }
                }
            }
            LocalDateTime free = round.departure();
            GeoPoint at = problem.office();
            int legs = 0;
            boolean lunchPassed = ls == null;
            for (Stop s : round.stops()) {
                String what = where + " " + s.id();
                GeoPoint point;
                if (s.kind() == Stop.Kind.VISIT) {
                    visits++;
                    VisitRequest r = requests.get(s.id());
                    if (r == null) {
                        fail(what + " : demande inconnue");
                        continue;
                    }
                    if (!seenRequests.add(r.id())) {
                        fail(what + " : demande planifiée deux fois");
                    }
                    point = r.location();
                    checkVisit(what, r, s, round.date());
                } else {
                    ExistingAppointment a = appointments.get(s.id());
                    if (a == null) {
                        fail(what + " : rendez-vous inconnu");
                        continue;
                    }
                    if (!seenAppointments.add(a.id())) {
                        fail(what + " : rendez-vous deux fois");
                    }
                    if (!a.counsellorId().equals(round.counsellorId())
                            || !s.start().equals(a.start())
                            || !s.end().equals(a.end())) {
                        fail(what + " : rendez-vous existant déplacé");
                    }
                    if (s.locked() != a.locked()) {
                        fail(what + " : verrouillage perdu");
                    }
                    point = a.location() == null ? problem.office() : a.location();
                }
                if (!s.start().toLocalDate().equals(round.date())) {
                    fail(what + " : pas le jour de la tournée");
                }
                int leg = travel.minutes(at, point);
                if (s.travelMinutesBefore() != leg) {
                    fail(what + " : trajet annoncé " + s.travelMinutesBefore() + " min, calculé " + leg);
                }
                legs += leg;
                LocalDateTime ready = free.plusMinutes(leg);
                if (!lunchPassed && ls.isBefore(s.start())) {
                    // the lunch falls before this stop: after the previous one, and the travel still fits
                    if (ls.isBefore(free)) {
                        fail(what + " : pause déjeuner pendant une visite ou un trajet");
                    }
                    ready = (le.isAfter(free) ? le : free).plusMinutes(leg);
                    lunchPassed = true;
                }
                if (hasVisits && ready.isAfter(s.start())) {
                    fail(what + " : commence à " + s.start().toLocalTime() + " mais ne peut être là qu'à "
                            + ready.toLocalTime());
                }
                if (!s.end().isAfter(s.start())) {
                    fail(what + " : fin avant le début");
                }
                free = s.end();
                at = point;
            }
            int back = travel.minutes(at, problem.office());
            if (round.travelBackMinutes() != back) {
                fail(where + " : retour annoncé " + round.travelBackMinutes() + " min, calculé " + back);
            }
            legs += back;
            if (hasVisits) {
                LocalDateTime home = free.plusMinutes(back);
                if (!lunchPassed && ls.isBefore(home) && !ls.isBefore(free)) {
                    home = le.plusMinutes(back);
                    lunchPassed = true;
                }
                if (!lunchPassed && ls.isBefore(free)) {
                    fail(where + " : pause déjeuner pendant une visite");
                }
                if (home.isAfter(round.returnToOffice())) {
                    fail(where + " : retour annoncé à " + round.returnToOffice().toLocalTime() + ", possible à "
                            + home.toLocalTime());
                }
            }
            if (round.travelMinutes() != legs) {
                fail(where + " : trajet de la tournée annoncé " + round.travelMinutes() + ", somme " + legs);
            }
            travelSum += round.travelMinutes();
        }
        if (plan.travelMinutes() != travelSum) {
            fail("trajet total annoncé " + plan.travelMinutes() + ", somme " + travelSum);
        }
        if (plan.plannedVisits() != visits) {
            fail("visites annoncées " + plan.plannedVisits() + ", comptées " + visits);
        }
        // every existing appointment of a known counsellor in the week is kept
        for (ExistingAppointment a : appointments.values()) {
            boolean valid = a.start() != null
                    && a.end() != null
                    && a.end().isAfter(a.start())
                    && counsellors.containsKey(a.counsellorId())
                    && !a.start().toLocalDate().isBefore(monday)
                    && a.start().toLocalDate().isBefore(monday.plusDays(7));
            if (valid && !seenAppointments.contains(a.id())) {
                fail(a.id() + " : rendez-vous existant disparu du plan");
            }
        }
        // every request is either planned or left out with a reason, once
        for (Unplanned u : plan.unplanned()) {
            if (!seenRequests.add(u.requestId())) {
                fail(u.requestId() + " : planifiée et non planifiée, ou deux fois non planifiée");
            }
            if (u.message() == null || u.message().isBlank()) {
                fail(u.requestId() + " : non planifiée sans raison");
            }
        }
        for (String id : requests.keySet()) {
            if (!seenRequests.contains(id)) {
                fail(id + " : ni planifiée ni signalée");
            }
        }
    }

    private void checkVisit(String what, VisitRequest r, Stop s, LocalDate date) {
        if (Duration.between(s.start(), s.end()).toMinutes() != r.durationMinutes()) {
            fail(what + " : durée " + Duration.between(s.start(), s.end()).toMinutes() + " au lieu de "
                    + r.durationMinutes());
        }
        if (r.avoidDates().contains(date)) {
            fail(what + " : date à éviter");
        }
        if (r.urgentDeadline() != null && date.isAfter(r.urgentDeadline())) {
            fail(what + " : après l'échéance urgente " + r.urgentDeadline());
        }
        if (!r.availability().isEmpty()) {
            DayOfWeek d = date.getDayOfWeek();
            boolean inside = false;
            for (HalfDay h : r.availability()) {
                if (h.day() == d
                        && !s.start().toLocalTime().isBefore(h.part().from())
                        && !s.end().toLocalTime().isAfter(h.part().to())) {
                    inside = true;
                }
            }
            if (!inside) {
                fail(what + " : hors des disponibilités de la personne " + s.start());
            }
        }
    }
}
