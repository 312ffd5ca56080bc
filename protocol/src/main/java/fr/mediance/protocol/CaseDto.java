package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case (*accompagnement*, domain brief §2.16): the follow-up of one resident, opened from a first contact or a
 * request ({@code originRequestId}), with its domains (codes of the "domain" list), its referent (an agent), its
 * goals (free lines) and its status ({@link Casework#CASE_OPEN}, {@link Casework#CASE_ON_HOLD},
 * {@link Casework#CASE_CLOSED}). A closed case carries its closing date, its reason (a code of the
 * "closing_reason" list) and its outcomes. A resident has at most one case that is not closed at a time; the
 * visits, actions and tasks of the resident made while it is open belong to it.
 */
public record CaseDto(
        String id,
        String structureId,
        String residentId,
        String referentId,
        LocalDate openedOn,
        String originRequestId,
        List<String> domains,
        List<String> goals,
        String status,
        LocalDate closedOn,
        String closingReason,
        List<CaseOutcomeDto> outcomes,
        Instant createdAt,
        String createdBy)
        implements EntityDto {}
