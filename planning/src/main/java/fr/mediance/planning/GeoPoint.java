package fr.mediance.planning;

/**
 * A point on the map, in WGS 84 degrees.
 *
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {

    /** Whether both coordinates are finite numbers within their ranges. */
    public boolean isValid() {
        return Double.isFinite(latitude)
                && Double.isFinite(longitude)
                && Math.abs(latitude) <= 90
                && Math.abs(longitude) <= 180;
    }
}
