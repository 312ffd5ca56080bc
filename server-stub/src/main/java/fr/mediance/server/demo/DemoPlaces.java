package fr.mediance.server.demo;

import fr.mediance.protocol.GeoPointDto;
import java.util.Map;

/**
 * Where the demo's fictitious residents live on the map: near the middle of their Marseille arrondissement, spread
 * by their number so that the pins of one arrondissement do not sit on each other (a few hundred metres). Demo
 * data only: a real structure's residents are placed from the national address base or by hand.
 */
final class DemoPlaces {
    /** Approximate centre of each arrondissement (latitude, longitude). */
    private static final Map<String, double[]> CENTRES = Map.ofEntries(
            Map.entry("13001", new double[] {43.2999, 5.3841}),
            Map.entry("13002", new double[] {43.3115, 5.3655}),
            Map.entry("13003", new double[] {43.3120, 5.3800}),
            Map.entry("13004", new double[] {43.3065, 5.4010}),
            Map.entry("13005", new double[] {43.2930, 5.3990}),
            Map.entry("13006", new double[] {43.2870, 5.3800}),
            Map.entry("13007", new double[] {43.2830, 5.3600}),
            Map.entry("13008", new double[] {43.2500, 5.3850}),
            Map.entry("13009", new double[] {43.2500, 5.4400}),
            Map.entry("13010", new double[] {43.2760, 5.4250}),
            Map.entry("13011", new double[] {43.2900, 5.4750}),
            Map.entry("13012", new double[] {43.3080, 5.4400}),
            Map.entry("13013", new double[] {43.3480, 5.4300}),
            Map.entry("13014", new double[] {43.3450, 5.3900}),
            Map.entry("13015", new double[] {43.3560, 5.3600}),
            Map.entry("13016", new double[] {43.3630, 5.3150}));

    private DemoPlaces() {}

    /** A pin for demo resident number {@code n} of {@code postcode}, or none outside Marseille. */
    static GeoPointDto near(String postcode, int n) {
        double[] c = CENTRES.get(postcode);
        if (c == null) {
            return null;
        }
        double angle = n * 2.399963; // the golden angle: successive pins spread evenly around the centre
        double radius = 0.0015 * (1 + n % 5); // 150 m to 750 m
        double lat = c[0] + radius * Math.sin(angle);
        double lon = c[1] + radius * Math.cos(angle) * 1.37; // a degree of longitude is shorter at 43° N
        return new GeoPointDto(
                Math.round(lat * 1e6) / 1e6,
                Math.round(lon * 1e6) / 1e6,
                GeoPointDto.SOURCE_BAN,
                GeoPointDto.PRECISION_HOUSE);
    }
}
