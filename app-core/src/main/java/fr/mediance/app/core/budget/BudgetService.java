package fr.mediance.app.core.budget;

import fr.mediance.app.core.Outcome;
import fr.mediance.protocol.BudgetDto;
import java.util.List;

/**
 * A household's budget sheets, on the device: every snapshot the counsellor may see, newest first, and the
 * counsellor's own ones to write. Saving checks the sheet with the rule the server applies at sync ({@code
 * protocol.Budgets}), so that nothing accepted offline is refused later.
 */
public interface BudgetService {

    /** The resident's snapshots, newest first (by date, then by last change). */
    List<BudgetDto> snapshots(String residentId);

    /**
     * A new snapshot of today for the resident, not saved yet: the lines and household size of the latest one (a
     * budget changes little from one visit to the next), or none.
     */
    BudgetDto startSnapshot(String residentId);

    /**
     * Saves a snapshot written by the signed-in user (new or their own), and queues it for the office. Invalid:
     * the field and the French message of the first problem ({@code householdPersons}, {@code lines[2].amountCents}…).
     */
    Outcome<BudgetDto> save(BudgetDto budget);

    /** Whether the signed-in user wrote this sheet (only its author edits it; a colleague starts a new one). */
    boolean isMine(BudgetDto budget);
}
