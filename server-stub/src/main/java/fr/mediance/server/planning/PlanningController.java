package fr.mediance.server.planning;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.CounsellorSchedulesResponse;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.WeekProposalDto;
import fr.mediance.protocol.WeekProposalRequest;
import fr.mediance.server.audit.Auditor;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.http.JsonBodies;
import fr.mediance.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The rounds over HTTP: the structure's settings, the counsellors' hours and the week's proposal. */
public final class PlanningController {
    private final Auditor auditor;
    private final PlanningService planning;
    private final Authenticator authenticator;

    public PlanningController(PlanningService planning, Authenticator authenticator, Auditor auditor) {
        this.auditor = auditor;
        this.planning = planning;
        this.authenticator = authenticator;
    }

    public void routes(RoutesConfig r) {
        r.get(ApiPaths.PLANNING_SETTINGS, this::settings);
        r.put(ApiPaths.PLANNING_SETTINGS, this::saveSettings);
        r.get(ApiPaths.PLANNING_SCHEDULES, this::schedules);
        r.get(ApiPaths.PLANNING_SCHEDULE, this::schedule);
        r.put(ApiPaths.PLANNING_SCHEDULE, this::saveSchedule);
        r.post(ApiPaths.PLANNING_PROPOSALS, this::propose);
    }

    private void settings(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COORDINATOR, Role.OFFICE, Role.ADMIN);
        Responses.ok(ctx, planning.settings(caller));
    }

    private void saveSettings(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COORDINATOR, Role.ADMIN);
        Responses.ok(ctx, planning.saveSettings(caller, JsonBodies.read(ctx, PlanningSettingsDto.class)));
    }

    private void schedules(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COORDINATOR, Role.ADMIN);
        Responses.ok(ctx, new CounsellorSchedulesResponse(planning.schedules(caller)));
    }

    private void schedule(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COUNSELLOR, Role.COORDINATOR, Role.ADMIN);
        Responses.ok(ctx, planning.schedule(caller, ctx.pathParam(ApiPaths.PARAM_COUNSELLOR_ID)));
    }

    private void saveSchedule(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COORDINATOR, Role.ADMIN);
        Responses.ok(
                ctx,
                planning.saveSchedule(
                        caller,
                        ctx.pathParam(ApiPaths.PARAM_COUNSELLOR_ID),
                        JsonBodies.read(ctx, CounsellorScheduleDto.class)));
    }

    private void propose(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.COORDINATOR, Role.ADMIN);
        ctx.header("Cache-Control", "no-store");
        WeekProposalDto week = planning.propose(caller, JsonBodies.read(ctx, WeekProposalRequest.class));
        // the answer names the waiting files and where their residents live: its reading is journaled
        auditor.record(
                caller,
                Audit.READ,
                Audit.ENTITY_WEEK_PROPOSAL,
                week.monday().toString(),
                null,
                "proposition de la semaine : " + week.plannedVisits() + " visites proposées, "
                        + week.unplanned().size() + " demandes laissées de côté");
        Responses.ok(ctx, week);
    }
}
