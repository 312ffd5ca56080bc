package fr.mediance.server.auth;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.server.http.JsonBodies;
import fr.mediance.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Login, the second factor's enrolment, token refresh, logout and "who am I". */
public final class AuthController {
    private final AuthService auth;
    private final Authenticator authenticator;

    public AuthController(AuthService auth, Authenticator authenticator) {
        this.auth = auth;
        this.authenticator = authenticator;
    }

    public void routes(RoutesConfig r) {
        r.post(ApiPaths.LOGIN, this::login);
        r.post(ApiPaths.REFRESH, this::refresh);
        r.post(ApiPaths.TOTP_ENROL, this::enrolTotp);
        r.post(ApiPaths.LOGOUT, this::logout);
        r.get(ApiPaths.ME, this::me);
    }

    private void login(Context ctx) {
        LoginRequest req = JsonBodies.read(ctx, LoginRequest.class);
        Responses.ok(ctx, auth.login(req, ctx.ip()));
    }

    private void enrolTotp(Context ctx) {
        LoginRequest req = JsonBodies.read(ctx, LoginRequest.class);
        Responses.ok(ctx, auth.enrolTotp(req, ctx.ip()));
    }

    private void refresh(Context ctx) {
        RefreshRequest req = JsonBodies.read(ctx, RefreshRequest.class);
        Responses.ok(ctx, auth.refresh(req.refreshToken(), req.deviceId()));
    }

    private void logout(Context ctx) {
        AuthUser user = authenticator.requireWhileRevoked(ctx, fr.mediance.protocol.Role.values());
        auth.logout(user);
        ctx.status(204);
    }

    private void me(Context ctx) {
        Responses.ok(ctx, authenticator.requireAny(ctx).toDto());
    }
}
