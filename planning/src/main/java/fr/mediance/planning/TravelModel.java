package fr.mediance.planning;

import java.util.List;

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

    /**
     * The travel times between every two of {@code points}, in whole minutes: {@code matrix[i][j]} is
     * {@link #minutes minutes(points[i], points[j])}, and 0 on the diagonal. This default asks {@link #minutes} for
     * every pair; a road network answers the whole matrix with one search from each point instead, with the same
     * numbers.
     */
    default int[][] minutesMatrix(List<GeoPoint> points) {
        int n = points.size();
        int[][] matrix = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                matrix[i][j] = i == j ? 0 : minutes(points.get(i), points.get(j));
            }
        }
        return matrix;
    }
}
