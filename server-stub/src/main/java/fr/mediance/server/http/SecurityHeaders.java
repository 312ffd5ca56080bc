package fr.mediance.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The headers every answer carries, set in one place before any route runs (a route may narrow them, e.g. a blob's
 * download). Every answer is personal data or a token, or says something about them: nothing is cached
 * ({@code no-store}), nothing is sniffed into another type, nothing is rendered or framed by a browser.
 */
public final class SecurityHeaders {
    /** The headers and their values, also written by {@link ProblemErrorHandler} on the HTTP layer's refusals. */
    public static final Map<String, String> ALL = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store",
            "Pragma", "no-cache",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");

    private SecurityHeaders() {}

    public static void register(RoutesConfig routes) {
        routes.before(SecurityHeaders::apply);
    }

    static void apply(Context ctx) {
        ALL.forEach(ctx::header);
    }
}
