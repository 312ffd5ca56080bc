package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.List;

/**
 * An unpaid bill, a debt (domain brief §2.9), as far as the legal clock of an energy debt needs it; other
 * creditor categories fit the same record. {@code creditorCategory} is a "creditor_category" code (§5.5: energie,
 * eau...), {@code creditor} a "partner" code (the supplier), {@code contractId} the energy contract it is about.
 * The amount is in euro cents; the dates are the invoice's issue and due dates, the first reminder, the second
 * letter (the notice of at least 20 days), an FSL application filed, an FSL aid received and a written complaint
 * to the supplier. {@code status} is one of {@link EnergyRecords#DEBT_STATUSES}; {@code stages} the procedure's
 * stages with their dates ({@link EnergyRecords#STAGES}).
 */
public record DebtDto(
        String id,
        String structureId,
        String residentId,
        String creditorCategory,
        String creditor,
        String contractId,
        Long amountCents,
        LocalDate issueDate,
        LocalDate dueDate,
        LocalDate firstReminderOn,
        LocalDate secondLetterOn,
        LocalDate fslFiledOn,
        LocalDate fslAidOn,
        LocalDate complaintOn,
        String status,
        List<DebtStageDto> stages)
        implements EntityDto {
    /** The creditor category of energy debts. */
    public static final String ENERGY = "energie";

    public DebtDto {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
