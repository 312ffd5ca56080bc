package fr.mediance.app.core.signature;

/**
 * Keeps drawn signatures as documents of type "signature": rendered to PNG, stored encrypted like a photo,
 * queued for upload, and named by the consent, mandate or report they sign.
 */
public interface SignatureService {
    /**
     * Saves a signature for a resident (and the report it belongs to, if any); returns the new document's id.
     * {@code title} says what was signed ("Mandat — Énergie, Eau").
     */
    String save(String residentId, String visitReportId, String title, Signature signature);
}
