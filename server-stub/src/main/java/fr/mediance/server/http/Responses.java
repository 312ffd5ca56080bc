package fr.mediance.server.http;

import fr.mediance.protocol.json.MedianceJson;
import io.javalin.http.Context;

/** Writes JSON answers with the product's Gson (one adapter per wire type, no reflection). */
public final class Responses {
    public static final String JSON = "application/json; charset=utf-8";

    private Responses() {}

    public static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(MedianceJson.gson().toJson(body));
    }

    public static void ok(Context ctx, Object body) {
        json(ctx, 200, body);
    }
}
