package fr.mediance.app.core.resident;

import fr.mediance.app.core.Outcome;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resident's whole file on this device: identity, contact, housing, protection, household, contacts and the
 * shared synthesis, saved field by field; the signed-in counsellor's own private note; the timeline. Methods
 * block briefly on the local database: call them off the FX thread.
 */
public interface ResidentFileService {
    /** The file as it would travel, with the server version it is based on. */
    record ResidentFile(ResidentDto resident, Long version) {}

    Optional<ResidentFile> file(String residentId);

    /**
     * Saves some fields (wire names of {@link ResidentFields#ALL} → new values; lists whole) and queues a
     * field-level update based on {@code baseVersion}, the version the user started from. Fields equal to what
     * is stored are not sent; nothing is queued when nothing changed. Values are checked again (lengths, formats,
     * codes): field keys of {@link Outcome.Invalid} are the wire names.
     */
    Outcome<ResidentDto> saveFields(String residentId, Long baseVersion, Map<String, ?> changes);

    /**
     * Creates a person with a last name (required) and a first name, followed by the signed-in coordinator (an
     * admin names no referent, as the office takes none), with a provisional file number {@code N-<year>-<6 characters>} (see {@link #provisionalFileNumber}) until the
     * office gives its own. Only for an account that may create a resident
     * ({@link fr.mediance.protocol.Permissions#mayCreateResident}); any other gets a {@link Outcome.Failed} with
     * the office's message, and nothing is saved or queued.
     */
    Outcome<ResidentDto> createPerson(String lastName, String firstName);

    /** The signed-in user's own note on this resident; never anybody else's. */
    Optional<PrivateNoteDto> myNote(String residentId);

    /** Saves the signed-in user's note (created on first save) and queues it for the server. */
    Outcome<PrivateNoteDto> saveMyNote(String residentId, String text);

    /** Appointments, contacts, documents, consents, mandates and tasks of the resident, newest first. */
    List<TimelineEntry> timeline(String residentId);

    /**
     * The provisional file number of a resident created on a device: "N-", the year, "-", then the first six
     * characters of the record's id in capitals (e.g. "N-2026-3F9A1C"). The id is random, so two devices do not
     * give the same number; the office may renumber.
     */
    static String provisionalFileNumber(String id, int year) {
        String compact = id.replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return "N-" + year + "-" + compact.substring(0, Math.min(6, compact.length()));
    }
}
