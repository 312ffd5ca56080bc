package fr.mediance.planning.week;

import fr.mediance.planning.week.PreparedWeek.Node;
import fr.mediance.planning.week.PreparedWeek.Req;
import fr.mediance.planning.week.PreparedWeek.Slot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A last pass over the searched week: requests still left out are placed where they fit (urgent ones first), then
 * each visit is moved to the place, in any round, that saves the most travel (continuity cost included), until no
 * move saves anything or the time is up. Every move keeps the schedule rule.
 */
final class LocalImprovement {
    private LocalImprovement() {}

    static void improve(PreparedWeek week, Map<Slot, int[]> orders, int continuityMinutes, long deadlineNanos) {
        List<Slot> slots = week.slots.stream().filter(s -> s.open).toList();
        for (Slot s : slots) {
            orders.putIfAbsent(s, s.fixed.stream().mapToInt(n -> n.id).toArray());
        }
        Set<Integer> placed = new HashSet<>();
        for (int[] order : orders.values()) {
            for (int id : order) {
                placed.add(id);
            }
        }
        List<Req> left = new ArrayList<>();
        for (Req r : week.requests) {
            if (!placed.contains(r.node.id) && r.node.windows.length > 0) {
                left.add(r);
            }
        }
        left.sort((a, b) -> Boolean.compare(b.request.urgent(), a.request.urgent()));
        for (Req r : left) {
            Slot bestSlot = null;
            int[] best = null;
            for (Slot s : slots) {
                int[] ins = DaySchedule.cheapestInsertion(week, s, orders.get(s), r.node.id);
                if (ins != null && (best == null || ins[1] + continuity(r, s, continuityMinutes) < best[1])) {
                    best = new int[] {ins[0], ins[1] + continuity(r, s, continuityMinutes)};
                    bestSlot = s;
                }
            }
            if (bestSlot != null) {
                orders.put(bestSlot, DaySchedule.inserted(orders.get(bestSlot), best[0], r.node.id));
            }
        }
        boolean improved = true;
        while (improved && System.nanoTime() < deadlineNanos) {
            improved = false;
            for (Slot from : slots) {
                int[] order = orders.get(from);
                for (int i = 0; i < order.length && System.nanoTime() < deadlineNanos; i++) {
                    Node n = week.nodes.get(order[i]);
                    if (n.fixed()) {
                        continue;
                    }
                    int[] without = DaySchedule.removed(order, i);
                    if (!DaySchedule.feasible(week, from, without)) {
                        continue;
                    }
                    int saving = travel(week, order)
                            - travel(week, without)
                            + continuity(n.request, from, continuityMinutes);
                    Slot bestSlot = null;
                    int[] best = null;
                    for (Slot to : slots) {
                        int[] base = to == from ? without : orders.get(to);
                        int[] ins = DaySchedule.cheapestInsertion(week, to, base, n.id);
                        if (ins == null) {
                            continue;
                        }
                        int cost = ins[1] + continuity(n.request, to, continuityMinutes);
                        if (cost < saving && (best == null || cost < best[1])) {
                            best = new int[] {ins[0], cost};
                            bestSlot = to;
                        }
                    }
                    if (bestSlot != null) {
                        orders.put(from, without);
                        int[] target = orders.get(bestSlot);
                        orders.put(bestSlot, DaySchedule.inserted(target, best[0], n.id));
                        order = orders.get(from);
                        i--;
                        improved = true;
                    }
                }
            }
        }
    }

    /**
     * Exchanges of two visits between two rounds (each at its cheapest place in the other round), when the pair
     * saves travel: in a full week, where no visit can simply move, two can often trade places.
     */
    static void exchange(PreparedWeek week, Map<Slot, int[]> orders, int continuityMinutes, long deadlineNanos) {
        List<Slot> slots = week.slots.stream().filter(s -> s.open).toList();
        boolean improved = true;
        while (improved && System.nanoTime() < deadlineNanos) {
            improved = false;
            for (int x = 0; x < slots.size(); x++) {
                for (int y = x + 1; y < slots.size(); y++) {
                    if (System.nanoTime() >= deadlineNanos) {
                        return;
                    }
                    if (tryExchange(week, orders, slots.get(x), slots.get(y), continuityMinutes)) {
                        improved = true;
                    }
                }
            }
        }
    }

    private static boolean tryExchange(PreparedWeek week, Map<Slot, int[]> orders, Slot a, Slot b, int minutes) {
        boolean changed = false;
        int[] oa = orders.get(a);
        int[] ob = orders.get(b);
        for (int i = 0; i < oa.length; i++) {
            Node na = week.nodes.get(oa[i]);
            if (na.fixed()) {
                continue;
            }
            for (int j = 0; j < ob.length; j++) {
                Node nb = week.nodes.get(ob[j]);
                if (nb.fixed()) {
                    continue;
                }
                int[] ra = DaySchedule.removed(oa, i);
                int[] rb = DaySchedule.removed(ob, j);
                int before = travel(week, oa)
                        + travel(week, ob)
                        + continuity(na.request, a, minutes)
                        + continuity(nb.request, b, minutes);
                int[] insA = DaySchedule.cheapestInsertion(week, b, rb, na.id);
                if (insA == null) {
                    continue;
                }
                int[] insB = DaySchedule.cheapestInsertion(week, a, ra, nb.id);
                if (insB == null) {
                    continue;
                }
                int[] newA = DaySchedule.inserted(ra, insB[0], nb.id);
                int[] newB = DaySchedule.inserted(rb, insA[0], na.id);
                int after = travel(week, newA)
                        + travel(week, newB)
                        + continuity(na.request, b, minutes)
                        + continuity(nb.request, a, minutes);
                if (after < before) {
                    orders.put(a, newA);
                    orders.put(b, newB);
                    oa = newA;
                    ob = newB;
                    changed = true;
                    // the visit that stood at i has left: look again at what stands there now
                    i = -1;
                    break;
                }
            }
        }
        return changed;
    }

    private static int continuity(Req r, Slot s, int minutes) {
        String usual = r.request.usualCounsellorId();
        return usual == null || usual.equals(s.counsellor.id()) ? 0 : minutes;
    }

    private static int travel(PreparedWeek week, int[] order) {
        int at = PreparedWeek.OFFICE;
        int t = 0;
        for (int id : order) {
            t += week.travel[at][id];
            at = id;
        }
        return t + week.travel[at][PreparedWeek.OFFICE];
    }
}
