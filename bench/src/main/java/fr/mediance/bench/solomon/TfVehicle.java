package fr.mediance.bench.solomon;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;

/** A vehicle in the Timefold model: its list of visits in order, from and back to the depot. */
@PlanningEntity
public class TfVehicle {
    @PlanningId
    int id;

    int capacity;
    long start;
    long end;
    long[][] travel;
    long[][] distance;

    @PlanningListVariable
    List<TfVisit> visits = new ArrayList<>();

    public TfVehicle() {}

    TfVehicle(int id, int capacity, long start, long end, long[][] travel, long[][] distance) {
        this.id = id;
        this.capacity = capacity;
        this.start = start;
        this.end = end;
        this.travel = travel;
        this.distance = distance;
    }

    int overload() {
        int load = 0;
        for (TfVisit v : visits) {
            load += v.demand;
        }
        return Math.max(0, load - capacity);
    }

    long distance() {
        long total = 0;
        int prev = 0;
        for (TfVisit v : visits) {
            total += distance[prev][v.id];
            prev = v.id;
        }
        return total + distance[prev][0];
    }

    long lateBack() {
        if (visits.isEmpty()) {
            return 0;
        }
        TfVisit last = visits.get(visits.size() - 1);
        if (last.arrival == null) {
            return 0;
        }
        return Math.max(0, last.departure() + travel[last.id][0] - end);
    }
}
