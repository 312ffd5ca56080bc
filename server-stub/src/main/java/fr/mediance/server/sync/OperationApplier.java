package fr.mediance.server.sync;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Tx;
import fr.mediance.server.user.UserRecord;
import fr.mediance.server.user.UserStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of one pushed operation: field shapes ({@link FieldRules}), references to other records, and who
 * may write what. Every check runs before the first write; a refusal is a {@link RejectedOp}.
 *
 * <p>Residents: coordinator and admin create and update; a counsellor updates a resident they follow, but
 * not its referent. Appointments: coordinator and admin; a counsellor changes only {@code status} and
 * {@code statusReason} of their own. Reports and documents: written once by their author, then immutable
 * (the same content again is accepted, other content refused). Codes: admin. Deletes: where the role may
 * update, never for reports and documents. Concurrent updates: last writer wins for now; the change log keeps
 * each change's base version.
 */
final class OperationApplier {
    private final EntityStore store;
    private final FieldRules fields;
    private final Visibility visibility;
    private final EntityWriter writer;
    private final UserStore users;

    OperationApplier(EntityStore store, FieldRules fields, Visibility visibility, EntityWriter writer,
                     UserStore users) {
        this.store = store;
        this.fields = fields;
        this.visibility = visibility;
        this.writer = writer;
        this.users = users;
    }

    /** The context of one operation. */
    record Call(Tx tx, AuthUser user, OperationDto op, Instant now, LocalDate today) {
        String structure() {
            return user.structureId();
        }
    }

    OperationResultDto apply(Call c) {
        FieldRules.id("entityId", c.op().entityId(), true);
        if (c.op().delete()) {
            return delete(c);
        }
        EntityDto data = c.op().data();
        if (data instanceof ResidentDto r) {
            return resident(c, Records.inStructure(r, c.structure()));
        } else if (data instanceof AppointmentDto a) {
            return appointment(c, Records.inStructure(a, c.structure()));
        } else if (data instanceof VisitReportDto v) {
            return report(c, Records.inStructure(v, c.structure()));
        } else if (data instanceof DocumentDto d) {
            return document(c, Records.inStructure(d, c.structure()));
        } else if (data instanceof CodeDto code) {
            return code(c, code);
        }
        throw new IllegalStateException("unknown payload");
    }

    private OperationResultDto resident(Call c, ResidentDto r) {
        fields.resident(c.tx(), r, c.today());
        Optional<StoredEntity> existing = existing(c, EntityType.RESIDENT, r.id());
        if (r.referentId() != null) {
            requireColleague(c, r.referentId(), "referentId");
        }
        switch (c.user().role()) {
            case COORDINATOR, ADMIN -> {
            }
            case COUNSELLOR -> {
                ResidentDto before = (ResidentDto) existing.orElseThrow(() -> RejectedOp.forbidden(
                        "Seule la coordination peut créer la fiche d'une personne.")).data();
                if (!visibility.follows(c.tx(), c.user().id(), before)) {
                    throw RejectedOp.forbidden("Vous ne suivez pas cette personne : modification refusée.");
                }
                if (!Objects.equals(before.referentId(), r.referentId())) {
                    throw new RejectedOp(RejectedOp.FORBIDDEN_FIELD,
                            "Seule la coordination peut changer le référent (« referentId »).");
                }
            }
            default -> throw RejectedOp.forbidden("Votre rôle ne permet pas de modifier une fiche.");
        }
        OperationResultDto result = save(c, r);
        String oldReferent = existing.map(e -> ((ResidentDto) e.data()).referentId()).orElse(null);
        if (oldReferent != null && !oldReferent.equals(r.referentId())) {
            revokeResidentIfUnfollowed(c, oldReferent, r);
        }
        return result;
    }

    private OperationResultDto appointment(Call c, AppointmentDto a) {
        fields.appointment(c.tx(), a);
        Optional<StoredEntity> existing = existing(c, EntityType.APPOINTMENT, a.id());
        if (c.user().is(Role.COUNSELLOR)) {
            AppointmentDto before = (AppointmentDto) existing.orElseThrow(() -> RejectedOp.forbidden(
                    "Seule la coordination planifie les rendez-vous.")).data();
            if (!c.user().id().equals(before.counsellorId())) {
                throw RejectedOp.forbidden("Ce rendez-vous n'est pas le vôtre : modification refusée.");
            }
            String changed = Records.firstNonStatusChange(before, a);
            if (changed != null) {
                throw new RejectedOp(RejectedOp.FORBIDDEN_FIELD, "Vous ne pouvez changer que le statut du "
                        + "rendez-vous et son motif ; le champ « " + changed + " » est réservé à la coordination.");
            }
            return save(c, a);
        }
        if (!c.user().is(Role.COORDINATOR) && !c.user().is(Role.ADMIN)) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas de planifier un rendez-vous.");
        }
        ResidentDto resident = (ResidentDto) liveResident(c, a.residentId()).data();
        requireColleague(c, a.counsellorId(), "counsellorId");
        boolean hadAccess = visibility.follows(c.tx(), a.counsellorId(), resident);
        if (!hadAccess) {
            writer.grant(c.tx(), EntityType.RESIDENT, resident.id(), c.structure(), a.counsellorId(), c.user().id(),
                    c.now(), c.op().opId());
        }
        OperationResultDto result = save(c, a);
        if (existing.isPresent()) {
            AppointmentDto before = (AppointmentDto) existing.get().data();
            if (!before.counsellorId().equals(a.counsellorId())) {
                writer.revoke(c.tx(), EntityType.APPOINTMENT, a.id(), c.structure(), before.counsellorId(),
                        c.user().id(), c.now(), c.op().opId());
            }
            if (!before.counsellorId().equals(a.counsellorId()) || !before.residentId().equals(a.residentId())) {
                revokeResidentIfUnfollowed(c, before.counsellorId(), before.residentId());
            }
        }
        return result;
    }

    private OperationResultDto report(Call c, VisitReportDto v) {
        fields.report(c.tx(), v);
        requireAuthorRole(c);
        if (!c.user().id().equals(v.counsellorId())) {
            throw RejectedOp.forbidden("Un compte rendu est enregistré au nom de son auteur : « counsellorId » "
                    + "doit être votre identifiant.");
        }
        Optional<StoredEntity> existing = existing(c, EntityType.VISIT_REPORT, v.id());
        if (existing.isPresent()) {
            return sameOrImmutable(c, existing.get(), v, RejectedOp.REPORT_IMMUTABLE,
                    "Ce compte rendu est déjà envoyé et ne peut plus changer : créez un nouveau compte rendu "
                            + "qui le remplace (« supersedes »).");
        }
        visibleResident(c, v.residentId());
        if (v.appointmentId() != null) {
            AppointmentDto a = (AppointmentDto) inStructure(c, EntityType.APPOINTMENT, v.appointmentId(),
                    "Rendez-vous « appointmentId » introuvable.").data();
            if (!a.residentId().equals(v.residentId())
                    || (c.user().is(Role.COUNSELLOR) && !a.counsellorId().equals(c.user().id()))) {
                throw RejectedOp.notFound("Rendez-vous « appointmentId » introuvable pour cette personne.");
            }
        }
        if (v.supersedes() != null) {
            VisitReportDto old = (VisitReportDto) inStructure(c, EntityType.VISIT_REPORT, v.supersedes(),
                    "Le compte rendu remplacé (« supersedes ») est introuvable.").data();
            if (!old.residentId().equals(v.residentId())) {
                throw RejectedOp.notFound("Le compte rendu remplacé (« supersedes ») concerne une autre personne.");
            }
        }
        return save(c, v);
    }

    private OperationResultDto document(Call c, DocumentDto d) {
        fields.document(c.tx(), d);
        requireAuthorRole(c);
        Optional<StoredEntity> existing = existing(c, EntityType.DOCUMENT, d.id());
        if (existing.isPresent()) {
            return sameOrImmutable(c, existing.get(), d, RejectedOp.DOCUMENT_IMMUTABLE,
                    "Ce document est déjà envoyé et ne peut plus changer : enregistrez-le comme un nouveau document.");
        }
        visibleResident(c, d.residentId());
        if (d.visitReportId() != null) {
            VisitReportDto v = (VisitReportDto) inStructure(c, EntityType.VISIT_REPORT, d.visitReportId(),
                    "Compte rendu « visitReportId » introuvable.").data();
            if (!v.residentId().equals(d.residentId())
                    || (c.user().is(Role.COUNSELLOR) && !v.counsellorId().equals(c.user().id()))) {
                throw RejectedOp.notFound("Compte rendu « visitReportId » introuvable pour cette personne.");
            }
        }
        return save(c, d);
    }

    private OperationResultDto code(Call c, CodeDto code) {
        if (!c.user().is(Role.ADMIN)) {
            throw RejectedOp.forbidden("Seul un administrateur peut modifier les listes de codes.");
        }
        fields.code(code);
        Optional<StoredEntity> existing = store.find(c.tx(), EntityType.CODE, code.id());
        if (existing.isPresent() && existing.get().deleted()) {
            throw new RejectedOp(RejectedOp.ENTITY_DELETED, "Ce code a été supprimé.");
        }
        return save(c, code);
    }

    private OperationResultDto delete(Call c) {
        EntityType type = c.op().entity();
        StoredEntity existing = (type == EntityType.CODE
                ? store.find(c.tx(), type, c.op().entityId())
                : store.find(c.tx(), type, c.op().entityId()).filter(e -> c.structure().equals(e.structureId())))
                .orElseThrow(() -> RejectedOp.notFound("Enregistrement à supprimer introuvable."));
        Role role = c.user().role();
        switch (type) {
            case VISIT_REPORT, DOCUMENT -> throw RejectedOp.forbidden(
                    "Un compte rendu ou un document envoyé ne peut pas être supprimé.");
            case CODE -> {
                if (role != Role.ADMIN) {
                    throw RejectedOp.forbidden("Seul un administrateur peut modifier les listes de codes.");
                }
            }
            case RESIDENT, APPOINTMENT -> {
                if (role != Role.COORDINATOR && role != Role.ADMIN) {
                    throw RejectedOp.forbidden("Seule la coordination peut supprimer cet enregistrement.");
                }
            }
        }
        if (existing.deleted()) {
            return applied(c, existing.version());
        }
        long version = writer.delete(c.tx(), existing, c.user().id(), c.now(), c.op().baseVersion(), c.op().opId());
        if (existing.data() instanceof AppointmentDto a) {
            revokeResidentIfUnfollowed(c, a.counsellorId(), a.residentId());
        }
        return applied(c, version);
    }

    // --- helpers

    private void revokeResidentIfUnfollowed(Call c, String counsellorId, String residentId) {
        store.find(c.tx(), EntityType.RESIDENT, residentId)
                .ifPresent(r -> revokeResidentIfUnfollowed(c, counsellorId, (ResidentDto) r.data()));
    }

    /** After a change, a counsellor who no longer follows a resident is told to forget them. */
    private void revokeResidentIfUnfollowed(Call c, String counsellorId, ResidentDto resident) {
        if (!visibility.follows(c.tx(), counsellorId, resident)) {
            writer.revoke(c.tx(), EntityType.RESIDENT, resident.id(), c.structure(), counsellorId, c.user().id(),
                    c.now(), c.op().opId());
        }
    }

    private OperationResultDto save(Call c, EntityDto data) {
        long version = writer.save(c.tx(), data, c.structure(), c.user().id(), c.now(), c.op().baseVersion(),
                c.op().opId());
        return applied(c, version);
    }

    private static OperationResultDto applied(Call c, long version) {
        return new OperationResultDto(c.op().opId(), OpStatus.APPLIED, version, null, null);
    }

    private static OperationResultDto sameOrImmutable(Call c, StoredEntity existing, EntityDto incoming, String code,
                                                      String message) {
        if (!existing.deleted() && existing.data().equals(incoming)) {
            return applied(c, existing.version());
        }
        throw new RejectedOp(code, message);
    }

    /** The stored record with this id, if any; refused if it belongs to another structure or is a tombstone. */
    private Optional<StoredEntity> existing(Call c, EntityType type, String id) {
        Optional<StoredEntity> e = store.find(c.tx(), type, id);
        if (e.isPresent()) {
            if (!c.structure().equals(e.get().structureId())) {
                throw RejectedOp.forbidden("Cet identifiant est déjà utilisé par un autre enregistrement.");
            }
            if (e.get().deleted()) {
                throw new RejectedOp(RejectedOp.ENTITY_DELETED, "Cet enregistrement a été supprimé.");
            }
        }
        return e;
    }

    private StoredEntity inStructure(Call c, EntityType type, String id, String message) {
        return store.find(c.tx(), type, id).filter(e -> c.structure().equals(e.structureId()))
                .orElseThrow(() -> RejectedOp.notFound(message));
    }

    private StoredEntity liveResident(Call c, String residentId) {
        StoredEntity r = inStructure(c, EntityType.RESIDENT, residentId, "Personne « residentId » introuvable.");
        if (r.deleted()) {
            throw RejectedOp.notFound("La personne « residentId » a été supprimée.");
        }
        return r;
    }

    /** A resident the caller may write about (tombstones included, so that work done offline is kept). */
    private void visibleResident(Call c, String residentId) {
        StoredEntity r = inStructure(c, EntityType.RESIDENT, residentId, "Personne « residentId » introuvable.");
        if (c.user().is(Role.COUNSELLOR) && !visibility.follows(c.tx(), c.user().id(), (ResidentDto) r.data())) {
            throw RejectedOp.notFound("Personne « residentId » introuvable parmi les personnes que vous suivez.");
        }
    }

    private void requireColleague(Call c, String userId, String field) {
        UserRecord u = users.findById(c.tx(), userId).orElse(null);
        if (u == null || !u.active() || !c.structure().equals(u.structureId())
                || !(u.role() == Role.COUNSELLOR || u.role() == Role.COORDINATOR)) {
            throw RejectedOp.notFound("Le compte « " + field + " » est inconnu dans votre structure.");
        }
    }

    private static void requireAuthorRole(Call c) {
        Role r = c.user().role();
        if (r != Role.COUNSELLOR && r != Role.COORDINATOR && r != Role.ADMIN) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas d'envoyer des comptes rendus ou des documents.");
        }
    }
}
