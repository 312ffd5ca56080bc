package fr.mediance.app.core.sync;

/**
 * Where one item (a record or a photo) stands on its way to the office, as the user may trust it:
 * {@link #RECEIVED} is shown only after the server's receipt (an operation result, the end of a verified
 * upload, or the server's blob status).
 */
public enum Delivery {
    /** Only on this device and not queued yet (a draft report or its photos). */
    LOCAL,
    /** Queued: will leave with the next sync. */
    QUEUED,
    /** Being sent now (for a photo: partly received by the server, see the percentage). */
    SENDING,
    /** The server has confirmed that it holds it. */
    RECEIVED,
    /** Refused or failing repeatedly: a person must look at it (see the reason). Kept, never dropped. */
    NEEDS_ATTENTION
}
