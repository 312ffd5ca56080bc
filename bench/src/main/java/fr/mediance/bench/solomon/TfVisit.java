package fr.mediance.bench.solomon;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.CascadingUpdateShadowVariable;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;

/**
 * A customer in the Timefold model. Times are in thousandths of a time unit, travel times rounded up, so that a
 * schedule on time here is on time in double precision.
 */
@PlanningEntity
public class TfVisit {
    @PlanningId
    int id;

    int demand;
    long ready;
    long due;
    long service;
    long[][] travel;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    TfVehicle vehicle;

    @PreviousElementShadowVariable(sourceVariableName = "visits")
    TfVisit previous;

    @CascadingUpdateShadowVariable(targetMethodName = "updateArrival")
    Long arrival;

    public TfVisit() {}

    TfVisit(int id, int demand, long ready, long due, long service, long[][] travel) {
        this.id = id;
        this.demand = demand;
        this.ready = ready;
        this.due = due;
        this.service = service;
        this.travel = travel;
    }

    void updateArrival() {
        if (vehicle == null) {
            arrival = null;
        } else if (previous == null) {
            arrival = vehicle.start + travel[0][id];
        } else if (previous.arrival == null) {
            arrival = null;
        } else {
            arrival = previous.departure() + travel[previous.id][id];
        }
    }

    long start() {
        return Math.max(arrival, ready);
    }

    long departure() {
        return start() + service;
    }

    /** How late the service starts after the due date (0 when on time). */
    long lateness() {
        return arrival == null ? 0 : Math.max(0, start() - due);
    }
}
