package fr.mediance.server.consent;

import static fr.mediance.server.sync.FieldChecks.code;
import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.instant;
import static fr.mediance.server.sync.FieldChecks.text;

import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.server.db.Tx;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.FieldChecks;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Consents, recorded by a counsellor who follows the resident (or the coordination, or the admin). Once stored a
 * consent only changes to be withdrawn ({@code withdrawnAt}), and a withdrawal is final. Never deleted. Seen by
 * the structure's staff and the counsellors who follow the resident.
 */
public final class ConsentRules extends RecordRules<ConsentDto> {

    public ConsentRules() {
        super(EntityType.CONSENT, ConsentDto.class);
    }

    @Override
    public void validate(Tx tx, ConsentDto c, LocalDate today) {
        id("id", c.id(), true);
        id("residentId", c.residentId(), true);
        code(tx, "scope", ListNames.CONSENT_SCOPE, c.scope(), true);
        text("partner", c.partner(), Limits.MAX_SHORT_TEXT, false);
        text("noticeVersion", c.noticeVersion(), Limits.MAX_SHORT_TEXT, false);
        instant("givenAt", c.givenAt());
        instant("withdrawnAt", c.withdrawnAt());
        if (c.withdrawnAt() != null && c.withdrawnAt().isBefore(c.givenAt())) {
            throw RejectedOp.invalid("withdrawnAt", "Le retrait « withdrawnAt » précède le consentement « givenAt ».");
        }
        id("signatureDocumentId", c.signatureDocumentId(), false);
        id("recordedBy", c.recordedBy(), false);
        text("medium", c.medium(), Limits.MAX_SHORT_TEXT, false);
    }

    @Override
    public OperationResultDto apply(Operation c, ConsentDto pushed) {
        ConsentDto consent = c.inCallersStructure(pushed);
        validate(c.tx(), consent, c.today());
        c.requireAuthorRole();
        ResidentFiles.requireVisible(c, consent.residentId());
        Optional<StoredEntity> existing = c.existing(EntityType.CONSENT, consent.id());
        if (existing.isEmpty()) {
            return c.applied(c.save(recordedByCaller(c, consent)));
        }
        ConsentDto before = (ConsentDto) existing.get().data();
        if (consent.recordedBy() == null) {
            // a device that has not pulled the filled-in author yet: the stored one stays
            consent = withRecordedBy(consent, before.recordedBy());
        }
        if (before.equals(consent)) {
            return c.applied(existing.get().version());
        }
        if (before.withdrawnAt() != null) {
            throw new RejectedOp(
                    RejectedOp.CONSENT_WITHDRAWN,
                    "Ce consentement a été retiré le "
                            + FieldChecks.day(before.withdrawnAt()) + " : il ne change plus. Recueillez un nouveau "
                            + "consentement.");
        }
        ConsentDto withdrawn = new ConsentDto(
                before.id(),
                before.structureId(),
                before.residentId(),
                before.scope(),
                before.partner(),
                before.noticeVersion(),
                before.givenAt(),
                consent.withdrawnAt(),
                before.signatureDocumentId(),
                before.recordedBy(),
                before.medium());
        if (!withdrawn.equals(consent)) {
            throw new RejectedOp(
                    RejectedOp.CONSENT_IMMUTABLE,
                    "Un consentement enregistré ne change plus, sauf pour "
                            + "être retiré (« withdrawnAt ») : recueillez un nouveau consentement.");
        }
        return c.applied(c.save(consent));
    }

    /**
     * A new consent is recorded by the caller: {@code recordedBy} is the authenticated account's id, filled in
     * when the device sent none, refused when it names someone else (a device cannot record a consent in a
     * colleague's name).
     */
    private static ConsentDto recordedByCaller(Operation c, ConsentDto consent) {
        String me = c.user().id();
        if (consent.recordedBy() != null && !consent.recordedBy().equals(me)) {
            throw new RejectedOp(
                    RejectedOp.FORBIDDEN_FIELD,
                    "Un consentement est enregistré par la personne connectée : « recordedBy » doit être votre "
                            + "identifiant.");
        }
        return withRecordedBy(consent, me);
    }

    private static ConsentDto withRecordedBy(ConsentDto consent, String recordedBy) {
        return new ConsentDto(
                consent.id(),
                consent.structureId(),
                consent.residentId(),
                consent.scope(),
                consent.partner(),
                consent.noticeVersion(),
                consent.givenAt(),
                consent.withdrawnAt(),
                consent.signatureDocumentId(),
                recordedBy,
                consent.medium());
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        throw MandateRules.neverDeleted();
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, ConsentDto consent) {
        return viewer.seesWholeStructure() || viewer.follows(consent.residentId());
    }
}
