package fr.mediance.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a visit takes place, no closer than its neighbourhood: Marseille's postcodes 13001 to 13016 are its
 * arrondissements (« Marseille 1er » … « Marseille 16e »), any other place is its city. Never a street. The one rule
 * of the phone calendars (office server) and of the app's lists of residents to visit.
 */
public final class Neighbourhoods {
    private static final Pattern POSTCODE = Pattern.compile("\\b(\\d{5})\\b");

    private Neighbourhoods() {}

    /**
     * The neighbourhood of a postcode and city (either may be null); {@code fallbackAddress}, an appointment's own
     * address, gives the postcode when the resident's is unknown. Null when nothing is known.
     */
    public static String of(String postcode, String city, String fallbackAddress) {
        String code = postcode == null ? null : postcode.strip();
        if ((code == null || code.isEmpty()) && fallbackAddress != null) {
            Matcher m = POSTCODE.matcher(fallbackAddress);
            code = m.find() ? m.group(1) : null;
        }
        if (code != null && code.matches("130(0[1-9]|1[0-6])")) {
            int n = Integer.parseInt(code.substring(3));
            return "Marseille " + n + (n == 1 ? "er" : "e");
        }
        if (city != null && !city.isBlank()) {
            return city.strip();
        }
        return null;
    }
}
