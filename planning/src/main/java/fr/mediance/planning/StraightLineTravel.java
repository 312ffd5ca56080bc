package fr.mediance.planning;

/**
 * The default travel model: straight-line (haversine) distance times a detour factor, at a constant speed, rounded up
 * to the next minute.
 *
 * <p>The defaults are for Marseille by car: a road trip across the city is about 1.3 times the straight line (the
 * hills, the one-way streets of the centre and the coast road make it more than the 1.2 of a grid city), and a
 * counsellor's door-to-door speed, parking included, is about 20 km/h in the day's traffic (the city's average car
 * speed at rush hour is well under 20 km/h; between rush hours it is a little more, and finding a place to park takes
 * what is gained). A road-time model (a routing engine's matrix) implements {@link TravelModel} in its place.
 */
public final class StraightLineTravel implements TravelModel {

    /** Default detour factor (road distance ÷ straight-line distance) for Marseille. */
    public static final double DEFAULT_DETOUR_FACTOR = 1.3;

    /** Default door-to-door speed by car in Marseille, parking included, in km/h. */
    public static final double DEFAULT_SPEED_KMH = 20.0;

    private static final double EARTH_RADIUS_METRES = 6_371_000.0;

    private final double detourFactor;
    private final double speedKmh;

    /** The Marseille defaults: detour 1.3, 20 km/h. */
    public StraightLineTravel() {
        this(DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH);
    }

    /**
     * @param detourFactor road distance ÷ straight-line distance, at least 1
     * @param speedKmh door-to-door speed in km/h, positive
     */
    public StraightLineTravel(double detourFactor, double speedKmh) {
        if (!(detourFactor >= 1.0) || !Double.isFinite(detourFactor)) {
            throw new IllegalArgumentException(
                    "Le facteur de détour doit être un nombre au moins égal à 1 : " + detourFactor);
        }
        if (!(speedKmh > 0.0) || !Double.isFinite(speedKmh)) {
            throw new IllegalArgumentException("La vitesse doit être un nombre positif de km/h : " + speedKmh);
        }
        this.detourFactor = detourFactor;
        this.speedKmh = speedKmh;
    }

    public double detourFactor() {
        return detourFactor;
    }

    public double speedKmh() {
        return speedKmh;
    }

    @Override
    public double metres(GeoPoint from, GeoPoint to) {
        return haversineMetres(from, to) * detourFactor;
    }

    @Override
    public int minutes(GeoPoint from, GeoPoint to) {
        double metres = metres(from, to);
        if (metres < 1.0) {
            return 0;
        }
        return (int) Math.ceil(metres / 1000.0 / speedKmh * 60.0 - 1e-9);
    }

    /** Great-circle distance between two points, in metres. */
    public static double haversineMetres(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
