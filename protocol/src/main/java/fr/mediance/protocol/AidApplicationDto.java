package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An application for financial aid (domain brief §2.10, §3.4): FSL (energy, water, telephone, housing), a CCAS or
 * CAF aid, a supplier's solidarity fund… {@code kind} is an "aid_kind" code; {@code departement} the département
 * whose FSL rules apply ("13", "2A", "971"); {@code debtIds} the debts it is for; {@code checklist} the document
 * types the file needs (copied from the office's "aid_checklist" when the application is opened, then the
 * counsellor's); amounts in cents; {@code status} one of {@link AidApplications#STATUSES}; {@code paidTo} one of
 * {@link AidApplications#PAID_TO} or null.
 */
public record AidApplicationDto(
        String id,
        String structureId,
        String residentId,
        String authorId,
        String kind,
        String departement,
        String instructingBody,
        List<String> debtIds,
        List<String> checklist,
        Long requestedCents,
        Long grantedCents,
        String paidTo,
        String status,
        LocalDate openedOn,
        LocalDate submittedOn,
        LocalDate missingDocumentsDueOn,
        LocalDate decidedOn,
        String refusalReason,
        String note,
        Instant updatedAt)
        implements EntityDto {

    public AidApplicationDto {
        debtIds = debtIds == null ? List.of() : List.copyOf(debtIds);
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }
}
