package fr.mediance.server.sync;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.PushRequest;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.http.JsonBodies;
import fr.mediance.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Push (every role; what each may write is decided per operation: {@code Permissions.PUSHERS}, then the family) and
 * pull (every role, scoped).
 */
public final class SyncController {
    private final PushService push;
    private final ChangesService changes;
    private final Authenticator authenticator;

    public SyncController(PushService push, ChangesService changes, Authenticator authenticator) {
        this.push = push;
        this.changes = changes;
        this.authenticator = authenticator;
    }

    public void routes(RoutesConfig r) {
        r.post(ApiPaths.SYNC_PUSH, this::push);
        r.get(ApiPaths.SYNC_CHANGES, this::changes);
    }

    private void push(Context ctx) {
        // A revoked device still pushes what it holds until its wipe deadline; its pull is refused.
        AuthUser user = authenticator.requireWhileRevoked(ctx, fr.mediance.protocol.Role.values());
        PushRequest request = JsonBodies.read(ctx, PushRequest.class);
        Responses.ok(ctx, push.push(user, request));
    }

    private void changes(Context ctx) {
        AuthUser user = authenticator.requireAny(ctx);
        authenticator.recordSync(user);
        Responses.ok(ctx, changes.changes(user, ctx.queryParam(ApiPaths.PARAM_SINCE), limit(ctx)));
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam(ApiPaths.PARAM_LIMIT);
        if (text == null || text.isEmpty()) {
            return Limits.DEFAULT_CHANGES_PAGE;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return Math.min(n, Limits.MAX_CHANGES_PAGE);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.invalid(
                "invalid_limit",
                "Le paramètre « limit » doit être un entier entre 1 et " + Limits.MAX_CHANGES_PAGE + ".");
    }
}
