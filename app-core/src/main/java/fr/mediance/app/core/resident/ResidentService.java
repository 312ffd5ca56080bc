package fr.mediance.app.core.resident;

import fr.mediance.app.core.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Residents on this device. Every change is saved locally and queued for the server in the same
 * transaction. Methods block briefly on the local database: call them off the FX thread.
 */
public interface ResidentService {
    /**
     * Residents whose name, file number, phone, street or city match {@code text} (accent- and
     * case-insensitive, prefix match per word); all residents by name when {@code text} is blank.
     */
    List<Resident> search(String text, int limit);

    Optional<Resident> find(String residentId);

    /**
     * Whether the signed-in account may create a resident ({@link fr.mediance.protocol.Permissions}: a
     * counsellor, the coordination and the admin), as the office will check it. Screens offer the creation only
     * then.
     */
    boolean mayCreate();

    /**
     * The residents on this device who may be the person about to be created: the same last and first names
     * (accents, case and hyphens aside) and the same birth date (or either has none). Empty when the last name is
     * blank. A warning, never a refusal: two people may share a name and a birth date.
     */
    List<Resident> possibleDuplicates(String lastName, String firstName, LocalDate birthDate);

    /**
     * Validates and creates a resident (new client UUID); a counsellor's new resident names her as referent, so
     * that she follows them. Field keys of {@link Outcome.Invalid}: lastName,
     * firstName, phone, street, postcode, city, accessNotes, mobilityReason. For an account that may not create
     * one ({@link #mayCreate()}), a {@link Outcome.Failed} with the office's message: nothing saved, nothing queued.
     */
    Outcome<Resident> create(ResidentForm form);

    /**
     * Validates and saves changes to an existing resident, taking the resident as it is now on this device as
     * the version that was edited. Prefer {@link #update(Resident, ResidentForm)}.
     */
    Outcome<Resident> update(String residentId, ResidentForm form);

    /**
     * Validates and saves the changes the user made to {@code edited} (the resident as it was when the form
     * was filled). Only the fields that differ from {@code edited} are changed and sent (the server merges them
     * field by field, so a colleague's change to another field is kept); nothing is queued when no field
     * changed.
     */
    Outcome<Resident> update(Resident edited, ResidentForm form);

    /**
     * Where the residents named live on the map, for those that have a point ({@code ResidentDto.location}); the
     * others are absent from the answer.
     */
    java.util.Map<String, fr.mediance.protocol.GeoPointDto> locations(java.util.Collection<String> residentIds);

    /**
     * Places a resident on the map (a pin moved by hand): checked with {@link
     * fr.mediance.protocol.GeoPointDto#problem} (its French message as {@link Outcome.Failed}), saved on this device
     * and queued for the server in one transaction, as the change of the one field {@code location}.
     */
    Outcome<fr.mediance.protocol.GeoPointDto> placeOnMap(String residentId, fr.mediance.protocol.GeoPointDto point);
}
