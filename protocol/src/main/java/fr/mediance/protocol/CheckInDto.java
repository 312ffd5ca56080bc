package fr.mediance.protocol;

import java.time.Instant;

/**
 * The position recorded when the counsellor taps "Je suis arrivé·e" (optional): latitude and longitude in
 * millionths of a degree, the reported accuracy in metres, and when.
 */
public record CheckInDto(long latitudeE6, long longitudeE6, Long accuracyMeters, Instant at) {}
