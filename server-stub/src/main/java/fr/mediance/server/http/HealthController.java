package fr.mediance.server.http;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.HealthDto;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/** {@code GET /api/v1/health}: no authentication, says the server is up and which version it runs. */
public final class HealthController {
    private final String version;
    private final Clock clock;

    public HealthController(String version, Clock clock) {
        this.version = version;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.get(ApiPaths.HEALTH, ctx -> Responses.ok(ctx, new HealthDto("ok", version, clock.instant())));
    }
}
