package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request (*demande / sollicitation*, domain brief §2.4) about a resident: when and how it came
 * ({@link Casework#CHANNELS}), who referred the resident (a code of the "referrer" list), its domains, its urgency
 * flags ({@link Casework#URGENCIES}; a court date flag carries {@code courtDate}), a free description and its
 * status ({@link Casework#REQUEST_STATUSES}). {@code caseId} is the case it opened or joined;
 * {@code visitReportId} the visit or contact that answered it, if any.
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
        String createdBy)
        implements EntityDto {}
