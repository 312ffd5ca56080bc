package fr.mediance.protocol.json;

import com.google.gson.stream.JsonWriter;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.CounsellorSchedulesResponse;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.ProposedRoundDto;
import fr.mediance.protocol.ProposedStopDto;
import fr.mediance.protocol.UnplannedRequestDto;
import fr.mediance.protocol.WeekProposalDto;
import fr.mediance.protocol.WeekProposalRequest;
import fr.mediance.protocol.WorkingDayDto;
import java.io.IOException;

/** Adapters of the rounds' settings, the counsellors' working hours and the week's proposal. */
public final class PlanningAdapters {
    private PlanningAdapters() {}

    public static final RecordAdapter<PlanningSettingsDto> SETTINGS = new RecordAdapter<>() {
        @Override
        protected PlanningSettingsDto fromFields(Fields f) {
            return new PlanningSettingsDto(
                    f.string("officeAddress"),
                    f.object("office", Adapters.GEO_POINT),
                    f.requiredDouble("detourFactor"),
                    f.requiredDouble("speedKmh"),
                    f.bool("roadNetwork", false),
                    f.instant("updatedAt"),
                    f.string("updatedBy"));
        }

        @Override
        protected void writeFields(JsonWriter out, PlanningSettingsDto v) throws IOException {
            put(out, "officeAddress", v.officeAddress());
            putObject(out, "office", Adapters.GEO_POINT, v.office());
            put(out, "detourFactor", v.detourFactor());
            put(out, "speedKmh", v.speedKmh());
            put(out, "roadNetwork", v.roadNetwork());
            put(out, "updatedAt", v.updatedAt());
            put(out, "updatedBy", v.updatedBy());
        }
    };

    public static final RecordAdapter<WorkingDayDto> WORKING_DAY = new RecordAdapter<>() {
        @Override
        protected WorkingDayDto fromFields(Fields f) {
            return new WorkingDayDto(f.requiredString("day"), f.requiredString("start"), f.requiredString("end"));
        }

        @Override
        protected void writeFields(JsonWriter out, WorkingDayDto v) throws IOException {
            put(out, "day", v.day());
            put(out, "start", v.start());
            put(out, "end", v.end());
        }
    };

    public static final RecordAdapter<CounsellorScheduleDto> SCHEDULE = new RecordAdapter<>() {
        @Override
        protected CounsellorScheduleDto fromFields(Fields f) {
            return new CounsellorScheduleDto(
                    f.string("counsellorId"),
                    f.string("displayName"),
                    f.objects("days", WORKING_DAY),
                    f.string("lunchEarliest"),
                    f.string("lunchLatest"),
                    f.intOr("lunchMinutes", 0),
                    f.dates("daysOff"),
                    f.bool("standard", false),
                    f.instant("updatedAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, CounsellorScheduleDto v) throws IOException {
            put(out, "counsellorId", v.counsellorId());
            put(out, "displayName", v.displayName());
            putObjects(out, "days", WORKING_DAY, v.days());
            put(out, "lunchEarliest", v.lunchEarliest());
            put(out, "lunchLatest", v.lunchLatest());
            put(out, "lunchMinutes", (long) v.lunchMinutes());
            putDates(out, "daysOff", v.daysOff());
            put(out, "standard", v.standard());
            put(out, "updatedAt", v.updatedAt());
        }
    };

    public static final RecordAdapter<CounsellorSchedulesResponse> SCHEDULES = new RecordAdapter<>() {
        @Override
        protected CounsellorSchedulesResponse fromFields(Fields f) {
            return new CounsellorSchedulesResponse(f.objects("schedules", SCHEDULE));
        }

        @Override
        protected void writeFields(JsonWriter out, CounsellorSchedulesResponse v) throws IOException {
            putObjects(out, "schedules", SCHEDULE, v.schedules());
        }
    };

    public static final RecordAdapter<WeekProposalRequest> PROPOSAL_REQUEST = new RecordAdapter<>() {
        @Override
        protected WeekProposalRequest fromFields(Fields f) {
            return new WeekProposalRequest(f.date("monday"), f.strings("counsellorIds"), f.optionalInt("seconds"));
        }

        @Override
        protected void writeFields(JsonWriter out, WeekProposalRequest v) throws IOException {
            put(out, "monday", v.monday());
            putStrings(out, "counsellorIds", v.counsellorIds());
            if (v.seconds() != null) {
                put(out, "seconds", (long) v.seconds());
            }
        }
    };

    public static final RecordAdapter<ProposedStopDto> STOP = new RecordAdapter<>() {
        @Override
        protected ProposedStopDto fromFields(Fields f) {
            return new ProposedStopDto(
                    f.requiredString("kind"),
                    f.string("requestId"),
                    f.string("appointmentId"),
                    f.string("residentId"),
                    f.string("fileNumber"),
                    f.string("visitKind"),
                    f.requiredInstant("start"),
                    f.requiredInstant("end"),
                    f.intOr("travelMinutesBefore", 0),
                    f.bool("locked", false),
                    f.object("location", Adapters.GEO_POINT),
                    f.strings("explanations"));
        }

        @Override
        protected void writeFields(JsonWriter out, ProposedStopDto v) throws IOException {
            put(out, "kind", v.kind());
            put(out, "requestId", v.requestId());
            put(out, "appointmentId", v.appointmentId());
            put(out, "residentId", v.residentId());
            put(out, "fileNumber", v.fileNumber());
            put(out, "visitKind", v.visitKind());
            put(out, "start", v.start());
            put(out, "end", v.end());
            put(out, "travelMinutesBefore", (long) v.travelMinutesBefore());
            put(out, "locked", v.locked());
            putObject(out, "location", Adapters.GEO_POINT, v.location());
            putStrings(out, "explanations", v.explanations());
        }
    };

    public static final RecordAdapter<ProposedRoundDto> ROUND = new RecordAdapter<>() {
        @Override
        protected ProposedRoundDto fromFields(Fields f) {
            return new ProposedRoundDto(
                    f.requiredString("counsellorId"),
                    f.date("date"),
                    f.requiredInstant("departure"),
                    f.requiredInstant("back"),
                    f.intOr("travelMinutes", 0),
                    f.intOr("travelBackMinutes", 0),
                    f.instant("lunchStart"),
                    f.instant("lunchEnd"),
                    f.objects("stops", STOP));
        }

        @Override
        protected void writeFields(JsonWriter out, ProposedRoundDto v) throws IOException {
            put(out, "counsellorId", v.counsellorId());
            put(out, "date", v.date());
            put(out, "departure", v.departure());
            put(out, "back", v.back());
            put(out, "travelMinutes", (long) v.travelMinutes());
            put(out, "travelBackMinutes", (long) v.travelBackMinutes());
            put(out, "lunchStart", v.lunchStart());
            put(out, "lunchEnd", v.lunchEnd());
            putObjects(out, "stops", STOP, v.stops());
        }
    };

    public static final RecordAdapter<UnplannedRequestDto> UNPLANNED = new RecordAdapter<>() {
        @Override
        protected UnplannedRequestDto fromFields(Fields f) {
            return new UnplannedRequestDto(
                    f.requiredString("requestId"),
                    f.string("residentId"),
                    f.string("fileNumber"),
                    f.requiredString("reason"),
                    f.string("message"));
        }

        @Override
        protected void writeFields(JsonWriter out, UnplannedRequestDto v) throws IOException {
            put(out, "requestId", v.requestId());
            put(out, "residentId", v.residentId());
            put(out, "fileNumber", v.fileNumber());
            put(out, "reason", v.reason());
            put(out, "message", v.message());
        }
    };

    public static final RecordAdapter<WeekProposalDto> PROPOSAL = new RecordAdapter<>() {
        @Override
        protected WeekProposalDto fromFields(Fields f) {
            return new WeekProposalDto(
                    f.date("monday"),
                    f.instant("computedAt"),
                    f.string("travel"),
                    f.intOr("travelMinutes", 0),
                    f.intOr("plannedVisits", 0),
                    f.objects("rounds", ROUND),
                    f.objects("unplanned", UNPLANNED),
                    f.strings("problems"));
        }

        @Override
        protected void writeFields(JsonWriter out, WeekProposalDto v) throws IOException {
            put(out, "monday", v.monday());
            put(out, "computedAt", v.computedAt());
            put(out, "travel", v.travel());
            put(out, "travelMinutes", (long) v.travelMinutes());
            put(out, "plannedVisits", (long) v.plannedVisits());
            putObjects(out, "rounds", ROUND, v.rounds());
            putObjects(out, "unplanned", UNPLANNED, v.unplanned());
            putStrings(out, "problems", v.problems());
        }
    };
}
