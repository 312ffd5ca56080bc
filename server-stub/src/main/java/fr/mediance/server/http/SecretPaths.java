package fr.mediance.server.http;

import java.util.regex.Pattern;

/**
 * Paths that carry a secret (a phone-calendar feed's address is its secret): what is logged or echoed in a problem
 * answer shows them with the secret masked.
 */
public final class SecretPaths {
    private static final Pattern CALENDAR_FEED = Pattern.compile("(/calendar/)[^/]+(\\.ics)$");

    private SecretPaths() {}

    /** The path with its secret masked ({@code /api/v1/calendar/***.ics}); any other path unchanged. */
    public static String masked(String path) {
        if (path == null || !path.endsWith(".ics")) {
            return path;
        }
        return CALENDAR_FEED.matcher(path).replaceFirst("$1***$2");
    }
}
