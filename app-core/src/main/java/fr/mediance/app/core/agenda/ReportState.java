package fr.mediance.app.core.agenda;

/** Where the visit report of an appointment stands on this device. */
public enum ReportState {
    /** No report started. */
    NONE,
    /** A draft is being written (kept locally only). */
    DRAFT,
    /** Completed and frozen (queued for the server, or already sent). */
    COMPLETED
}
