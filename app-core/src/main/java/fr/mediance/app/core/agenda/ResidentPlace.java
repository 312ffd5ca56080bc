package fr.mediance.app.core.agenda;

import fr.mediance.protocol.GeoPointDto;

/**
 * Where a resident of a planned appointment lives, as the week's board shows it: the file number, the
 * neighbourhood (postcode and city) and the home's point on the map ({@code location}: null while the office has
 * not placed it).
 */
public record ResidentPlace(String residentId, String fileNumber, String postcode, String city, GeoPointDto location) {
    /** "13015 Marseille", or empty. */
    public String neighbourhood() {
        String p = postcode == null ? "" : postcode.strip();
        String c = city == null ? "" : city.strip();
        return (p + " " + c).strip();
    }
}
