package fr.mediance.app.core.document;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.platform.CapturedImage;

import java.util.List;
import java.util.Optional;

/**
 * Photos of documents attached to a visit report. The bytes are encrypted (AES-GCM with the data key) in
 * the app's private directory; while the report is a draft the photos stay local, and they are queued for
 * the server when the report is completed. Methods block on disk I/O: call them off the FX thread.
 */
public interface DocumentService {
    /**
     * Encrypts and attaches a captured image to a draft report with a document type (code of
     * "document_type"). Fails if the report is completed, the image is empty or larger than the limit.
     * Field keys of {@link Outcome.Invalid}: type, image.
     */
    Outcome<PhotoItem> attach(String reportId, CapturedImage image, String type);

    /** The photos of a report, in capture order. */
    List<PhotoItem> photos(String reportId);

    Optional<PhotoItem> find(String documentId);

    /** Changes the document type of a photo of a draft report. */
    Outcome<PhotoItem> changeType(String documentId, String type);

    /** Removes a photo from a draft report (and its encrypted bytes if no other document uses them). */
    Outcome<Void> remove(String documentId);

    /** The decrypted bytes, if held on this device (verified against the hash). */
    Optional<byte[]> readBytes(String documentId);
}
