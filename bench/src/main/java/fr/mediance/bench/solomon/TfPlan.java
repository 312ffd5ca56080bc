package fr.mediance.bench.solomon;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/** The Timefold planning solution: the fleet and the visits. */
@PlanningSolution
public class TfPlan {
    @PlanningEntityCollectionProperty
    List<TfVehicle> vehicles;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    List<TfVisit> visits;

    @PlanningScore
    HardMediumSoftLongScore score;

    public TfPlan() {}

    TfPlan(List<TfVehicle> vehicles, List<TfVisit> visits) {
        this.vehicles = vehicles;
        this.visits = visits;
    }
}
