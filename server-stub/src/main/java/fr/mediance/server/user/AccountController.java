package fr.mediance.server.user;

import fr.mediance.protocol.AccountRequest;
import fr.mediance.protocol.AccountsResponse;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.DevicesResponse;
import fr.mediance.protocol.Role;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.http.JsonBodies;
import fr.mediance.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Accounts and devices: admin and office (the office for counsellor accounts only, checked by the service). */
public final class AccountController {
    private final AccountService accounts;
    private final Authenticator authenticator;

    public AccountController(AccountService accounts, Authenticator authenticator) {
        this.accounts = accounts;
        this.authenticator = authenticator;
    }

    public void routes(RoutesConfig r) {
        r.get(ApiPaths.ACCOUNTS, this::list);
        r.post(ApiPaths.ACCOUNTS, this::create);
        r.put(ApiPaths.ACCOUNT, this::update);
        r.post(ApiPaths.ACCOUNT_RESET, this::reset);
        r.get(ApiPaths.ACCOUNT_DEVICES, this::devices);
        r.post(ApiPaths.DEVICE_REVOKE, this::revoke);
    }

    private AuthUser manager(Context ctx) {
        return authenticator.require(ctx, Role.ADMIN, Role.OFFICE);
    }

    private void list(Context ctx) {
        Responses.ok(ctx, new AccountsResponse(accounts.list(manager(ctx))));
    }

    private void create(Context ctx) {
        AuthUser caller = manager(ctx);
        Responses.json(ctx, 201, accounts.create(caller, JsonBodies.read(ctx, AccountRequest.class)));
    }

    private void update(Context ctx) {
        AuthUser caller = manager(ctx);
        Responses.ok(
                ctx,
                accounts.update(
                        caller, ctx.pathParam(ApiPaths.PARAM_ACCOUNT_ID), JsonBodies.read(ctx, AccountRequest.class)));
    }

    private void reset(Context ctx) {
        AuthUser caller = manager(ctx);
        Responses.ok(ctx, accounts.reset(caller, ctx.pathParam(ApiPaths.PARAM_ACCOUNT_ID)));
    }

    private void devices(Context ctx) {
        AuthUser caller = manager(ctx);
        Responses.ok(ctx, new DevicesResponse(accounts.devices(caller, ctx.pathParam(ApiPaths.PARAM_ACCOUNT_ID))));
    }

    private void revoke(Context ctx) {
        AuthUser caller = manager(ctx);
        Responses.ok(ctx, accounts.revokeDevice(caller, ctx.pathParam(ApiPaths.PARAM_DEVICE_REF)));
    }
}
