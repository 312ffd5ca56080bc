package fr.mediance.server.sync;

import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.server.db.Tx;
import java.time.LocalDate;
import java.util.Map;

/**
 * The rules of one family of synced records, kept together: the shape of its fields, how a pushed operation on
 * it is applied, whether it may be deleted, and who may see it. {@link OperationDispatcher} calls it for pushes,
 * {@link Visibility} for pulls. Every check runs before the first write; a refusal is a {@link RejectedOp}.
 *
 * @param <T> the record's wire type
 */
public interface EntityRules<T extends EntityDto> {
    EntityType type();

    Class<T> recordClass();

    /**
     * The shape of the record's fields: required ones, lengths and ranges from
     * {@link fr.mediance.protocol.Limits}, formats, and values that must come from a code list.
     */
    void validate(Tx tx, T record, LocalDate today);

    /** Creates or updates the record (a pushed operation that is not a delete); answers the receipt. */
    OperationResultDto apply(Operation c, T pushed);

    /** Refuses ({@link RejectedOp}) a delete that the caller may not make. */
    void checkDelete(Operation c, StoredEntity existing);

    /** What a delete changes beyond the tombstone (access taken away). */
    default void afterDelete(Operation c, StoredEntity deleted) {}

    /**
     * Called after {@link #checkDelete} for a live record: a version written instead of the deletion (a record that
     * must stay, changed instead), or empty to delete it.
     */
    default java.util.Optional<Long> insteadOfDelete(Operation c, StoredEntity existing) {
        return java.util.Optional.empty();
    }

    /** Whether the record (whose structure is the viewer's, unless {@link #global()}) may be seen by the viewer. */
    boolean sees(Viewer viewer, StoredEntity stored, T record);

    /** Records shared by every structure (the code lists). */
    default boolean global() {
        return false;
    }

    /**
     * Stores the resolved value of a conflicting field as a new version of {@code target}; answers the version.
     * Only the records that merge field by field have conflicts.
     */
    default long resolve(Operation c, StoredEntity target, Map<String, String> values) {
        throw RejectedOp.notFound("L'enregistrement en conflit est introuvable.");
    }
}
