package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A household's budget sheet on one day (domain brief §2.11, §6): a snapshot that the counsellor who wrote it
 * keeps editing until the next one; earlier snapshots stay, to be compared side by side. Its figures are computed,
 * never stored: {@link Budgets#figures(BudgetDto)}.
 *
 * @param householdPersons the persons who live on this budget (for the reste à vivre per person)
 * @param householdAdults the adults among them, 1 or 2 (the others are children: the RSA floor's composition)
 * @param lines income, charge and credit lines, in the order typed
 */
public record BudgetDto(
        String id,
        String structureId,
        String residentId,
        String authorId,
        LocalDate snapshotDate,
        int householdPersons,
        int householdAdults,
        List<BudgetLineDto> lines,
        String note,
        Instant updatedAt)
        implements EntityDto {

    public BudgetDto {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A sheet of one adult and {@code householdPersons - 1} children. */
    public BudgetDto(
            String id,
            String structureId,
            String residentId,
            String authorId,
            LocalDate snapshotDate,
            int householdPersons,
            List<BudgetLineDto> lines,
            String note,
            Instant updatedAt) {
        this(id, structureId, residentId, authorId, snapshotDate, householdPersons, 1, lines, note, updatedAt);
    }
}
