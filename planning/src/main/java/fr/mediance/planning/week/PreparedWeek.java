package fr.mediance.planning.week;

import fr.mediance.planning.GeoPoint;
import fr.mediance.planning.TravelModel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The week checked and put in numbers, shared by every planner: time is counted in minutes from Monday 00:00, every
 * point of the week (the office, each request, each existing appointment) is a node with its travel times to the
 * others, each worked counsellor-day is a {@link Slot}. What is wrong in the input is reported here, in French, and
 * left out or corrected.
 */
final class PreparedWeek {

    static final int OFFICE = 0;
    static final int DAY = 24 * 60;

    /** A place to be at: a request's visit or an existing appointment. */
    static final class Node {
        final int id;
        final GeoPoint point;
        final int duration;
        /** Allowed start times, as [from, to] pairs sorted and disjoint (minutes of the week). */
        int[][] windows;

        final Req request;
        final ExistingAppointment appointment;

        Node(int id, GeoPoint point, int duration, int[][] windows, Req request, ExistingAppointment appointment) {
            this.id = id;
            this.point = point;
            this.duration = duration;
            this.windows = windows;
            this.request = request;
            this.appointment = appointment;
        }

        boolean fixed() {
            return appointment != null;
        }
    }

    /** A valid request with its windows over the week. */
    static final class Req {
        final VisitRequest request;
        Node node;
        /** Windows without the urgency deadline (to tell "no availability" from "deadline impossible"). */
        int[][] windowsWithoutDeadline;

        Req(VisitRequest request) {
            this.request = request;
        }
    }

    /** One counsellor's worked day. */
    static final class Slot {
        final int index;
        final Counsellor counsellor;
        final LocalDate date;
        final int day;
        int start;
        int end;
        boolean lunchRequired;
        final int lunchEarliest;
        final int lunchLatest;
        final int lunchMinutes;
        /** Takes new visits (a worked day whose existing appointments fit). */
        boolean open;

        final List<Node> fixed = new ArrayList<>();

        Slot(int index, Counsellor c, LocalDate date, int day, int start, int end, LunchBreak lunch, boolean open) {
            this.index = index;
            this.counsellor = c;
            this.date = date;
            this.day = day;
            this.start = start;
            this.end = end;
            this.open = open;
            int base = day * DAY;
            if (lunch != null && lunch.minutes() > 0 && lunch.earliest() != null && lunch.latest() != null) {
                this.lunchEarliest = base + lunch.earliest().toSecondOfDay() / 60;
                this.lunchLatest = base + lunch.latest().toSecondOfDay() / 60;
                this.lunchMinutes = lunch.minutes();
            } else {
                this.lunchEarliest = base;
                this.lunchLatest = base;
                this.lunchMinutes = 0;
            }
            this.lunchRequired = lunchMinutes > 0 && start <= lunchEarliest && end >= lunchLatest;
        }

        String id() {
            return "slot-" + index;
        }
    }

    final LocalDate monday;
    final List<Counsellor> counsellors = new ArrayList<>();
    final Map<String, Counsellor> counsellorsById = new LinkedHashMap<>();
    final List<Slot> slots = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final List<Req> requests = new ArrayList<>();
    final List<InputProblem> problems = new ArrayList<>();
    final List<Unplanned> rejected = new ArrayList<>();
    final int[][] travel;
    /** False when nothing at all can be planned (no week, no office). */
    final boolean plannable;

    PreparedWeek(WeekProblem problem, TravelModel travelModel) {
        LocalDate givenMonday = problem == null ? null : problem.monday();
        GeoPoint office = problem == null ? null : problem.office();
        if (givenMonday == null) {
            problems.add(
                    new InputProblem("week", "", "La semaine à planifier n'est pas précisée : rien n'est planifié."));
        } else if (givenMonday.getDayOfWeek() != DayOfWeek.MONDAY) {
            problems.add(new InputProblem(
                    "week",
                    "",
                    "La date de début de semaine (" + French.date(givenMonday)
                            + ") n'est pas un lundi : la semaine du " + French.date(givenMonday.with(DayOfWeek.MONDAY))
                            + " est planifiée."));
        }
        if (office == null || !office.isValid()) {
            problems.add(new InputProblem(
                    "week",
                    "",
                    "Le lieu de départ des tournées (le bureau) n'est pas localisé : rien n'est planifié."));
        }
        monday = givenMonday == null ? null : givenMonday.with(DayOfWeek.MONDAY);
        plannable = monday != null && office != null && office.isValid();
        nodes.add(new Node(OFFICE, office, 0, new int[0][], null, null));
        if (!plannable) {
            for (VisitRequest r : problem == null ? List.<VisitRequest>of() : problem.requests()) {
                if (r != null && r.id() != null) {
                    rejected.add(new Unplanned(
                            r.id(),
                            r.fileNumber(),
                            Unplanned.Reason.INVALID_REQUEST,
                            "Rien n'est planifié : la semaine ou le bureau manque."));
                }
            }
            travel = new int[1][1];
            return;
        }
        prepareCounsellors(problem.counsellors());
        prepareAppointments(problem.existing());
        prepareRequests(problem.requests());
        // the whole matrix at once: a road network answers it with one search per point
        travel = travelModel.minutesMatrix(nodes.stream().map(n -> n.point).toList());
        checkFixedDays();
        for (Req req : requests) {
            req.node.windows = windows(req.request, true);
            req.windowsWithoutDeadline = windows(req.request, false);
        }
    }

    int minuteOfWeek(LocalDateTime t) {
        return (int) ChronoUnit.DAYS.between(monday, t.toLocalDate()) * DAY
                + t.toLocalTime().toSecondOfDay() / 60;
    }

    LocalDateTime time(int minuteOfWeek) {
        return monday.atStartOfDay().plusMinutes(minuteOfWeek);
    }

    LocalDate date(int day) {
        return monday.plusDays(day);
    }

    private void prepareCounsellors(List<Counsellor> list) {
        if (list.isEmpty()) {
            problems.add(new InputProblem(
                    "week", "", "Aucun conseiller dans l'équipe : aucune visite ne peut être planifiée."));
        }
        for (Counsellor c : list) {
            if (c == null || c.id() == null || c.id().isBlank()) {
                problems.add(new InputProblem("counsellor", "", "Un conseiller sans identifiant est ignoré."));
                continue;
            }
            if (counsellorsById.containsKey(c.id())) {
                problems.add(new InputProblem(
                        "counsellor",
                        c.id(),
                        "Le conseiller " + c.id() + " figure deux fois : la seconde est ignorée."));
                continue;
            }
            LunchBreak lunch = c.lunch();
            if (lunch.minutes() < 0
                    || lunch.minutes() > 0
                            && (lunch.earliest() == null
                                    || lunch.latest() == null
                                    || lunch.earliest()
                                            .plusMinutes(lunch.minutes())
                                            .isAfter(lunch.latest())
                                    || lunch.earliest()
                                            .plusMinutes(lunch.minutes())
                                            .isBefore(lunch.earliest()))) {
                problems.add(new InputProblem(
                        "counsellor",
                        c.id(),
                        "La pause déjeuner de " + name(c) + " ne tient pas dans sa plage horaire : elle est ignorée."));
                c = new Counsellor(c.id(), c.displayName(), c.hours(), LunchBreak.none(), c.daysOff());
            }
            counsellors.add(c);
            counsellorsById.put(c.id(), c);
        }
        for (int day = 0; day < 7; day++) {
            LocalDate date = monday.plusDays(day);
            for (Counsellor c : counsellors) {
                WorkingHours h = c.hours().get(date.getDayOfWeek());
                if (h == null || c.daysOff().contains(date)) {
                    continue;
                }
                if (h.start() == null || h.end() == null || !h.end().isAfter(h.start())) {
                    problems.add(new InputProblem(
                            "counsellor",
                            c.id(),
                            "Les horaires de " + name(c) + " le " + French.day(date) + " sont impossibles (" + h.start()
                                    + "–" + h.end() + ") : ce jour n'est pas planifié."));
                    continue;
                }
                int base = day * DAY;
                slots.add(new Slot(
                        slots.size(),
                        c,
                        date,
                        day,
                        base + h.start().toSecondOfDay() / 60,
                        base + h.end().toSecondOfDay() / 60,
                        c.lunch(),
                        true));
            }
        }
    }

    Slot slotOf(String counsellorId, LocalDate date) {
        for (Slot s : slots) {
            if (s.counsellor.id().equals(counsellorId) && s.date.equals(date)) {
                return s;
            }
        }
        return null;
    }

    private void prepareAppointments(List<ExistingAppointment> list) {
        Set<String> seen = new HashSet<>();
        for (ExistingAppointment a : list) {
            if (a == null || a.id() == null) {
                problems.add(new InputProblem("appointment", "", "Un rendez-vous sans identifiant est ignoré."));
                continue;
            }
            if (!seen.add(a.id())) {
                problems.add(new InputProblem(
                        "appointment",
                        a.id(),
                        "Le rendez-vous " + a.id() + " figure deux fois : le second est ignoré."));
                continue;
            }
            Counsellor c = a.counsellorId() == null ? null : counsellorsById.get(a.counsellorId());
            if (c == null) {
                problems.add(new InputProblem(
                        "appointment",
                        a.id(),
                        "Le rendez-vous " + label(a)
                                + " est celui d'un conseiller absent de l'équipe : il est ignoré."));
                continue;
            }
            if (a.start() == null
                    || a.end() == null
                    || !a.end().isAfter(a.start())
                    || !a.start().toLocalDate().equals(a.end().toLocalDate())) {
                problems.add(new InputProblem(
                        "appointment",
                        a.id(),
                        "Le rendez-vous " + label(a) + " a des heures impossibles : il est ignoré."));
                continue;
            }
            LocalDate date = a.start().toLocalDate();
            if (date.isBefore(monday) || !date.isBefore(monday.plusDays(7))) {
                problems.add(new InputProblem(
                        "appointment",
                        a.id(),
                        "Le rendez-vous " + label(a) + " n'est pas dans cette semaine : il est ignoré."));
                continue;
            }
            GeoPoint where = a.location();
            if (where == null || !where.isValid()) {
                problems.add(new InputProblem(
                        "appointment",
                        a.id(),
                        "Le rendez-vous " + label(a) + " n'a pas de lieu localisé : il est compté au bureau."));
                where = nodes.get(OFFICE).point;
            }
            Slot slot = slotOf(c.id(), date);
            int start = minuteOfWeek(a.start());
            int end = minuteOfWeek(a.end());
            if (slot == null) {
                // a day off or a day not worked: the appointment is shown, the day takes no new visit
                int day = (int) ChronoUnit.DAYS.between(monday, date);
                slot = new Slot(slots.size(), c, date, day, start, end, c.lunch(), false);
                slot.lunchRequired = false;
                slots.add(slot);
                problems.add(new InputProblem(
                        "appointment",
                        a.id(),
                        "Le rendez-vous " + label(a) + " tombe un jour non travaillé par " + name(c)
                                + " : il est gardé, et aucune visite n'est ajoutée ce jour-là."));
            }
            slot.start = Math.min(slot.start, start);
            slot.end = Math.max(slot.end, end);
            Node n = new Node(nodes.size(), where, end - start, new int[][] {{start, start}}, null, a);
            nodes.add(n);
            slot.fixed.add(n);
        }
        for (Slot s : slots) {
            s.fixed.sort(Comparator.comparingInt(n -> n.windows[0][0]));
        }
    }

    private void prepareRequests(List<VisitRequest> list) {
        Set<String> seen = new HashSet<>();
        int longestDay = 0;
        for (Slot s : slots) {
            if (s.open) {
                longestDay = Math.max(longestDay, s.end - s.start - (s.lunchRequired ? s.lunchMinutes : 0));
            }
        }
        for (VisitRequest r : list) {
            if (r == null || r.id() == null || r.id().isBlank()) {
                problems.add(new InputProblem("request", "", "Une demande sans identifiant est ignorée."));
                continue;
            }
            if (!seen.add(r.id())) {
                problems.add(new InputProblem(
                        "request", r.id(), "La demande " + r.id() + " figure deux fois : la seconde est ignorée."));
                continue;
            }
            String file = fileOf(r);
            String invalid = null;
            if (r.location() == null || !r.location().isValid()) {
                invalid = "Dossier " + file + " : l'adresse n'est pas localisée, la visite ne peut pas être placée.";
            } else if (r.durationMinutes() <= 0) {
                invalid = "Dossier " + file + " : la durée de la visite (" + r.durationMinutes()
                        + " min) est impossible.";
            } else if (r.durationMinutes() > longestDay) {
                invalid = "Dossier " + file + " : la visite (" + r.durationMinutes()
                        + " min) est plus longue que toute journée de travail de l'équipe cette semaine.";
            } else if (r.urgencyRank() < 0) {
                problems.add(new InputProblem(
                        "request", r.id(), "Dossier " + file + " : rang d'urgence négatif, compté comme 0."));
            }
            if (invalid != null) {
                problems.add(new InputProblem("request", r.id(), invalid));
                rejected.add(new Unplanned(r.id(), r.fileNumber(), Unplanned.Reason.INVALID_REQUEST, invalid));
                continue;
            }
            Req req = new Req(r);
            Node n = new Node(nodes.size(), r.location(), r.durationMinutes(), null, req, null);
            req.node = n;
            nodes.add(n);
            requests.add(req);
        }
    }

    /** The request's allowed start times over the week, within the open days' working hours. */
    int[][] windows(VisitRequest r, boolean withDeadline) {
        List<int[]> result = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            LocalDate date = monday.plusDays(day);
            if (r.avoidDates().contains(date)) {
                continue;
            }
            if (withDeadline && r.urgentDeadline() != null && date.isAfter(r.urgentDeadline())) {
                continue;
            }
            int open = Integer.MAX_VALUE;
            int close = Integer.MIN_VALUE;
            for (Slot s : slots) {
                if (s.open && s.day == day) {
                    open = Math.min(open, s.start);
                    close = Math.max(close, s.end);
                }
            }
            if (open >= close) {
                continue;
            }
            List<int[]> parts = new ArrayList<>();
            if (r.availability().isEmpty()) {
                parts.add(new int[] {open, close});
            } else {
                for (HalfDay.Part part : HalfDay.Part.values()) {
                    if (r.availability().contains(new HalfDay(date.getDayOfWeek(), part))) {
                        parts.add(new int[] {
                            Math.max(open, day * DAY + minutes(part.from())),
                            Math.min(close, day * DAY + minutes(part.to()))
                        });
                    }
                }
            }
            for (int[] p : parts) {
                int from = p[0];
                int to = p[1] - r.durationMinutes();
                if (from <= to) {
                    if (!result.isEmpty() && result.get(result.size() - 1)[1] >= from) {
                        result.get(result.size() - 1)[1] = Math.max(result.get(result.size() - 1)[1], to);
                    } else {
                        result.add(new int[] {from, to});
                    }
                }
            }
        }
        return result.toArray(new int[0][]);
    }

    /** A day whose existing appointments do not fit with the lunch or the travel between them. */
    private void checkFixedDays() {
        for (Slot s : slots) {
            if (s.fixed.isEmpty() || !s.open) {
                continue;
            }
            int[] order = s.fixed.stream().mapToInt(n -> n.id).toArray();
            if (DaySchedule.of(this, s, order) != null) {
                continue;
            }
            boolean lunch = s.lunchRequired;
            s.lunchRequired = false;
            if (lunch && DaySchedule.of(this, s, order) != null) {
                problems.add(new InputProblem(
                        "counsellor",
                        s.counsellor.id(),
                        "La pause déjeuner de " + name(s.counsellor) + " le " + French.day(s.date)
                                + " ne tient pas entre ses rendez-vous : elle n'est pas réservée ce jour-là."));
                continue;
            }
            s.open = false;
            problems.add(new InputProblem(
                    "counsellor",
                    s.counsellor.id(),
                    "Les rendez-vous de " + name(s.counsellor) + " le " + French.day(s.date)
                            + " se chevauchent ou laissent trop peu de temps pour le trajet : ils sont gardés, et aucune"
                            + " visite n'est ajoutée ce jour-là."));
        }
    }

    private static int minutes(LocalTime t) {
        return t.toSecondOfDay() / 60;
    }

    static String name(Counsellor c) {
        return c.displayName() == null || c.displayName().isBlank() ? c.id() : c.displayName();
    }

    static String fileOf(VisitRequest r) {
        return r.fileNumber() == null || r.fileNumber().isBlank() ? r.id() : r.fileNumber();
    }

    private static String label(ExistingAppointment a) {
        return a.label() == null || a.label().isBlank() ? a.id() : a.label();
    }

    Map<Integer, Slot> slotsByIndex() {
        Map<Integer, Slot> m = new HashMap<>();
        for (Slot s : slots) {
            m.put(s.index, s);
        }
        return m;
    }
}
