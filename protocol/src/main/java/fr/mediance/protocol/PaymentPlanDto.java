package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.List;

/**
 * A payment plan (échéancier, plan d'apurement; domain brief §2.9) agreed with a creditor for one or more debts of
 * the same resident: {@code creditor} a "partner" code (like {@link DebtDto#creditor()}), {@code debtIds} the debts
 * it settles, {@code agreedOn} the day the creditor agreed (null while proposed), {@code totalCents} the sum of the
 * instalments, {@code everyMonths} their usual interval, {@code status} one of {@link PaymentPlans#STATUSES}, the
 * instalments in due-date order, the creditor's written confirmation (a document of the resident) and a short note.
 */
public record PaymentPlanDto(
        String id,
        String structureId,
        String residentId,
        String creditor,
        List<String> debtIds,
        LocalDate agreedOn,
        long totalCents,
        int everyMonths,
        String status,
        List<InstalmentDto> instalments,
        String confirmationDocumentId,
        String note)
        implements EntityDto {
    public PaymentPlanDto {
        debtIds = debtIds == null ? List.of() : List.copyOf(debtIds);
        instalments = instalments == null ? List.of() : List.copyOf(instalments);
    }
}
