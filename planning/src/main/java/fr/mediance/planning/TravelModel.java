package fr.mediance.planning;

/**
 * Travel between two points for a counsellor on a home-visit round. The planners only ever ask for whole minutes,
 * so every implementation rounds the same way for everyone: what the optimiser plans is what the checker and the
 * coordinator see.
 */
public interface TravelModel {

    /** Travel time from {@code from} to {@code to}, in whole minutes (0 for the same point). */
    int minutes(GeoPoint from, GeoPoint to);

    /** Travelled distance from {@code from} to {@code to}, in metres. */
    double metres(GeoPoint from, GeoPoint to);
}
