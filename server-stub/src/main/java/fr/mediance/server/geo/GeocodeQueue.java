package fr.mediance.server.geo;

import fr.mediance.protocol.ResidentDto;
import fr.mediance.server.db.Tx;
import java.util.List;
import java.util.Objects;

/**
 * The residents waiting to be placed on the map: queued in the same transaction as the change of their address (so
 * a crash loses none), taken by {@link GeocodingService}. A resident placed by hand is never queued by a change that
 * also moves the pin; one whose address is not found keeps its row with the outcome, and is tried again after an
 * import of the address base.
 */
public final class GeocodeQueue {
    /** Outcome kept when neither the base nor the service knows the address. */
    public static final String NOT_FOUND = "not_found";

    private GeocodeQueue() {}

    /** Whether a change from {@code before} (null for a new file) to {@code after} asks for a new place. */
    public static boolean needsPlacing(ResidentDto before, ResidentDto after) {
        if (!hasAddress(after)) {
            return false;
        }
        if (before == null) {
            return after.location() == null;
        }
        boolean addressChanged = !Objects.equals(before.street(), after.street())
                || !Objects.equals(before.postcode(), after.postcode())
                || !Objects.equals(before.city(), after.city());
        boolean pinMoved = !Objects.equals(before.location(), after.location());
        return addressChanged && !pinMoved;
    }

    static boolean hasAddress(ResidentDto r) {
        return r.street() != null
                && !r.street().isBlank()
                && r.postcode() != null
                && !r.postcode().isBlank();
    }

    /** Puts a resident in the queue (again, with no attempt yet, if already there). */
    public static void enqueue(Tx tx, String residentId, long now) {
        tx.update(
                "INSERT INTO geocode_queue (resident_id, queued_at, attempts, outcome) VALUES (?, ?, 0, NULL) "
                        + "ON CONFLICT (resident_id) DO UPDATE SET queued_at = excluded.queued_at, attempts = 0, "
                        + "outcome = NULL",
                residentId,
                now);
    }

    /** Forgets a resident (anonymised: nothing of their address stays anywhere). */
    public static void forget(Tx tx, String residentId) {
        tx.update("DELETE FROM geocode_queue WHERE resident_id = ?", residentId);
    }

    /** After an import: every resident whose address was not found is tried again. */
    static int requeueUnplaced(Tx tx, long now) {
        return tx.update(
                "UPDATE geocode_queue SET attempts = 0, outcome = NULL, queued_at = ? WHERE outcome IS NOT NULL", now);
    }

    /** The next residents to place, oldest first. */
    static List<String> next(Tx tx, int limit) {
        return tx.query(
                "SELECT resident_id FROM geocode_queue WHERE outcome IS NULL ORDER BY queued_at, resident_id LIMIT ?",
                rs -> rs.getString(1),
                limit);
    }

    /** Back of the queue, still waiting (the service that could place them did not answer). */
    static void later(Tx tx, String residentId, long now) {
        tx.update("UPDATE geocode_queue SET queued_at = ? WHERE resident_id = ?", now, residentId);
    }

    static void done(Tx tx, String residentId) {
        tx.update("DELETE FROM geocode_queue WHERE resident_id = ?", residentId);
    }

    static void outcome(Tx tx, String residentId, String outcome) {
        tx.update(
                "UPDATE geocode_queue SET outcome = ?, attempts = attempts + 1 WHERE resident_id = ?",
                outcome,
                residentId);
    }
}
