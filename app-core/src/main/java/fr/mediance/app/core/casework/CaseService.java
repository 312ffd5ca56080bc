package fr.mediance.app.core.casework;

import fr.mediance.app.core.Outcome;
import fr.mediance.protocol.AnonymousContactDto;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CaseOutcomeDto;
import fr.mediance.protocol.RequestDto;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Casework on this device: a resident's case (accompagnement), their requests, and anonymous contacts. A resident
 * has at most one case that is not closed; the visits, actions and tasks of the resident made while it is open
 * belong to it ({@link #caseOn}). Every change is saved locally and queued for the office in the same transaction.
 * Rules shared with the office are checked before saving ({@link fr.mediance.protocol.Casework}); a refusal is an
 * {@link Outcome.Invalid} with French messages by wire field name. Methods block briefly on the local database:
 * call them off the FX thread.
 */
public interface CaseService {
    /** The resident's case that is open or on hold, if any. */
    Optional<CaseDto> current(String residentId);

    /** Every case of the resident, the most recently opened first. */
    List<CaseDto> cases(String residentId);

    /** The case a visit of that day belongs to: the one open on that day (opened on or before, not yet closed). */
    Optional<CaseDto> caseOn(String residentId, LocalDate day);

    /**
     * The resident's current case, or a new open case (referent: the signed-in counsellor, opened today, with these
     * domains) when there is none: the case "created on first need".
     */
    Outcome<CaseDto> ensureOpen(String residentId, List<String> domains);

    /** Saves the domains, goals (one per line, blank lines dropped) and referent of a case. */
    Outcome<CaseDto> edit(String caseId, List<String> domains, List<String> goals, String referentId);

    /** Open → on hold, or on hold → open. */
    Outcome<CaseDto> setOnHold(String caseId, boolean onHold);

    /** Closes a case on {@code closedOn} (today if null) with a reason of "closing_reason" and its outcomes. */
    Outcome<CaseDto> close(String caseId, LocalDate closedOn, String reason, List<CaseOutcomeDto> outcomes);

    /** Reopens a closed case (its closing date, reason and outcomes are cleared); refused if another is open. */
    Outcome<CaseDto> reopen(String caseId);

    /** The resident's requests, the most recent first. */
    List<RequestDto> requests(String residentId);

    /** Records a request; opens the resident's case if none is open, in the same transaction. */
    Outcome<RequestDto> recordRequest(RequestForm form);

    /** Sets a request's status ({@link fr.mediance.protocol.Casework#REQUEST_STATUSES}) and the report answering it. */
    Outcome<RequestDto> setRequestStatus(String requestId, String status, String visitReportId);

    /**
     * Sets or clears ({@code wish} null) the request's home-visit wish, checked with the shared rule
     * ({@link fr.mediance.protocol.HomeVisits#check}); field keys of a refusal are the wire's ({@code homeVisit.minutes}…).
     */
    Outcome<RequestDto> setHomeVisit(String requestId, fr.mediance.protocol.HomeVisitDto wish);

    /** Records an anonymous desk or phone contact, now, by the signed-in counsellor. */
    Outcome<AnonymousContactDto> recordAnonymous(AnonymousContactForm form);

    /** The anonymous contacts recorded on this device since {@code from} (for the day's count). */
    List<AnonymousContactDto> anonymousSince(LocalDate from);
}
