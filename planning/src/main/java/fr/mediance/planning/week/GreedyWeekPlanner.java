package fr.mediance.planning.week;

import fr.mediance.planning.StraightLineTravel;
import fr.mediance.planning.TravelModel;
import fr.mediance.planning.week.PreparedWeek.Req;
import fr.mediance.planning.week.PreparedWeek.Slot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan a coordinator would make by hand, as a baseline for the optimiser: the urgent requests first, by deadline
 * (then rank), each on the earliest day it fits, with the usual counsellor when she has room that day, at the best
 * place in the round; then, for each counsellor-day in order, again and again the request nearest to the last one
 * added (the office at first) that still fits the day. Same rules, same output as {@link WeekPlanner}.
 */
public final class GreedyWeekPlanner implements WeekProposer {

    private final TravelModel travel;

    public GreedyWeekPlanner() {
        this(new StraightLineTravel());
    }

    public GreedyWeekPlanner(TravelModel travel) {
        this.travel = travel;
    }

    /** {@inheritDoc} The time limit is not used: the greedy plan takes milliseconds. */
    @Override
    public WeekPlan propose(WeekProblem problem, Duration timeLimit) {
        PreparedWeek week = new PreparedWeek(problem, travel);
        if (!week.plannable) {
            return new PlanBuilder(week, Map.of()).build();
        }
        return new PlanBuilder(week, rounds(week)).build();
    }

    /** The hand-made rounds: each slot's stops in order, existing appointments included. */
    static Map<Slot, int[]> rounds(PreparedWeek week) {
        Map<Slot, int[]> orders = new LinkedHashMap<>();
        List<Slot> slots = new ArrayList<>(week.slots);
        slots.sort(Comparator.comparingInt((Slot s) -> s.day)
                .thenComparingInt(s -> week.counsellors.indexOf(s.counsellor)));
        for (Slot s : slots) {
            orders.put(s, s.fixed.stream().mapToInt(n -> n.id).toArray());
        }
        Set<Integer> placed = new HashSet<>();
        List<Req> urgent = new ArrayList<>(
                week.requests.stream().filter(r -> r.request.urgent()).toList());
        urgent.sort(Comparator.comparing((Req r) -> r.request.urgentDeadline())
                .thenComparingInt(r -> r.request.urgencyRank() <= 0 ? Integer.MAX_VALUE : r.request.urgencyRank()));
        for (Req r : urgent) {
            for (int day = 0; day < 7 && !placed.contains(r.node.id); day++) {
                Slot bestSlot = null;
                int[] best = null;
                for (Slot s : slots) {
                    if (s.day != day) {
                        continue;
                    }
                    int[] ins = DaySchedule.cheapestInsertion(week, s, orders.get(s), r.node.id);
                    if (ins == null) {
                        continue;
                    }
                    boolean usual = s.counsellor.id().equals(r.request.usualCounsellorId());
                    if (usual || best == null || ins[1] < best[1]) {
                        bestSlot = s;
                        best = ins;
                    }
                    if (usual) {
                        break;
                    }
                }
                if (bestSlot != null) {
                    orders.put(bestSlot, DaySchedule.inserted(orders.get(bestSlot), best[0], r.node.id));
                    placed.add(r.node.id);
                }
            }
        }
        for (Slot s : slots) {
            if (!s.open) {
                continue;
            }
            int last = PreparedWeek.OFFICE;
            while (true) {
                List<Req> candidates = new ArrayList<>();
                for (Req r : week.requests) {
                    if (!placed.contains(r.node.id) && !r.request.urgent() && r.node.windows.length > 0) {
                        candidates.add(r);
                    }
                }
                int from = last;
                candidates.sort(Comparator.comparingInt((Req r) -> week.travel[from][r.node.id])
                        .thenComparing(r -> r.request.id()));
                boolean added = false;
                for (Req r : candidates) {
                    int[] ins = DaySchedule.cheapestInsertion(week, s, orders.get(s), r.node.id);
                    if (ins != null) {
                        orders.put(s, DaySchedule.inserted(orders.get(s), ins[0], r.node.id));
                        placed.add(r.node.id);
                        last = r.node.id;
                        added = true;
                        break;
                    }
                }
                if (!added) {
                    break;
                }
            }
        }
        return orders;
    }
}
