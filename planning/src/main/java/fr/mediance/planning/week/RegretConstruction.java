package fr.mediance.planning.week;

import fr.mediance.planning.week.PreparedWeek.Req;
import fr.mediance.planning.week.PreparedWeek.Slot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimiser's starting week, built quickly: urgent requests first, then the others, each time placing the
 * request that would lose most by waiting (regret: the gap between its best and second-best round), at its cheapest
 * place. The search then improves it. The cost of a place is the travel it adds, plus the continuity cost when the
 * round's counsellor is not the usual one.
 */
final class RegretConstruction {
    private RegretConstruction() {}

    private static final int NONE = Integer.MAX_VALUE;

    static Map<Slot, int[]> rounds(PreparedWeek week, int continuityMinutes) {
        List<Slot> slots = week.slots.stream().filter(s -> s.open).toList();
        Map<Slot, int[]> orders = new HashMap<>();
        for (Slot s : week.slots) {
            orders.put(s, s.fixed.stream().mapToInt(n -> n.id).toArray());
        }
        for (boolean urgentPhase : new boolean[] {true, false}) {
            List<Req> todo = new ArrayList<>();
            for (Req r : week.requests) {
                if (r.node.windows.length > 0 && r.request.urgent() == urgentPhase) {
                    todo.add(r);
                }
            }
            if (urgentPhase) {
                // on equal regret, the earlier deadline, then the more urgent rank, goes first
                todo.sort(Comparator.comparing((Req r) -> r.request.urgentDeadline())
                        .thenComparingInt(
                                r -> r.request.urgencyRank() <= 0 ? Integer.MAX_VALUE : r.request.urgencyRank()));
            }
            // cost[j][k], position[j][k]: the best place of request j in slot k
            int[][] cost = new int[todo.size()][slots.size()];
            int[][] position = new int[todo.size()][slots.size()];
            for (int j = 0; j < todo.size(); j++) {
                for (int k = 0; k < slots.size(); k++) {
                    evaluate(week, slots.get(k), orders, todo.get(j), cost[j], position[j], k, continuityMinutes);
                }
            }
            boolean[] done = new boolean[todo.size()];
            while (true) {
                int pick = -1;
                int pickSlot = -1;
                long pickRegret = Long.MIN_VALUE;
                int pickCost = NONE;
                for (int j = 0; j < todo.size(); j++) {
                    if (done[j]) {
                        continue;
                    }
                    int best = NONE;
                    int second = NONE;
                    int bestSlot = -1;
                    for (int k = 0; k < slots.size(); k++) {
                        int c = cost[j][k];
                        if (c < best) {
                            second = best;
                            best = c;
                            bestSlot = k;
                        } else if (c < second) {
                            second = c;
                        }
                    }
                    if (bestSlot < 0) {
                        continue;
                    }
                    long regret = second == NONE ? 10_000L : (long) second - best;
                    if (regret > pickRegret || regret == pickRegret && best < pickCost) {
                        pick = j;
                        pickSlot = bestSlot;
                        pickRegret = regret;
                        pickCost = best;
                    }
                }
                if (pick < 0) {
                    break;
                }
                Slot s = slots.get(pickSlot);
                orders.put(s, DaySchedule.inserted(orders.get(s), position[pick][pickSlot], todo.get(pick).node.id));
                done[pick] = true;
                for (int j = 0; j < todo.size(); j++) {
                    if (!done[j]) {
                        evaluate(week, s, orders, todo.get(j), cost[j], position[j], pickSlot, continuityMinutes);
                    }
                }
            }
        }
        return orders;
    }

    private static void evaluate(
            PreparedWeek week,
            Slot slot,
            Map<Slot, int[]> orders,
            Req r,
            int[] cost,
            int[] position,
            int k,
            int continuityMinutes) {
        int[] ins = DaySchedule.cheapestInsertion(week, slot, orders.get(slot), r.node.id);
        if (ins == null) {
            cost[k] = NONE;
            return;
        }
        String usual = r.request.usualCounsellorId();
        cost[k] = ins[1] + (usual == null || usual.equals(slot.counsellor.id()) ? 0 : continuityMinutes);
        position[k] = ins[0];
    }
}
