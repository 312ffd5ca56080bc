package fr.mediance.app.core.platform;

import java.time.Instant;

/**
 * A position read from the device: degrees, the accuracy in metres when the platform gives it (null
 * otherwise), and when it was read. Never logged.
 */
public record Position(double latitude, double longitude, Double accuracyMeters, Instant at) {
    @Override
    public String toString() {
        return "Position[hidden]";
    }
}
