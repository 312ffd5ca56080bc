package fr.mediance.server.auth;

import fr.mediance.protocol.Role;
import fr.mediance.server.DomainException;
import io.javalin.http.Context;

/** Resolves the caller of a request from {@code Authorization: Bearer ...} and checks their role. */
public final class Authenticator {
    private static final String PREFIX = "Bearer ";

    private final AuthService auth;

    public Authenticator(AuthService auth) {
        this.auth = auth;
    }

    /** The caller, if their role is one of {@code roles}; a 401 or 403 problem otherwise. */
    public AuthUser require(Context ctx, Role... roles) {
        return require(ctx, false, roles);
    }

    /**
     * The same for the routes a revoked device may still call until its wipe deadline (push, uploads and file
     * sends, its access events, logout), so that what it holds unsent reaches the office before it wipes its
     * store. Nothing it could read is among them.
     */
    public AuthUser requireWhileRevoked(Context ctx, Role... roles) {
        return require(ctx, true, roles);
    }

    /** Notes that the caller's device has just synchronised. */
    public void recordSync(AuthUser user) {
        auth.recordSync(user);
    }

    private AuthUser require(Context ctx, boolean whileRevoked, Role... roles) {
        String header = ctx.header("Authorization");
        if (header == null
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || header.substring(PREFIX.length()).isBlank()) {
            throw DomainException.unauthenticated(
                    "unauthenticated",
                    "Authentification requise : envoyez l'en-tête « Authorization: Bearer <jeton d'accès> ».");
        }
        AuthUser user = auth.authenticate(header.substring(PREFIX.length()).trim(), whileRevoked);
        if (!AuthService.allowed(user.role(), roles)) {
            throw DomainException.forbidden("Votre rôle ne permet pas cette action.");
        }
        return user;
    }

    /** Any signed-in account. */
    public AuthUser requireAny(Context ctx) {
        return require(ctx, Role.values());
    }
}
