package fr.mediance.app.core.signature;

import java.time.LocalDate;

/**
 * Keeps drawn signatures as documents of type "signature": rendered to PNG, stored encrypted like a photo,
 * queued for upload, and named by the consent, mandate or report they sign.
 */
public interface SignatureService {
    /**
     * Saves a signature for a resident (and the report it belongs to, if any); returns the new document's id.
     * {@code title} says what was signed ("Mandat — Énergie, Eau"). It is kept until the retention of the
     * document type "signature" (its code value, an ISO period), else the setting "retention_default". A signature
     * of a draft report stays on the device until the report is completed; any other one is queued at once.
     * Throws {@link IllegalArgumentException} for an empty signature.
     */
    String save(String residentId, String visitReportId, String title, Signature signature);

    /**
     * The same, kept until {@code retentionUntil} (a mandate's: 6 years after its end). The default ignores the
     * date (for fakes); the device's service keeps it.
     */
    default String save(
            String residentId, String visitReportId, String title, Signature signature, LocalDate retentionUntil) {
        return save(residentId, visitReportId, title, signature);
    }
}
