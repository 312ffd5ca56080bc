package fr.mediance.protocol;

import java.time.Instant;

/**
 * A consent given by the resident (domain brief §2.3), per {@code scope} ("consent_scope":
 * information_notice — the notice acknowledged, with its {@code noticeVersion} —, share_with_partner,
 * contact_creditor, photo_documents...), with the named {@code partner} where the scope needs one. It is
 * withdrawn by setting {@code withdrawnAt}, never deleted. {@code signatureDocumentId} names the drawn
 * signature; {@code medium}: paper or screen.
 */
public record ConsentDto(
        String id,
        String structureId,
        String residentId,
        String scope,
        String partner,
        String noticeVersion,
        Instant givenAt,
        Instant withdrawnAt,
        String signatureDocumentId,
        String recordedBy,
        String medium)
        implements EntityDto {
    public boolean activeAt(Instant t) {
        return givenAt != null && !givenAt.isAfter(t) && (withdrawnAt == null || withdrawnAt.isAfter(t));
    }
}
