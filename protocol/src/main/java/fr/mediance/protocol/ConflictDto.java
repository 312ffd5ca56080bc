package fr.mediance.protocol;

import java.time.Instant;

/**
 * Two people changed the same field of a shared record (e.g. a resident's phone) from the same base version.
 * The server applied one value and keeps both here; nothing is dropped. An office or coordinator account
 * resolves it by pushing the conflict back with {@code status = "resolved"} and the chosen
 * {@code resolvedValue}; the server then writes that value into the record as a new version.
 * Values are the fields' wire text (a date as {@code 2026-11-26}); null means the field was empty.
 *
 * <p><b>Overlapping appointments</b> use the same record with the pseudo-field {@link #OVERLAP}: a push (from the
 * counsellor's tablet or the coordination) made two active appointments of one counsellor overlap
 * ({@link AppointmentPlanning#overlap}). The server applied it (nothing typed is lost) and records one conflict
 * per pair: {@code entity} APPOINTMENT, {@code entityId} the appointment whose push made the overlap,
 * {@code clientValue} that same id, {@code serverValue} the id of the appointment already planned,
 * {@code baseValue} the counsellor whose agenda holds both; {@code clientAuthorId} the account that pushed,
 * {@code serverAuthorId} the other side: the counsellor when someone else pushed, else the planner of the other
 * appointment (so the counsellor is always one of the two, and the structure's staff see every conflict). Nobody
 * resolves it with a value: it closes itself (status {@code resolved}, {@code resolvedBy} whoever moved or
 * cancelled one of them, {@code resolvedValue} null) as soon as a push leaves the two appointments apart. The same
 * pair never has two open conflicts; a replayed push is answered from its receipt and writes nothing.
 */
public record ConflictDto(
        String id,
        String structureId,
        EntityType entity,
        String entityId,
        String field,
        String baseValue,
        String serverValue,
        String clientValue,
        String serverAuthorId,
        String clientAuthorId,
        Instant detectedAt,
        String status,
        String resolvedValue,
        String resolvedBy,
        Instant resolvedAt)
        implements EntityDto {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
    /** The pseudo-field of an overlap between two appointments of one counsellor (see the class comment). */
    public static final String OVERLAP = "overlap";

    /** Whether this conflict is an overlap of two appointments rather than a field changed on both sides. */
    public boolean overlap() {
        return entity == EntityType.APPOINTMENT && OVERLAP.equals(field);
    }

    public boolean resolved() {
        return RESOLVED.equals(status);
    }

    /**
     * Whether {@code value} may resolve this conflict: one of the two values in conflict ({@code serverValue} or
     * {@code clientValue}), never a third one (a new value goes through an ordinary update of the record and its
     * rules). The one rule of the server and of the office's screen.
     */
    public boolean acceptsResolution(String value) {
        return !overlap()
                && (java.util.Objects.equals(value, serverValue) || java.util.Objects.equals(value, clientValue));
    }
}
