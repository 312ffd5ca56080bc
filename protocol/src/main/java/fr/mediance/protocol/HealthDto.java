package fr.mediance.protocol;

import java.time.Instant;

/** Answer of {@link ApiPaths#HEALTH}. */
public record HealthDto(String status, String version, Instant time) {}
