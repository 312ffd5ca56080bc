package fr.mediance.protocol;

import java.util.List;

/**
 * Where a resident lives on the map (WGS 84 degrees), and how it was found: {@link #SOURCE_BAN} from the national
 * address base imported at the office, {@link #SOURCE_GEOCODER} from the public geocoding service, {@link
 * #SOURCE_MANUAL} a pin placed by hand (kept until the address changes). {@code precision} says what the point is:
 * the house number itself ({@link #PRECISION_HOUSE}), the street ({@link #PRECISION_STREET}: its middle, the
 * number being unknown) or only the town ({@link #PRECISION_TOWN}) — the last two are shown as approximate.
 * It travels whole: a pin moved changes both coordinates at once, never one of them.
 */
public record GeoPointDto(double latitude, double longitude, String source, String precision) {
    public static final String SOURCE_BAN = "ban";
    public static final String SOURCE_GEOCODER = "geocoder";
    public static final String SOURCE_MANUAL = "manual";
    public static final List<String> SOURCES = List.of(SOURCE_BAN, SOURCE_GEOCODER, SOURCE_MANUAL);

    public static final String PRECISION_HOUSE = "housenumber";
    public static final String PRECISION_STREET = "street";
    public static final String PRECISION_TOWN = "municipality";
    public static final List<String> PRECISIONS = List.of(PRECISION_HOUSE, PRECISION_STREET, PRECISION_TOWN);

    /** A pin placed by hand is where the person lives, to the door. */
    public static GeoPointDto manual(double latitude, double longitude) {
        return new GeoPointDto(latitude, longitude, SOURCE_MANUAL, PRECISION_HOUSE);
    }

    /** Whether the point is only the street's or the town's, not the door's. */
    public boolean approximate() {
        return !PRECISION_HOUSE.equals(precision);
    }

    /**
     * What is wrong with a point, in French, or null when it is acceptable: the one check of the tablet and of the
     * server.
     */
    public static String problem(GeoPointDto p) {
        if (p == null) {
            return null;
        }
        if (!Double.isFinite(p.latitude()) || p.latitude() < -90 || p.latitude() > 90) {
            return "La latitude du repère doit être comprise entre -90 et 90 degrés.";
        }
        if (!Double.isFinite(p.longitude()) || p.longitude() < -180 || p.longitude() > 180) {
            return "La longitude du repère doit être comprise entre -180 et 180 degrés.";
        }
        if (!SOURCES.contains(p.source())) {
            return "L'origine du repère est inconnue (ban, geocoder ou manual).";
        }
        if (!PRECISIONS.contains(p.precision())) {
            return "La précision du repère est inconnue (housenumber, street ou municipality).";
        }
        return null;
    }
}
