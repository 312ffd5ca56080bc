package fr.mediance.app.core.conflict;

import fr.mediance.app.core.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * Conflicts on shared records, received by sync: the office, coordinators and administrators see and resolve
 * those of their structure; a counsellor sees those where they are an author. Reads are local.
 */
public interface ConflictService {
    /** Open conflicts (not resolved yet, not even locally), oldest first. */
    List<ConflictItem> openConflicts();

    Optional<ConflictItem> find(String conflictId);

    /** Whether this account may resolve conflicts (office, coordinator, admin). */
    boolean canResolve();

    /**
     * Resolves a conflict with {@code chosenValue} (one of the two values, or another text; null or blank for
     * an empty field): queues the conflict, marked resolved, for the server, which writes the value into the
     * record as a new version that reaches every device by sync. Fails with a French message for a counsellor,
     * an unknown or already resolved conflict, or a value too long.
     */
    Outcome<ConflictItem> resolve(String conflictId, String chosenValue);
}
