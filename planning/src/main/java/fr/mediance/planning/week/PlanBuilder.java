package fr.mediance.planning.week;

import fr.mediance.planning.week.PreparedWeek.Node;
import fr.mediance.planning.week.PreparedWeek.Req;
import fr.mediance.planning.week.PreparedWeek.Slot;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the rounds a planner chose (each slot's stops in order) into the {@link WeekPlan}: the times, the travel,
 * the requests left out with their reasons, and the explanations of each visit's day and counsellor, worked out after
 * the search by trying the visit on the earlier days of the final plan.
 */
final class PlanBuilder {

    private final PreparedWeek week;
    private final Map<Slot, int[]> orders = new LinkedHashMap<>();

    /** {@code chosen}: each slot's stops in order, existing appointments included; slots left out keep theirs. */
    PlanBuilder(PreparedWeek week, Map<Slot, int[]> chosen) {
        this.week = week;
        Set<Integer> seen = new HashSet<>();
        for (Slot s : week.slots) {
            int[] order = chosen.get(s);
            if (order == null) {
                order = s.fixed.stream().mapToInt(n -> n.id).toArray();
            }
            // a visit is planned once (a safety net: the planners never place one twice)
            order = java.util.Arrays.stream(order).filter(seen::add).toArray();
            orders.put(s, repaired(s, order));
        }
    }

    /**
     * A round that is not feasible by the shared rule (which the planners follow, so this is a safety net) loses
     * visits from its end until it is; existing appointments are never taken out.
     */
    private int[] repaired(Slot s, int[] order) {
        if (!s.open || DaySchedule.of(week, s, order) != null) {
            return order;
        }
        int[] o = order;
        while (DaySchedule.of(week, s, o) == null) {
            int drop = -1;
            for (int i = o.length - 1; i >= 0; i--) {
                if (!week.nodes.get(o[i]).fixed()) {
                    drop = i;
                    break;
                }
            }
            if (drop < 0) {
                break;
            }
            o = DaySchedule.removed(o, drop);
        }
        return o;
    }

    WeekPlan build() {
        if (!week.plannable) {
            return new WeekPlan(List.of(), week.rejected, week.problems, 0, 0);
        }
        Map<Integer, Slot> placedIn = new HashMap<>();
        for (Map.Entry<Slot, int[]> e : orders.entrySet()) {
            for (int id : e.getValue()) {
                placedIn.put(id, e.getKey());
            }
        }
        List<DayRound> rounds = new ArrayList<>();
        int totalTravel = 0;
        int planned = 0;
        List<Slot> sorted = new ArrayList<>(orders.keySet());
        sorted.sort(Comparator.comparingInt((Slot s) -> s.day)
                .thenComparingInt(s -> week.counsellors.indexOf(s.counsellor)));
        for (Slot s : sorted) {
            int[] order = orders.get(s);
            if (order.length == 0) {
                continue;
            }
            DaySchedule d = DaySchedule.of(week, s, order);
            if (d == null) {
                d = looseSchedule(s, order);
            }
            List<Stop> stops = new ArrayList<>();
            for (int i = 0; i < order.length; i++) {
                Node n = week.nodes.get(order[i]);
                if (n.fixed()) {
                    ExistingAppointment a = n.appointment;
                    stops.add(new Stop(
                            Stop.Kind.APPOINTMENT,
                            a.id(),
                            a.label() == null ? a.id() : a.label(),
                            a.start(),
                            a.end(),
                            d.travelBefore[i],
                            a.locked(),
                            List.of()));
                } else {
                    planned++;
                    VisitRequest r = n.request.request;
                    stops.add(new Stop(
                            Stop.Kind.VISIT,
                            r.id(),
                            PreparedWeek.fileOf(r),
                            week.time(d.start[i]),
                            week.time(d.start[i] + n.duration),
                            d.travelBefore[i],
                            false,
                            explain(n.request, s)));
                }
            }
            totalTravel += d.travel;
            rounds.add(new DayRound(
                    s.counsellor.id(),
                    s.date,
                    week.time(d.departure),
                    stops,
                    d.lunchStart < 0 ? null : week.time(d.lunchStart),
                    d.lunchStart < 0 ? null : week.time(d.lunchStart + s.lunchMinutes),
                    d.travelBack,
                    week.time(d.returnTime),
                    d.travel));
        }
        List<Unplanned> unplanned = new ArrayList<>(week.rejected);
        for (Req r : week.requests) {
            if (!placedIn.containsKey(r.node.id)) {
                unplanned.add(unplannedReason(r));
            }
        }
        return new WeekPlan(rounds, unplanned, week.problems, totalTravel, planned);
    }

    /** The times of a day whose existing appointments do not fit (reported as an input problem): as they are. */
    private DaySchedule looseSchedule(Slot s, int[] order) {
        int[][] tt = week.travel;
        int[] start = new int[order.length];
        int[] before = new int[order.length];
        int at = PreparedWeek.OFFICE;
        int end = s.start;
        for (int i = 0; i < order.length; i++) {
            Node n = week.nodes.get(order[i]);
            before[i] = tt[at][n.id];
            start[i] = n.windows[0][0];
            end = start[i] + n.duration;
            at = n.id;
        }
        int back = tt[at][PreparedWeek.OFFICE];
        return DaySchedule.fixedTimes(start, before, back, end + back, s.start);
    }

    private Unplanned unplannedReason(Req req) {
        VisitRequest r = req.request;
        String file = PreparedWeek.fileOf(r);
        if (r.urgent()) {
            if (r.urgentDeadline().isBefore(week.monday)) {
                return new Unplanned(
                        r.id(),
                        r.fileNumber(),
                        Unplanned.Reason.URGENT_DEADLINE_IMPOSSIBLE,
                        "Échéance urgente impossible à tenir : l'échéance du " + French.date(r.urgentDeadline())
                                + " est déjà passée (dossier " + file + ").");
            }
            if (req.node.windows.length == 0 && req.windowsWithoutDeadline.length > 0) {
                return new Unplanned(
                        r.id(),
                        r.fileNumber(),
                        Unplanned.Reason.URGENT_DEADLINE_IMPOSSIBLE,
                        "Échéance urgente impossible à tenir : la personne n'est disponible qu'après le "
                                + French.dayAndDate(r.urgentDeadline()) + " (dossier " + file + ").");
            }
            if (req.node.windows.length > 0) {
                return new Unplanned(
                        r.id(),
                        r.fileNumber(),
                        Unplanned.Reason.URGENT_DEADLINE_IMPOSSIBLE,
                        "Échéance urgente impossible à tenir : les tournées sont complètes jusqu'au "
                                + French.dayAndDate(r.urgentDeadline()) + " aux moments où la personne est disponible"
                                + " (dossier " + file + ").");
            }
        }
        if (req.node.windows.length == 0) {
            return new Unplanned(
                    r.id(),
                    r.fileNumber(),
                    Unplanned.Reason.NO_AVAILABILITY,
                    "Aucune disponibilité de la personne cette semaine (dossier " + file + ").");
        }
        return new Unplanned(
                r.id(),
                r.fileNumber(),
                Unplanned.Reason.WEEK_FULL,
                "Semaine complète pour l'équipe"
                        + (r.availability().isEmpty() ? "" : " aux moments où la personne reçoit") + " (dossier " + file
                        + ").");
    }

    // ---- explanations ----

    private List<String> explain(Req req, Slot slot) {
        VisitRequest r = req.request;
        List<String> lines = new ArrayList<>();
        int[] order = orders.get(slot);
        int here = addedTravel(order, req.node.id);
        LocalDate date = slot.date;
        if (r.urgent()) {
            lines.add("Urgent : visite le " + French.dayAndDate(date) + ", avant l'échéance du "
                    + French.dayAndDate(r.urgentDeadline()) + ".");
        }
        // the earlier days, the day before first
        List<String> earlier = new ArrayList<>();
        for (int day = slot.day - 1; day >= 0; day--) {
            String why = whyNotDay(req, day, here);
            if (why == null) {
                continue;
            }
            LocalDate d = week.date(day);
            if (earlier.isEmpty()) {
                earlier.add(French.Day(date) + " plutôt que " + French.day(d) + " : " + why);
            } else {
                earlier.add(French.Day(d) + " : " + why);
            }
        }
        if (earlier.isEmpty()) {
            lines.add(French.Day(date) + " : premier jour travaillé de la semaine.");
        }
        lines.addAll(earlier);
        String continuity = continuity(req, slot, here);
        if (continuity != null) {
            lines.add(continuity);
        }
        return lines;
    }

    /** Why not this earlier day, or {@code null} when no counsellor works it. */
    private String whyNotDay(Req req, int day, int here) {
        VisitRequest r = req.request;
        LocalDate d = week.date(day);
        List<Slot> daySlots = week.slots.stream().filter(s -> s.day == day).toList();
        if (daySlots.stream().noneMatch(s -> s.open)) {
            return daySlots.isEmpty() ? null : "aucun conseiller disponible ce jour-là.";
        }
        if (r.avoidDates().contains(d)) {
            return "date à éviter pour la personne.";
        }
        if (!r.availability().isEmpty() && !receivesOn(r, d.getDayOfWeek())) {
            return "la personne ne reçoit que " + availabilityText(r) + ".";
        }
        if (!hasWindowOn(req, day)) {
            return "la personne ne reçoit que " + availabilityText(r)
                    + ", en dehors des horaires de l'équipe ce jour-là.";
        }
        int best = Integer.MAX_VALUE;
        for (Slot s : daySlots) {
            int[] ins = DaySchedule.cheapestInsertion(week, s, orders.get(s), req.node.id);
            if (ins != null) {
                best = Math.min(best, ins[1]);
            }
        }
        if (best == Integer.MAX_VALUE) {
            return "journée complète aux moments où la personne peut recevoir.";
        }
        if (best > here) {
            return "plus loin des autres visites de ce jour-là (+" + best + " min de trajet, contre +" + here + ").";
        }
        return "possible aussi (+" + best
                + " min de trajet), le conseiller habituel ou l'équilibre de la semaine l'ont emporté.";
    }

    private String continuity(Req req, Slot slot, int here) {
        String usualId = req.request.usualCounsellorId();
        if (usualId == null || usualId.isBlank()) {
            return null;
        }
        String name = PreparedWeek.name(slot.counsellor);
        if (usualId.equals(slot.counsellor.id())) {
            return "Suivi par " + name + ", déjà connu(e) de la personne.";
        }
        Counsellor usual = week.counsellorsById.get(usualId);
        if (usual == null) {
            return "Confié à " + name + " : le conseiller habituel n'est pas dans l'équipe cette semaine.";
        }
        String usualName = PreparedWeek.name(usual);
        Slot s = week.slotOf(usualId, slot.date);
        if (s == null || !s.open) {
            return "Confié à " + name + " : " + usualName + " (suivi habituel) ne travaille pas ce "
                    + French.day(slot.date) + ".";
        }
        int[] ins = DaySchedule.cheapestInsertion(week, s, orders.get(s), req.node.id);
        if (ins == null) {
            return "Confié à " + name + " : " + usualName + " (suivi habituel) n'a plus de place compatible ce "
                    + French.day(slot.date) + ".";
        }
        return "Confié à " + name + " : avec " + usualName + " (suivi habituel), +" + ins[1] + " min de trajet contre +"
                + here + ".";
    }

    private boolean receivesOn(VisitRequest r, DayOfWeek d) {
        return r.availability().stream().anyMatch(h -> h.day() == d);
    }

    private boolean hasWindowOn(Req req, int day) {
        for (int[] w : req.windowsWithoutDeadline) {
            if (w[1] >= day * PreparedWeek.DAY && w[0] < (day + 1) * PreparedWeek.DAY) {
                return true;
            }
        }
        return false;
    }

    /** "le mardi après-midi et le jeudi matin". */
    static String availabilityText(VisitRequest r) {
        Map<DayOfWeek, Set<HalfDay.Part>> byDay = new java.util.TreeMap<>();
        for (HalfDay h : r.availability()) {
            byDay.computeIfAbsent(h.day(), k -> new HashSet<>()).add(h.part());
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<DayOfWeek, Set<HalfDay.Part>> e : byDay.entrySet()) {
            String text = "le " + French.day(e.getKey());
            if (e.getValue().size() == 1) {
                text += " " + e.getValue().iterator().next().french();
            }
            parts.add(text);
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return parts.subList(0, parts.size() - 1).stream().collect(Collectors.joining(", ")) + " et "
                + parts.get(parts.size() - 1);
    }

    /** The travel a node adds to its round (what taking it out would save). */
    private int addedTravel(int[] order, int node) {
        int[][] tt = week.travel;
        for (int i = 0; i < order.length; i++) {
            if (order[i] == node) {
                int prev = i == 0 ? PreparedWeek.OFFICE : order[i - 1];
                int next = i == order.length - 1 ? PreparedWeek.OFFICE : order[i + 1];
                return tt[prev][node] + tt[node][next] - tt[prev][next];
            }
        }
        return 0;
    }
}
