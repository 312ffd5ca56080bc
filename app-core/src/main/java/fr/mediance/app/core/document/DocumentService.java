package fr.mediance.app.core.document;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.platform.CapturedImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Photos of documents attached to a visit report. The bytes are encrypted (AES-GCM with the data key) in
 * the app's private directory; while the report is a draft the photos stay local, and they are queued for
 * the server when the report is completed. Methods block on disk I/O: call them off the FX thread.
 */
public interface DocumentService {
    /**
     * Attaches a captured image to a draft report with a document type (code of "document_type"). A JPEG is
     * made ready for upload first (upright, long edge at most {@code Limits.PHOTO_MAX_EDGE} px, quality
     * {@code Limits.PHOTO_JPEG_QUALITY}, metadata removed): that version is what the document's hash and size
     * name and what travels; the original capture is kept encrypted too until the server acknowledges the
     * photo, then deleted. Other formats are kept as they are. Fails if the report is completed, the image is
     * empty, larger than the limit or a JPEG that cannot be read. Field keys of {@link Outcome.Invalid}: type,
     * image.
     */
    Outcome<PhotoItem> attach(String reportId, CapturedImage image, String type);

    /** The documents of a resident (every contact), newest first. */
    List<PhotoItem> forResident(String residentId);

    /**
     * Describes a photo of a draft report (title, issuer, amount, due date, purposes, retention date). Field keys
     * of {@link Outcome.Invalid}: type, title, issuer, amount, dueDate, purpose, retentionUntil. The retention
     * date may not be in the past; when it is null the default of the type applies
     * ({@link #defaultRetention}).
     */
    Outcome<PhotoItem> describe(String documentId, DocumentMetadata metadata);

    /**
     * The default retention date of a document of {@code type} captured on {@code day}: the type's code value
     * (an ISO period such as P1Y), else the setting "retention_default", else one year.
     */
    LocalDate defaultRetention(String type, LocalDate day);

    /** The photos of a report, in capture order. */
    List<PhotoItem> photos(String reportId);

    Optional<PhotoItem> find(String documentId);

    /** Changes the document type of a photo of a draft report. */
    Outcome<PhotoItem> changeType(String documentId, String type);

    /** Removes a photo from a draft report (and its encrypted bytes if no other document uses them). */
    Outcome<Void> remove(String documentId);

    /** The decrypted bytes, if held on this device (verified against the hash). */
    Optional<byte[]> readBytes(String documentId);

    /** Whether the original capture of a downscaled photo is still kept (until the server has the photo). */
    boolean hasOriginal(String documentId);

    /** The original capture while it is kept, else the photo itself. */
    Optional<byte[]> readOriginal(String documentId);
}
