package fr.mediance.app.core.aid;

import fr.mediance.app.core.Outcome;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AidApplications.FslRule;
import java.util.List;
import java.util.Optional;

/**
 * A household's aid applications on the device: listed, opened with the office's checklist for their kind, saved
 * with the rule the server applies at sync, and the checklist compared with the documents the household has given.
 */
public interface AidService {

    /** The resident's applications, newest first. */
    List<AidApplicationDto> applications(String residentId);

    /**
     * A new application of a kind, not saved yet: opened today, in preparation, with the documents the office's
     * "aid_checklist" names for that kind.
     */
    AidApplicationDto start(String residentId, String kind, String departement);

    /** Saves an application (new or changed) and queues it for the office; Invalid: the field and its message. */
    Outcome<AidApplicationDto> save(AidApplicationDto application);

    /** One document the file needs, and whether the household's documents include one of its type. */
    record ChecklistItem(String documentType, String label, boolean provided) {}

    /** The application's checklist against the documents of the resident (theirs and their visits'). */
    List<ChecklistItem> checklist(AidApplicationDto application);

    /** The FSL rules the office recorded for a département, if any. */
    Optional<FslRule> fslRule(String departement);

    /** The domain an aid kind is for ("energie"), if the kind names one. */
    Optional<String> domainOf(String kind);
}
