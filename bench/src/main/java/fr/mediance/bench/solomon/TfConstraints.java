package fr.mediance.bench.solomon;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/** Hard: capacity, time windows, depot horizon. Medium: vehicles used. Soft: distance (thousandths). */
public class TfConstraints implements ConstraintProvider {
    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            factory.forEach(TfVehicle.class)
                    .filter(v -> v.overload() > 0)
                    .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> v.overload() * 1000L)
                    .asConstraint("capacity"),
            factory.forEach(TfVisit.class)
                    .filter(v -> v.lateness() > 0)
                    .penalizeLong(HardMediumSoftLongScore.ONE_HARD, TfVisit::lateness)
                    .asConstraint("time window"),
            factory.forEach(TfVehicle.class)
                    .filter(v -> v.lateBack() > 0)
                    .penalizeLong(HardMediumSoftLongScore.ONE_HARD, TfVehicle::lateBack)
                    .asConstraint("depot horizon"),
            factory.forEach(TfVehicle.class)
                    .filter(v -> !v.visits.isEmpty())
                    .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
                    .asConstraint("vehicles"),
            factory.forEach(TfVehicle.class)
                    .filter(v -> !v.visits.isEmpty())
                    .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, TfVehicle::distance)
                    .asConstraint("distance"),
        };
    }
}
