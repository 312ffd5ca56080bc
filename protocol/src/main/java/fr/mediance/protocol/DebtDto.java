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
 * stages with their dates ({@link EnergyRecords#STAGES}). A debt of another category (water, rent, a consumer credit,
 * an overpayment to pay back to the CAF…) names no contract, no second letter and no stages: the unpaid-energy
 * procedure is the energy's only. {@code customerNumber} is the creditor's customer, contract or file number,
 * {@code invoices} the references of the invoices concerned as the creditor writes them, {@code feesCents} the fees
 * and penalties added to the amount.
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
        List<DebtStageDto> stages,
        String customerNumber,
        String invoices,
        Long feesCents)
        implements EntityDto {
    /** The creditor category of energy debts. */
    public static final String ENERGY = "energie";

    public DebtDto {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /**
     * A new debt without customer number, invoice references or fees. To change a debt, use {@link #withStatus},
     * {@link #withFsl} or {@link #saved}, which keep every field.
     */
    public DebtDto(
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
            List<DebtStageDto> stages) {
        this(
                id,
                structureId,
                residentId,
                creditorCategory,
                creditor,
                contractId,
                amountCents,
                issueDate,
                dueDate,
                firstReminderOn,
                secondLetterOn,
                fslFiledOn,
                fslAidOn,
                complaintOn,
                status,
                stages,
                null,
                null,
                null);
    }

    /** The same debt with another status and FSL dates (an FSL application filed or granted). */
    public DebtDto withFsl(String newStatus, LocalDate newFslFiledOn, LocalDate newFslAidOn) {
        return new DebtDto(
                id,
                structureId,
                residentId,
                creditorCategory,
                creditor,
                contractId,
                amountCents,
                issueDate,
                dueDate,
                firstReminderOn,
                secondLetterOn,
                newFslFiledOn,
                newFslAidOn,
                complaintOn,
                newStatus,
                stages,
                customerNumber,
                invoices,
                feesCents);
    }

    /** The same debt with another status. */
    public DebtDto withStatus(String newStatus) {
        return withFsl(newStatus, fslFiledOn, fslAidOn);
    }

    /** The same debt as saved: its id, its structure, its category and creditor. */
    public DebtDto saved(String newId, String newStructureId, String newCategory, String newCreditor) {
        return new DebtDto(
                newId,
                newStructureId,
                residentId,
                newCategory,
                newCreditor,
                contractId,
                amountCents,
                issueDate,
                dueDate,
                firstReminderOn,
                secondLetterOn,
                fslFiledOn,
                fslAidOn,
                complaintOn,
                status,
                stages,
                customerNumber,
                invoices,
                feesCents);
    }

    /** Whether the debt is an unpaid energy bill, with the procedure of domain brief §3.3. */
    public boolean energy() {
        return ENERGY.equals(creditorCategory);
    }

    /** What the household owes on it: the amount and the fees. */
    public long totalCents() {
        return (amountCents == null ? 0 : amountCents) + (feesCents == null ? 0 : feesCents);
    }
}
