package fr.mediance.server.casework;

import fr.mediance.protocol.AnonymousContactDto;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CaseOutcomeDto;
import fr.mediance.protocol.FigureDto;
import fr.mediance.protocol.FiguresResponse;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import fr.mediance.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /figures}: the activity figures of the caller's structure over a period, counted from the casework
 * records (requests, anonymous contacts, cases and their outcomes). For the coordination, the office and the admin;
 * aggregated only, and with {@code hideSmallCounts=true} every cell below {@link FiguresResponse#SMALL_COUNT} loses
 * its count and amount (figures shared with funders).
 */
public final class FiguresController {
    private static final int MAX_DAYS = 3 * 366;

    private final Database db;
    private final Authenticator authenticator;

    public FiguresController(Database db, Authenticator authenticator) {
        this.db = db;
        this.authenticator = authenticator;
    }

    public void routes(RoutesConfig r) {
        r.get(ApiPaths.FIGURES, this::figures);
    }

    private void figures(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COORDINATOR, Role.OFFICE, Role.ADMIN);
        LocalDate from = day(ctx, ApiPaths.PARAM_FROM);
        LocalDate to = day(ctx, ApiPaths.PARAM_TO);
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw DomainException.invalid(
                    "invalid_period", "La période va de « from » à « to », dans cet ordre, sur trois ans au plus.");
        }
        boolean hide = "true".equals(ctx.queryParam(ApiPaths.PARAM_HIDE_SMALL_COUNTS));
        List<FigureDto> figures = db.read(tx -> count(tx, caller.structureId(), from, to));
        if (hide) {
            figures = figures.stream()
                    .map(f -> f.count() != null && f.count() < FiguresResponse.SMALL_COUNT
                            ? new FigureDto(f.indicator(), f.key(), null, null)
                            : f)
                    .toList();
        }
        Responses.ok(ctx, new FiguresResponse(from, to, hide, figures));
    }

    private static LocalDate day(Context ctx, String name) {
        String v = ctx.queryParam(name);
        try {
            if (v == null) {
                throw new DateTimeParseException("missing", "", 0);
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(
                    "invalid_period", "Le paramètre « " + name + " » doit être une date AAAA-MM-JJ.");
        }
    }

    /** The figures of one structure, in a stable order (indicator, then key). */
    static List<FigureDto> count(Tx tx, String structureId, LocalDate from, LocalDate to) {
        Cells cells = new Cells();
        for (String json : data(tx, "requests", "received_on", structureId, from, to)) {
            RequestDto r = MedianceJson.gson().fromJson(json, RequestDto.class);
            cells.add(FiguresResponse.REQUESTS, "", null);
            cells.add(FiguresResponse.REQUESTS_BY_CHANNEL, r.channel(), null);
            cells.add(FiguresResponse.REQUESTS_BY_REFERRER, r.referrer() == null ? "" : r.referrer(), null);
            r.domains().forEach(d -> cells.add(FiguresResponse.REQUESTS_BY_DOMAIN, d, null));
            r.urgencies().forEach(u -> cells.add(FiguresResponse.REQUESTS_BY_URGENCY, u, null));
        }
        for (String json : data(tx, "anonymous_contacts", "contact_day", structureId, from, to)) {
            AnonymousContactDto a = MedianceJson.gson().fromJson(json, AnonymousContactDto.class);
            cells.add(FiguresResponse.ANONYMOUS, "", null);
            cells.add(FiguresResponse.ANONYMOUS_BY_CHANNEL, a.channel(), null);
            cells.add(FiguresResponse.ANONYMOUS_BY_AGE_BAND, a.ageBand() == null ? "" : a.ageBand(), null);
            a.domains().forEach(d -> cells.add(FiguresResponse.ANONYMOUS_BY_DOMAIN, d, null));
            if (a.durationMinutes() != null) {
                cells.addCount(FiguresResponse.ANONYMOUS_MINUTES, "", a.durationMinutes());
            }
        }
        for (String json : data(tx, "cases", "opened_on", structureId, from, to)) {
            cells.add(FiguresResponse.CASES_OPENED, "", null);
        }
        for (String json : data(tx, "cases", "closed_on", structureId, from, to)) {
            CaseDto k = MedianceJson.gson().fromJson(json, CaseDto.class);
            cells.add(FiguresResponse.CASES_CLOSED, "", null);
            cells.add(FiguresResponse.CASES_BY_CLOSING_REASON, k.closingReason(), null);
            for (CaseOutcomeDto o : k.outcomes()) {
                cells.add(FiguresResponse.CASES_BY_OUTCOME, o.code(), o.amountCents());
            }
        }
        return cells.list();
    }

    private static List<String> data(
            Tx tx, String table, String dayColumn, String structureId, LocalDate from, LocalDate to) {
        return tx.query(
                "SELECT data FROM " + table + " WHERE structure_id = ? AND deleted = 0 AND " + dayColumn + " >= ? AND "
                        + dayColumn + " <= ?",
                rs -> rs.getString(1),
                structureId,
                from.toString(),
                to.toString());
    }

    private static final class Cells {
        private final Map<String, long[]> counts = new TreeMap<>();

        void add(String indicator, String key, Long amount) {
            long[] c = counts.computeIfAbsent(indicator + "\u0000" + key, k -> new long[] {0, 0, 0});
            c[0]++;
            if (amount != null) {
                c[1] += amount;
                c[2] = 1;
            }
        }

        void addCount(String indicator, String key, long n) {
            counts.computeIfAbsent(indicator + "\u0000" + key, k -> new long[] {0, 0, 0})[0] += n;
        }

        List<FigureDto> list() {
            List<FigureDto> out = new ArrayList<>();
            counts.forEach((k, c) -> {
                int sep = k.indexOf('\u0000');
                out.add(new FigureDto(k.substring(0, sep), k.substring(sep + 1), c[0], c[2] == 1 ? c[1] : null));
            });
            return out;
        }
    }
}
