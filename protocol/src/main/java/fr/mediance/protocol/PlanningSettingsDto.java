package fr.mediance.protocol;

import java.time.Instant;

/**
 * The structure's settings for the rounds ({@link Rounds}): the office every round starts from and ends at (its
 * address, and its point on the map), and the straight-line travel estimate (distance × {@code detourFactor} ÷
 * {@code speedKmh}). {@code roadNetwork} is the server's to say (read-only): true when the office configured an
 * OpenStreetMap extract, whose road times are then used instead of the estimate. {@code office} is null until the
 * office's point is known (then no week can be proposed).
 */
public record PlanningSettingsDto(
        String officeAddress,
        GeoPointDto office,
        double detourFactor,
        double speedKmh,
        boolean roadNetwork,
        Instant updatedAt,
        String updatedBy) {}
