package fr.mediance.app.core.reference;

/** The names of the code lists the app uses. The entries themselves come from the server, never from code. */
public final class CodeLists {
    /** Domains addressed during a visit (multi-select on a report). */
    public static final String DOMAIN = "domain";
    /** How the contact happened (home visit, phone...). */
    public static final String MEDIUM = "medium";
    /** Type of a photographed document (bill, letter...). */
    public static final String DOCUMENT_TYPE = "document_type";

    public static final String APPOINTMENT_TYPE = "appointment_type";
    public static final String APPOINTMENT_STATUS = "appointment_status";
    /** Why the resident is visited at home (a category, never medical detail). */
    public static final String MOBILITY_REASON = "mobility_reason";

    /** The default medium of a report made during a home visit. */
    public static final String MEDIUM_HOME_VISIT = "home_visit";
    /** Appointment type of a home visit. */
    public static final String APPOINTMENT_HOME_VISIT = "home_visit";

    private CodeLists() {}
}
