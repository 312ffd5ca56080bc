package fr.mediance.app.core.visit;

import java.util.Map;

/**
 * One part of the visit report's screen (the contact, the energy check, the actions...), driven by
 * {@link VisitReportViewModel}: it puts a report's fields on the screen, writes what is typed into the draft that
 * is autosaved, and shows the messages of its fields.
 */
interface ReportPart {

    /** Puts the report's fields on the screen (opening, or the new draft of a correction); no autosave meanwhile. */
    void show(VisitReport report);

    /** The draft with this part's fields as typed; what cannot be read keeps its saved value. */
    VisitReport into(VisitReport draft);

    /** Messages beside what is typed and cannot be read or is too long (checked as it is typed). */
    default void checkInput() {}

    /** Whether some typed text cannot be read (its message is beside the field): the visit cannot be terminated. */
    default boolean unreadable() {
        return false;
    }

    /** The service's messages for this part's fields (what blocks the end of the visit). */
    default void showRequired(Map<String, String> errors) {}
}
