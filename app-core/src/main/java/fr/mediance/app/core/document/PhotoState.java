package fr.mediance.app.core.document;

/** Where the bytes of a photographed document stand. */
public enum PhotoState {
    /** Attached to a draft: encrypted on this device, not queued yet. */
    LOCAL,
    /** The report is completed: waiting to be sent to the server. */
    WAITING_UPLOAD,
    /** The server has confirmed it holds these exact bytes. */
    UPLOADED,
    /** Known from the server, bytes not downloaded to this device yet. */
    NOT_DOWNLOADED,
    /** Known, but the server does not have the bytes yet (the counsellor's tablet has not sent them). */
    AWAITED,
    /** Downloaded from the server and held encrypted on this device. */
    CACHED;

    /** Whether the decrypted bytes can be read on this device now. */
    public boolean isLocal() {
        return this == LOCAL || this == WAITING_UPLOAD || this == UPLOADED || this == CACHED;
    }
}
