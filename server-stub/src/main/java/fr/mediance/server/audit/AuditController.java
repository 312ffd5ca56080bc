package fr.mediance.server.audit;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.AuditEventsRequest;
import fr.mediance.protocol.AuditPage;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.Role;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.http.JsonBodies;
import fr.mediance.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /audit/events}: a device's offline reads, prints and shares, in batches (any signed-in account; the
 * account and device are the token's). {@code GET /audit}: the journal of the caller's structure, admin only,
 * filtered and paged, newest first; reading it is itself written in it.
 */
public final class AuditController {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final AuditStore store;
    private final Auditor auditor;
    private final Authenticator authenticator;

    public AuditController(AuditStore store, Auditor auditor, Authenticator authenticator) {
        this.store = store;
        this.auditor = auditor;
        this.authenticator = authenticator;
    }

    public void routes(RoutesConfig r) {
        r.post(ApiPaths.AUDIT_EVENTS, this::events);
        r.get(ApiPaths.AUDIT, this::journal);
    }

    private void events(Context ctx) {
        // a revoked device sends its access events before it wipes itself, until its wipe deadline
        AuthUser user = authenticator.requireWhileRevoked(ctx, Role.values());
        AuditEventsRequest request = JsonBodies.read(ctx, AuditEventsRequest.class);
        if (request.events().size() > Audit.MAX_EVENTS_PER_BATCH) {
            throw DomainException.tooLarge(
                    "too_many_events",
                    "Trop d'événements dans un envoi (" + request.events().size() + ", au plus "
                            + Audit.MAX_EVENTS_PER_BATCH + ") : découpez l'envoi.");
        }
        List<FieldErrorDto> errors = new ArrayList<>();
        for (int i = 0; i < request.events().size(); i++) {
            for (String problem : Audit.problems(request.events().get(i))) {
                errors.add(new FieldErrorDto("events[" + i + "]", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "invalid_request",
                    "Des événements du journal sont invalides : rien n'a été enregistré.",
                    errors);
        }
        Responses.ok(ctx, auditor.fromDevice(user, request.events()));
    }

    private void journal(Context ctx) {
        AuthUser admin = authenticator.require(ctx, Role.ADMIN);
        String resident = bounded(ctx, ApiPaths.PARAM_RESIDENT);
        String account = bounded(ctx, ApiPaths.PARAM_ACCOUNT);
        String action = ctx.queryParam(ApiPaths.PARAM_ACTION);
        if (action != null && !action.isEmpty() && !Audit.ACTIONS.contains(action)) {
            throw DomainException.invalid(
                    "invalid_action", "L'action doit être l'une de : " + String.join(", ", Audit.ACTIONS) + ".");
        }
        LocalDate from = day(ctx, ApiPaths.PARAM_FROM);
        LocalDate to = day(ctx, ApiPaths.PARAM_TO);
        if (from != null && to != null && to.isBefore(from)) {
            throw DomainException.invalid("invalid_period", "La période va de « from » à « to », dans cet ordre.");
        }
        Long before = before(ctx);
        int limit = limit(ctx);
        AuditStore.Filter filter = new AuditStore.Filter(
                admin.structureId(),
                resident,
                account,
                action == null || action.isEmpty() ? null : action,
                from == null ? null : from.atStartOfDay(PARIS).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(PARIS).toInstant());
        AuditPage page = store.page(filter, before, limit);
        List<String> filters = new ArrayList<>();
        for (String name : List.of(
                ApiPaths.PARAM_RESIDENT,
                ApiPaths.PARAM_ACCOUNT,
                ApiPaths.PARAM_ACTION,
                ApiPaths.PARAM_FROM,
                ApiPaths.PARAM_TO,
                ApiPaths.PARAM_BEFORE)) {
            String v = ctx.queryParam(name);
            if (v != null && !v.isEmpty()) {
                filters.add(name);
            }
        }
        auditor.record(
                admin,
                Audit.READ,
                Audit.ENTITY_AUDIT_LOG,
                "journal",
                resident,
                filters.isEmpty() ? "sans filtre" : "filtres : " + String.join(", ", filters));
        Responses.ok(ctx, page);
    }

    private static String bounded(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > Limits.MAX_ID) {
            throw DomainException.invalid(
                    "invalid_filter", "Le filtre « " + name + " » fait au plus " + Limits.MAX_ID + " caractères.");
        }
        return v;
    }

    private static LocalDate day(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            day = null;
        }
        // a year far off (ISO allows +999999999) would overflow the journal's instants: refused like a bad date
        if (day == null || day.getYear() < Limits.MIN_DATE_YEAR || day.getYear() > Limits.MAX_DATE_YEAR) {
            throw DomainException.invalid(
                    "invalid_period",
                    "Le paramètre « " + name + " » doit être une date AAAA-MM-JJ, entre " + Limits.MIN_DATE_YEAR
                            + " et " + Limits.MAX_DATE_YEAR + ".");
        }
        return day;
    }

    private static Long before(Context ctx) {
        String v = ctx.queryParam(ApiPaths.PARAM_BEFORE);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.invalid("invalid_cursor", "Le paramètre « before » doit être un entier positif.");
    }

    private static int limit(Context ctx) {
        String v = ctx.queryParam(ApiPaths.PARAM_LIMIT);
        if (v == null || v.isEmpty()) {
            return Audit.DEFAULT_PAGE;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return Math.min(n, Audit.MAX_PAGE);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.invalid(
                "invalid_limit", "Le paramètre « limit » doit être un entier entre 1 et " + Audit.MAX_PAGE + ".");
    }
}
