package fr.mediance.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import org.junit.jupiter.api.Test;

class SecretPathsTest {
    @Test
    void aFeedsSecretIsMaskedAndOtherPathsAreKept() {
        String secret = "AbC-_123".repeat(5) + "xyz";
        assertThat(SecretPaths.masked(ApiPaths.calendarFeed(secret))).isEqualTo("/api/v1/calendar/***.ics");
        assertThat(SecretPaths.masked(ApiPaths.CALENDAR_EXPORT)).isEqualTo(ApiPaths.CALENDAR_EXPORT);
        assertThat(SecretPaths.masked(ApiPaths.CALENDAR_LINKS)).isEqualTo(ApiPaths.CALENDAR_LINKS);
        assertThat(SecretPaths.masked(null)).isNull();
    }
}
