package fr.mediance.server.consent;

import static fr.mediance.server.sync.FieldChecks.code;
import static fr.mediance.server.sync.FieldChecks.codes;
import static fr.mediance.server.sync.FieldChecks.date;
import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.instant;
import static fr.mediance.server.sync.FieldChecks.size;
import static fr.mediance.server.sync.FieldChecks.text;

import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.server.db.Tx;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.Colleagues;
import fr.mediance.server.sync.FieldChecks;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.PushService;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Mandates, written by the same authors as consents. Refused for a resident under a legal protection measure
 * (they cannot sign one themselves); the named agents are colleagues. Once stored a mandate only changes to be
 * revoked ({@code revokedAt}), and a revocation is final. Never deleted. Seen by the structure's staff and the
 * counsellors who follow the resident.
 */
public final class MandateRules extends RecordRules<MandateDto> {
    private final Colleagues colleagues;

    public MandateRules(Colleagues colleagues) {
        super(EntityType.MANDATE, MandateDto.class);
        this.colleagues = colleagues;
    }

    /**
     * Whether a live mandate with this id, about this resident in the caller's structure, covers an action of
     * {@code agentId} in the domain on that day (Europe/Paris, {@link MandateDto#coversActionOf}): the one rule for
     * an action "on behalf" of the resident. Empty when it does; otherwise the French reason.
     */
    public static Optional<String> refusal(
            Operation c, String residentId, String mandateId, String agentId, String domain, LocalDate day) {
        Optional<MandateDto> mandate = mandateId == null
                ? Optional.empty()
                : c.find(EntityType.MANDATE, mandateId)
                        .filter(m -> !m.deleted()
                                && c.structure().equals(m.structureId())
                                && residentId.equals(((MandateDto) m.data()).residentId()))
                        .map(m -> (MandateDto) m.data());
        if (mandate.isPresent() && mandate.get().coversActionOf(agentId, domain, day, PushService.PARIS)) {
            return Optional.empty();
        }
        if (mandate.isPresent() && mandate.get().covers(domain, day, PushService.PARIS)) {
            return Optional.of("Action « pour le compte de » sous un mandat qui ne nomme pas son auteur comme "
                    + "mandataire : seuls les agents nommés par la personne agissent en son nom. Faites signer un "
                    + "mandat qui vous nomme ou enregistrez l'action sans « pour le compte de ».");
        }
        return Optional.of("Action « pour le compte de » sans mandat actif "
                + "couvrant le domaine « " + domain + " » à la date du " + FieldChecks.day(day)
                + " : faites signer un mandat ou enregistrez l'action sans « pour le compte de ».");
    }

    static RejectedOp neverDeleted() {
        return RejectedOp.forbidden("Un consentement ou un mandat ne se supprime jamais : il se retire "
                + "(« withdrawnAt ») ou se révoque (« revokedAt »).");
    }

    @Override
    public void validate(Tx tx, MandateDto m, LocalDate today) {
        id("id", m.id(), true);
        id("residentId", m.residentId(), true);
        if (m.demarches().isEmpty()) {
            throw RejectedOp.invalid("demarches", "Un mandat nomme au moins une démarche « demarches ».");
        }
        codes(tx, "demarches", ListNames.DOMAIN, m.demarches());
        size("creditors", m.creditors());
        for (String creditor : m.creditors()) {
            text("creditors", creditor, Limits.MAX_SHORT_TEXT, true);
        }
        code(tx, "duration", ListNames.MANDATE_DURATION, m.duration(), true);
        date("startDate", m.startDate(), true);
        date("endDate", m.endDate(), true);
        if (m.endDate().isBefore(m.startDate())) {
            throw RejectedOp.invalid("endDate", "La fin du mandat « endDate » précède son début « startDate ».");
        }
        instant("revokedAt", m.revokedAt());
        text("place", m.place(), Limits.MAX_SHORT_TEXT, false);
        size("agentIds", m.agentIds());
        for (String agent : m.agentIds()) {
            id("agentIds", agent, true);
        }
        id("residentSignatureDocumentId", m.residentSignatureDocumentId(), false);
        id("agentSignatureDocumentId", m.agentSignatureDocumentId(), false);
        code(tx, "channel", ListNames.MANDATE_CHANNEL, m.channel(), false);
        instant("signedAt", m.signedAt());
    }

    @Override
    public OperationResultDto apply(Operation c, MandateDto pushed) {
        MandateDto m = c.inCallersStructure(pushed);
        validate(c.tx(), m, c.today());
        c.requireAuthorRole();
        ResidentFiles.requireVisible(c, m.residentId());
        Optional<StoredEntity> existing = c.existing(EntityType.MANDATE, m.id());
        if (existing.isEmpty()) {
            ResidentDto resident =
                    (ResidentDto) ResidentFiles.live(c, m.residentId()).data();
            if (resident.underProtection()) {
                throw new RejectedOp(
                        RejectedOp.LEGAL_PROTECTION,
                        "Cette personne est sous mesure de protection (« "
                                + resident.legalProtection()
                                + " ») : elle ne peut pas signer seule un mandat. Contactez "
                                + "son représentant légal.");
            }
            Optional<ResidentDto> protectedThen = protectionSinceSigning(c, m);
            if (protectedThen.isPresent()) {
                throw new RejectedOp(
                        RejectedOp.LEGAL_PROTECTION,
                        "Cette personne était sous mesure de protection (« "
                                + protectedThen.get().legalProtection()
                                + " ») quand ce mandat a été signé : il ne vaut pas, même si la protection a été "
                                + "levée depuis. Faites signer un nouveau mandat.");
            }
            for (String agent : m.agentIds()) {
                colleagues.require(c, agent, "agentIds");
            }
            return c.applied(c.save(m));
        }
        MandateDto before = (MandateDto) existing.get().data();
        if (before.equals(m)) {
            return c.applied(existing.get().version());
        }
        if (before.revokedAt() != null) {
            throw new RejectedOp(
                    RejectedOp.MANDATE_REVOKED,
                    "Ce mandat a été révoqué le "
                            + FieldChecks.day(before.revokedAt())
                            + " : il ne peut être ni rétabli ni modifié. Faites signer "
                            + "un nouveau mandat.");
        }
        MandateDto revoked = new MandateDto(
                before.id(),
                before.structureId(),
                before.residentId(),
                before.demarches(),
                before.creditors(),
                before.duration(),
                before.startDate(),
                before.endDate(),
                m.revokedAt(),
                before.notUnderProtection(),
                before.place(),
                before.agentIds(),
                before.residentSignatureDocumentId(),
                before.agentSignatureDocumentId(),
                before.channel(),
                before.signedAt());
        if (!revoked.equals(m)) {
            throw new RejectedOp(
                    RejectedOp.MANDATE_IMMUTABLE,
                    "Un mandat signé ne change plus, sauf pour être "
                            + "révoqué (« revokedAt ») : faites signer un nouveau mandat.");
        }
        return c.applied(c.save(m));
    }

    /**
     * A version of the resident under protection in force at some moment from the mandate's signature (its
     * {@code signedAt}, not later than now; without it, the start of its first day, Europe/Paris) until now: a mandate is
     * judged by the protection in force when it was signed, and a protection lifted afterwards does not make it
     * valid. The resident's versions ({@code record_versions}) are the protection's history.
     */
    private static Optional<ResidentDto> protectionSinceSigning(Operation c, MandateDto m) {
        Instant signed = m.signedAt() == null
                ? m.startDate().atStartOfDay(PushService.PARIS).toInstant()
                : (m.signedAt().isAfter(c.now()) ? c.now() : m.signedAt());
        return c.versionsInForceSince(EntityType.RESIDENT, m.residentId(), signed).stream()
                .map(ResidentDto.class::cast)
                .filter(ResidentDto::underProtection)
                .findFirst();
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        throw neverDeleted();
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, MandateDto mandate) {
        return viewer.seesWholeStructure() || viewer.follows(mandate.residentId());
    }
}
