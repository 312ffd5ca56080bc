package fr.mediance.server.geo;

import fr.mediance.protocol.GeoPointDto;

/** Finds where an address is. */
public interface Geocoder {
    /** What was found: a place, nothing (the address is unknown), or no answer (try again later). */
    sealed interface Result permits Found, NotFound, Unavailable {}

    record Found(GeoPointDto point) implements Result {}

    record NotFound() implements Result {}

    record Unavailable(String why) implements Result {}

    /** {@code street} is the whole street line as typed (« 12 bis bd National »). */
    Result locate(String street, String postcode, String city);

    /** Whether it asks a service over the network (left out of a run once that service has not answered). */
    default boolean remote() {
        return false;
    }
}
