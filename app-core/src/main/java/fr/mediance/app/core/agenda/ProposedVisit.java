package fr.mediance.app.core.agenda;

import java.time.Instant;

/**
 * A visit of a week's proposal that the coordination accepts: the request it answers, its resident, the counsellor
 * and the time the office server proposed.
 */
public record ProposedVisit(String requestId, String residentId, String counsellorId, Instant start, Instant end) {}
