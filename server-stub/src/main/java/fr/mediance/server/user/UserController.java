package fr.mediance.server.user;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.db.Database;
import fr.mediance.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The accounts of the caller's structure (to pick a counsellor when planning). */
public final class UserController {
    private final Database db;
    private final UserStore users;
    private final Authenticator authenticator;

    public UserController(Database db, UserStore users, Authenticator authenticator) {
        this.db = db;
        this.users = users;
        this.authenticator = authenticator;
    }

    public void routes(RoutesConfig r) {
        r.get(ApiPaths.USERS, this::list);
    }

    private void list(Context ctx) {
        AuthUser caller = authenticator.requireAny(ctx);
        String roleParam = ctx.queryParam(ApiPaths.PARAM_ROLE);
        Role role = null;
        if (roleParam != null && !roleParam.isEmpty()) {
            role = Role.fromCode(roleParam);
            if (role == null) {
                throw DomainException.invalid(
                        "invalid_role", "Rôle inconnu : utilisez counsellor, coordinator, " + "office ou admin.");
            }
        }
        Role filter = role;
        UsersResponse response =
                new UsersResponse(db.read(tx -> users.listActive(tx, caller.structureId(), filter)).stream()
                        .map(UserRecord::toDto)
                        .toList());
        Responses.ok(ctx, response);
    }
}
