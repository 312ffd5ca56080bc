package fr.mediance.server.calendar;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.CalendarLinksResponse;
import fr.mediance.protocol.Role;
import fr.mediance.server.DomainException;
import fr.mediance.server.audit.Auditor;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The phone calendars over HTTP: feed links (create, list, revoke), the feed itself (no account: its address is its
 * secret, which is never logged — the error log and problem answers mask it), the {@code .ics} export and the day
 * sheet. Every access is written in the audit log; the feed's, in the name of the link's counsellor.
 */
public final class CalendarController {
    private static final String FEED_NOT_FOUND = "Ce calendrier n'existe pas ou son lien a été révoqué.";

    private final CalendarService calendars;
    private final Authenticator authenticator;
    private final Auditor auditor;
    private final FeedThrottle throttle;

    public CalendarController(CalendarService calendars, Authenticator authenticator, Auditor auditor, Clock clock) {
        this.calendars = calendars;
        this.authenticator = authenticator;
        this.auditor = auditor;
        this.throttle = new FeedThrottle(clock);
    }

    public void routes(RoutesConfig r) {
        r.get(ApiPaths.CALENDAR_LINKS, this::list);
        r.post(ApiPaths.CALENDAR_LINKS, this::create);
        r.delete(ApiPaths.CALENDAR_LINK, this::revoke);
        r.get(ApiPaths.CALENDAR_FEED, this::feed);
        r.get(ApiPaths.CALENDAR_EXPORT, this::export);
        r.get(ApiPaths.DAY_SHEET, this::daySheet);
    }

    private void list(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN);
        Responses.ok(
                ctx, new CalendarLinksResponse(calendars.links(caller, ctx.queryParam(ApiPaths.PARAM_COUNSELLOR))));
    }

    private void create(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN);
        var created = calendars.createLink(caller, ctx.queryParam(ApiPaths.PARAM_COUNSELLOR));
        auditor.record(
                caller,
                Audit.CREATE,
                Audit.ENTITY_CALENDAR_LINK,
                created.link().id(),
                null,
                "lien de calendrier créé pour " + created.link().counsellorId());
        ctx.header("Cache-Control", "no-store");
        Responses.json(ctx, 201, created);
    }

    private void revoke(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN);
        var link = calendars.revoke(caller, ctx.pathParam(ApiPaths.PARAM_LINK_ID));
        auditor.record(
                caller,
                Audit.DELETE,
                Audit.ENTITY_CALENDAR_LINK,
                link.id(),
                null,
                "lien de calendrier révoqué (" + link.counsellorId() + ")");
        Responses.ok(ctx, link);
    }

    private void feed(Context ctx) {
        String token = ctx.pathParam(ApiPaths.PARAM_CALENDAR_TOKEN);
        if (token.length() > CalendarService.MAX_TOKEN) {
            throw DomainException.notFound("not_found", FEED_NOT_FOUND);
        }
        // keyed by the secret's hash: the secrets themselves are kept nowhere
        if (!throttle.allow(fr.mediance.server.auth.Tokens.hash(token))) {
            throw new DomainException(
                            DomainException.Kind.LOCKED,
                            "too_many_requests",
                            "Ce calendrier est relevé trop souvent : réessayez dans quelques minutes.")
                    .withHeader("Retry-After", String.valueOf(FeedThrottle.WINDOW.toSeconds()));
        }
        CalendarService.Feed feed =
                calendars.feed(token).orElseThrow(() -> DomainException.notFound("not_found", FEED_NOT_FOUND));
        String etag = etag(feed.body());
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("ETag", etag);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        RoundStore.Account a = feed.counsellor();
        auditor.record(
                new AuthUser(a.id(), a.username(), a.displayName(), a.role(), a.structureId(), null),
                Audit.EXPORT,
                Audit.ENTITY_CALENDAR_LINK,
                feed.linkId(),
                null,
                "flux de calendrier relevé par une application de calendrier, " + feed.events() + " rendez-vous");
        ctx.status(200).contentType(IcsWriter.MEDIA_TYPE).result(feed.body().getBytes(StandardCharsets.UTF_8));
    }

    private void export(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COUNSELLOR, Role.COORDINATOR, Role.OFFICE, Role.ADMIN);
        CalendarService.Export export = calendars.export(
                caller,
                ctx.queryParam(ApiPaths.PARAM_COUNSELLOR),
                ctx.queryParam(ApiPaths.PARAM_FROM),
                ctx.queryParam(ApiPaths.PARAM_TO));
        auditor.record(
                caller,
                Audit.EXPORT,
                Audit.ENTITY_CALENDAR_EXPORT,
                export.counsellor().id(),
                null,
                export.fileName() + ", " + export.events() + " rendez-vous");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        ctx.status(200).contentType(IcsWriter.MEDIA_TYPE).result(export.body().getBytes(StandardCharsets.UTF_8));
    }

    private void daySheet(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COUNSELLOR, Role.COORDINATOR, Role.OFFICE, Role.ADMIN);
        CalendarService.PrintedDay day = calendars.daySheet(
                caller, ctx.queryParam(ApiPaths.PARAM_COUNSELLOR), ctx.queryParam(ApiPaths.PARAM_DAY));
        Set<String> residents = new LinkedHashSet<>();
        day.visits().forEach(v -> residents.add(v.appointment().residentId()));
        List<Auditor.Entry> entries = new ArrayList<>();
        String entityId = day.counsellor().id() + ":" + day.fileName();
        for (String residentId : residents) {
            entries.add(new Auditor.Entry(Audit.PRINT, Audit.ENTITY_DAY_SHEET, entityId, residentId, day.fileName()));
        }
        if (entries.isEmpty()) {
            entries.add(new Auditor.Entry(Audit.PRINT, Audit.ENTITY_DAY_SHEET, entityId, null, day.fileName()));
        }
        auditor.recordAll(caller, entries);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "attachment; filename=\"" + day.fileName() + "\"");
        ctx.status(200).contentType("application/pdf").result(day.pdf());
    }

    /** A strong validator of the feed's text (its events carry their last change, so it changes with them). */
    static String etag(String body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag) || c.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
