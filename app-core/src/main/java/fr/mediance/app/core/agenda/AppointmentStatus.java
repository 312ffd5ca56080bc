package fr.mediance.app.core.agenda;

/** The appointment status codes of the protocol (labels come from the "appointment_status" code list). */
public final class AppointmentStatus {
    public static final String PROPOSED = "proposed";
    public static final String CONFIRMED = "confirmed";
    public static final String DONE = "done";
    public static final String CANCELLED_BY_RESIDENT = "cancelled_by_resident";
    public static final String NO_SHOW = "no_show";
    public static final String CANCELLED_BY_STRUCTURE = "cancelled_by_structure";

    private AppointmentStatus() {}

    /** Whether {@code status} is one of the known codes. */
    public static boolean isKnown(String status) {
        return switch (status == null ? "" : status) {
            case PROPOSED, CONFIRMED, DONE, CANCELLED_BY_RESIDENT, NO_SHOW, CANCELLED_BY_STRUCTURE -> true;
            default -> false;
        };
    }
}
