package fr.mediance.planning.week;

import fr.mediance.planning.week.PreparedWeek.Node;
import fr.mediance.planning.week.PreparedWeek.Slot;

/**
 * The times of one round, given its stops in order: the rule every planner shares for when things happen.
 *
 * <p>The counsellor leaves the office at the start of the working day, goes to each stop, starts it as soon as she
 * is there and its window is open, and comes back. The lunch break is taken as late as it can be: before the first
 * stop that would end too late to leave room for it after, at the earliest moment the window allows (at the previous
 * stop's door, or at the office), or at the office after the round when the round is back in time. A round is
 * feasible when every stop starts in one of its windows, the lunch fits in its window, and the counsellor is back by
 * the end of the working day.
 */
final class DaySchedule {

    /** Start of each stop, in the given order (minutes of the week). */
    final int[] start;
    /** Travel to each stop from the previous one (or the office). */
    final int[] travelBefore;
    /** Start of the lunch break, or -1 when the day has none. */
    final int lunchStart;

    final int travelBack;
    final int returnTime;
    final int departure;
    final int travel;

    private DaySchedule(
            int[] start, int[] travelBefore, int lunchStart, int travelBack, int returnTime, int departure) {
        this.start = start;
        this.travelBefore = travelBefore;
        this.lunchStart = lunchStart;
        this.travelBack = travelBack;
        this.returnTime = returnTime;
        this.departure = departure;
        int t = travelBack;
        for (int x : travelBefore) {
            t += x;
        }
        this.travel = t;
    }

    /** The schedule of these stops (node ids) in this order, or {@code null} when it is not feasible. */
    static DaySchedule of(PreparedWeek week, Slot slot, int[] order) {
        int[][] tt = week.travel;
        int n = order.length;
        int[] start = new int[n];
        int[] before = new int[n];
        int t = slot.start;
        int at = PreparedWeek.OFFICE;
        boolean lunchDone = !slot.lunchRequired;
        int lunchStart = -1;
        for (int i = 0; i < n; i++) {
            Node node = week.nodes.get(order[i]);
            int leg = tt[at][node.id];
            int s = earliestStart(node, t + leg);
            if (!lunchDone && (s < 0 || s + node.duration > slot.lunchLatest - slot.lunchMinutes)) {
                // the lunch cannot wait until after this stop: take it here, then go
                int ls = Math.max(t, slot.lunchEarliest);
                if (ls + slot.lunchMinutes > slot.lunchLatest) {
                    return null;
                }
                lunchStart = ls;
                lunchDone = true;
                t = ls + slot.lunchMinutes;
                s = earliestStart(node, t + leg);
            }
            if (s < 0) {
                return null;
            }
            start[i] = s;
            before[i] = leg;
            t = s + node.duration;
            at = node.id;
        }
        int back = tt[at][PreparedWeek.OFFICE];
        if (!lunchDone) {
            int atOffice = Math.max(t + back, slot.lunchEarliest);
            if (atOffice + slot.lunchMinutes <= slot.lunchLatest) {
                lunchStart = atOffice;
            } else {
                int ls = Math.max(t, slot.lunchEarliest);
                if (ls + slot.lunchMinutes > slot.lunchLatest) {
                    return null;
                }
                lunchStart = ls;
                t = ls + slot.lunchMinutes;
            }
        }
        int ret = t + back;
        if (ret > slot.end) {
            return null;
        }
        return new DaySchedule(start, before, lunchStart, back, ret, slot.start);
    }

    /** The times of a day taken as they are (existing appointments that do not fit: shown, not planned around). */
    static DaySchedule fixedTimes(int[] start, int[] travelBefore, int travelBack, int returnTime, int departure) {
        return new DaySchedule(start, travelBefore, -1, travelBack, returnTime, departure);
    }

    /**
     * Whether these stops in this order make a feasible round: the same rule as {@link #of}, without building the
     * times (the solver asks this for every place it tries).
     */
    static boolean feasible(PreparedWeek week, Slot slot, int[] order) {
        return startOf(week, slot, order, -1) != -1;
    }

    /**
     * The start of the stop at {@code position} when these stops in this order make a feasible round, -1 when they
     * do not ({@code position} -1: 0 when feasible).
     */
    static int startOf(PreparedWeek week, Slot slot, int[] order, int position) {
        int[][] tt = week.travel;
        int result = 0;
        int t = slot.start;
        int at = PreparedWeek.OFFICE;
        boolean lunchDone = !slot.lunchRequired;
        for (int i = 0; i < order.length; i++) {
            int id = order[i];
            Node node = week.nodes.get(id);
            int leg = tt[at][id];
            int s = earliestStart(node, t + leg);
            if (!lunchDone && (s < 0 || s + node.duration > slot.lunchLatest - slot.lunchMinutes)) {
                int ls = Math.max(t, slot.lunchEarliest);
                if (ls + slot.lunchMinutes > slot.lunchLatest) {
                    return -1;
                }
                lunchDone = true;
                t = ls + slot.lunchMinutes;
                s = earliestStart(node, t + leg);
            }
            if (s < 0) {
                return -1;
            }
            if (i == position) {
                result = s;
            }
            t = s + node.duration;
            at = id;
        }
        int back = tt[at][PreparedWeek.OFFICE];
        if (!lunchDone && Math.max(t + back, slot.lunchEarliest) + slot.lunchMinutes > slot.lunchLatest) {
            int ls = Math.max(t, slot.lunchEarliest);
            if (ls + slot.lunchMinutes > slot.lunchLatest) {
                return -1;
            }
            t = ls + slot.lunchMinutes;
        }
        return t + back <= slot.end ? result : -1;
    }

    /** The earliest start at or after {@code arrival} in one of the node's windows, or -1. */
    private static int earliestStart(Node node, int arrival) {
        for (int[] w : node.windows) {
            if (arrival <= w[1]) {
                return Math.max(arrival, w[0]);
            }
        }
        return -1;
    }

    /** The order with {@code node} inserted at {@code position}. */
    static int[] inserted(int[] order, int position, int node) {
        int[] result = new int[order.length + 1];
        System.arraycopy(order, 0, result, 0, position);
        result[position] = node;
        System.arraycopy(order, position, result, position + 1, order.length - position);
        return result;
    }

    /** The order without the node at {@code position}. */
    static int[] removed(int[] order, int position) {
        int[] result = new int[order.length - 1];
        System.arraycopy(order, 0, result, 0, position);
        System.arraycopy(order, position + 1, result, position, order.length - position - 1);
        return result;
    }

    /** The cheapest feasible insertion of a node in a round: {position, added travel}, or {@code null}. */
    static int[] cheapestInsertion(PreparedWeek week, Slot slot, int[] order, int node) {
        if (!slot.open) {
            return null;
        }
        int[][] tt = week.travel;
        int[] best = null;
        for (int p = 0; p <= order.length; p++) {
            int prev = p == 0 ? PreparedWeek.OFFICE : order[p - 1];
            int next = p == order.length ? PreparedWeek.OFFICE : order[p];
            int added = tt[prev][node] + tt[node][next] - tt[prev][next];
            if (best != null && added >= best[1]) {
                continue;
            }
            if (feasible(week, slot, inserted(order, p, node))) {
                best = new int[] {p, added};
            }
        }
        return best;
    }
}
