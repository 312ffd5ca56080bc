package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request (*demande / sollicitation*, domain brief §2.4) about a resident: when and how it came
 * ({@link Casework#CHANNELS}), who referred the resident (a code of the "referrer" list), its domains, its urgency
 * flags ({@link Casework#URGENCIES}; a court date flag carries {@code courtDate}), a free description and its
 * status ({@link Casework#REQUEST_STATUSES}). {@code caseId} is the case it opened or joined;
 * {@code visitReportId} the visit or contact that answered it, if any. {@code homeVisit}: the wish for a home visit
 * that the rounds plan ({@link HomeVisits}), null when none is wished.
 */
public record RequestDto(
        String id,
        String structureId,
        String residentId,
        String caseId,
        LocalDate receivedOn,
        String channel,
        String referrer,
        List<String> domains,
        List<String> urgencies,
        LocalDate courtDate,
        String description,
        String status,
        String visitReportId,
        Instant createdAt,
        String createdBy,
        HomeVisitDto homeVisit)
        implements EntityDto {

    /** A request with no home visit wished (answered at the desk, by phone, or not yet triaged). */
    public RequestDto(
            String id,
            String structureId,
            String residentId,
            String caseId,
            LocalDate receivedOn,
            String channel,
            String referrer,
            List<String> domains,
            List<String> urgencies,
            LocalDate courtDate,
            String description,
            String status,
            String visitReportId,
            Instant createdAt,
            String createdBy) {
        this(
                id,
                structureId,
                residentId,
                caseId,
                receivedOn,
                channel,
                referrer,
                domains,
                urgencies,
                courtDate,
                description,
                status,
                visitReportId,
                createdAt,
                createdBy,
                null);
    }

    /** The same request with another home-visit wish (or none). */
    public RequestDto withHomeVisit(HomeVisitDto wish) {
        return new RequestDto(
                id,
                structureId,
                residentId,
                caseId,
                receivedOn,
                channel,
                referrer,
                domains,
                urgencies,
                courtDate,
                description,
                status,
                visitReportId,
                createdAt,
                createdBy,
                wish);
    }
}
