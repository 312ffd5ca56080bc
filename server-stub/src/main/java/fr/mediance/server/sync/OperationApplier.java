package fr.mediance.server.sync;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConflictDto;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of one pushed operation: field shapes ({@link FieldRules}), references to other records, and who
 * may write what. Every check runs before the first write; a refusal is a {@link RejectedOp}, and the caller's
 * transaction is rolled back, so a refused operation writes nothing.
 *
 * <p>Residents: coordinator and admin create and update; a counsellor updates a resident they follow, but
 * not its referent. Appointments: coordinator and admin; a counsellor changes only {@code status} and
 * {@code statusReason} of their own. Updates of residents and appointments merge field by field onto the
 * current version ({@link FieldMerge}); a field changed on both sides is applied and kept in a conflict record
 * written in the same transaction. Reports and documents: written once by their author, then immutable (the
 * same content again is accepted, other content refused); a correction is a new report that supersedes one of
 * the author's reports, once. Codes: admin. Conflicts: created by the server only; coordinator, office and
 * admin resolve them. Blob statuses: server-owned, never pushed. Deletes: where the role may update, never for
 * reports, documents, conflicts and blob statuses.
 */
final class OperationApplier {
    private static final List<String> COUNSELLOR_APPOINTMENT_FIELDS = List.of("status", "statusReason");

    private final EntityStore store;
    private final FieldRules fields;
    private final Visibility visibility;
    private final EntityWriter writer;
    private final UserStore users;
    private final FieldMerge merge;
    private final BlobRegistry blobs;

    OperationApplier(EntityStore store, FieldRules fields, Visibility visibility, EntityWriter writer,
                     UserStore users, BlobRegistry blobs) {
        this.store = store;
        this.fields = fields;
        this.visibility = visibility;
        this.writer = writer;
        this.users = users;
        this.merge = new FieldMerge(store);
        this.blobs = blobs;
    }

    /** The context of one operation. */
    record Call(Tx tx, AuthUser user, OperationDto op, Instant now, LocalDate today) {
        String structure() {
            return user.structureId();
        }
    }

    OperationResultDto apply(Call c) {
        FieldRules.id("entityId", c.op().entityId(), true);
        if (c.op().entity() == EntityType.BLOB) {
            throw RejectedOp.forbidden("L'état des fichiers reçus est tenu par le serveur : il ne s'envoie pas.");
        }
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
        } else if (data instanceof ConflictDto conflict) {
            return resolve(c, conflict);
        }
        throw RejectedOp.forbidden("Ce type d'enregistrement ne s'envoie pas.");
    }

    private OperationResultDto resident(Call c, ResidentDto r) {
        Optional<StoredEntity> existing = existing(c, EntityType.RESIDENT, r.id());
        if (existing.isEmpty()) {
            fields.resident(c.tx(), r, c.today());
            if (!c.user().is(Role.COORDINATOR) && !c.user().is(Role.ADMIN)) {
                throw RejectedOp.forbidden(c.user().is(Role.COUNSELLOR)
                        ? "Seule la coordination peut créer la fiche d'une personne."
                        : "Votre rôle ne permet pas de modifier une fiche.");
            }
            if (r.referentId() != null) {
                requireColleague(c, r.referentId(), "referentId");
            }
            return result(c, save(c, r), OpStatus.APPLIED, List.of());
        }
        StoredEntity current = existing.get();
        ResidentDto before = (ResidentDto) current.data();
        FieldMerge.Outcome m = merge.merge(c.tx(), current, c.op(), r, c.user().id());
        ResidentDto merged = (ResidentDto) m.merged();
        fields.resident(c.tx(), merged, c.today());
        switch (c.user().role()) {
            case COORDINATOR, ADMIN -> {
            }
            case COUNSELLOR -> {
                if (!visibility.follows(c.tx(), c.user().id(), before)) {
                    throw RejectedOp.forbidden("Vous ne suivez pas cette personne : modification refusée.");
                }
                if (m.fields().contains("referentId")) {
                    throw new RejectedOp(RejectedOp.FORBIDDEN_FIELD,
                            "Seule la coordination peut changer le référent (« referentId »).");
                }
            }
            default -> throw RejectedOp.forbidden("Votre rôle ne permet pas de modifier une fiche.");
        }
        if (merged.referentId() != null && !Objects.equals(before.referentId(), merged.referentId())) {
            requireColleague(c, merged.referentId(), "referentId");
        }
        long version = storeResident(c, before, merged, c.op().baseVersion());
        writeConflicts(c, EntityType.RESIDENT, merged.id(), m.conflicts());
        return result(c, version, m.status(), m.conflicts());
    }

    /** Saves a resident's new state; the former referent who no longer follows them is told to forget them. */
    private long storeResident(Call c, ResidentDto before, ResidentDto after, Long baseVersion) {
        long version = writer.save(c.tx(), after, c.structure(), c.user().id(), c.now(), baseVersion, c.op().opId());
        if (before.referentId() != null && !before.referentId().equals(after.referentId())) {
            revokeResidentIfUnfollowed(c, before.referentId(), after);
        }
        return version;
    }

    private OperationResultDto appointment(Call c, AppointmentDto a) {
        Optional<StoredEntity> existing = existing(c, EntityType.APPOINTMENT, a.id());
        if (existing.isEmpty()) {
            fields.appointment(c.tx(), a);
            if (c.user().is(Role.COUNSELLOR)) {
                throw RejectedOp.forbidden("Seule la coordination planifie les rendez-vous.");
            }
            if (!c.user().is(Role.COORDINATOR) && !c.user().is(Role.ADMIN)) {
                throw RejectedOp.forbidden("Votre rôle ne permet pas de planifier un rendez-vous.");
            }
            liveResident(c, a.residentId());
            requireColleague(c, a.counsellorId(), "counsellorId");
            return result(c, storeAppointment(c, null, a, c.op().baseVersion()), OpStatus.APPLIED, List.of());
        }
        StoredEntity current = existing.get();
        AppointmentDto before = (AppointmentDto) current.data();
        if (c.user().is(Role.COUNSELLOR) && !c.user().id().equals(before.counsellorId())) {
            throw RejectedOp.forbidden("Ce rendez-vous n'est pas le vôtre : modification refusée.");
        }
        FieldMerge.Outcome m = merge.merge(c.tx(), current, c.op(), a, c.user().id());
        AppointmentDto merged = (AppointmentDto) m.merged();
        fields.appointment(c.tx(), merged);
        if (c.user().is(Role.COUNSELLOR)) {
            for (String f : m.fields()) {
                if (!COUNSELLOR_APPOINTMENT_FIELDS.contains(f)) {
                    throw new RejectedOp(RejectedOp.FORBIDDEN_FIELD, "Vous ne pouvez changer que le statut du "
                            + "rendez-vous et son motif ; le champ « " + f + " » est réservé à la coordination.");
                }
            }
        } else if (!c.user().is(Role.COORDINATOR) && !c.user().is(Role.ADMIN)) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas de planifier un rendez-vous.");
        } else {
            if (!before.residentId().equals(merged.residentId())) {
                liveResident(c, merged.residentId());
            }
            if (!before.counsellorId().equals(merged.counsellorId())) {
                requireColleague(c, merged.counsellorId(), "counsellorId");
            }
        }
        long version = storeAppointment(c, before, merged, c.op().baseVersion());
        writeConflicts(c, EntityType.APPOINTMENT, merged.id(), m.conflicts());
        return result(c, version, m.status(), m.conflicts());
    }

    /**
     * Saves an appointment's new state with the access it gives and takes: its counsellor receives the resident
     * (even unchanged since their cursor), a former counsellor gets tombstones.
     */
    private long storeAppointment(Call c, AppointmentDto before, AppointmentDto after, Long baseVersion) {
        StoredEntity resident = store.find(c.tx(), EntityType.RESIDENT, after.residentId()).orElseThrow(
                () -> RejectedOp.notFound("Personne « residentId » introuvable."));
        if (!visibility.follows(c.tx(), after.counsellorId(), (ResidentDto) resident.data())) {
            writer.grant(c.tx(), EntityType.RESIDENT, resident.id(), c.structure(), after.counsellorId(),
                    c.user().id(), c.now(), c.op().opId());
        }
        long version = writer.save(c.tx(), after, c.structure(), c.user().id(), c.now(), baseVersion, c.op().opId());
        if (before != null) {
            if (!before.counsellorId().equals(after.counsellorId())) {
                writer.revoke(c.tx(), EntityType.APPOINTMENT, after.id(), c.structure(), before.counsellorId(),
                        c.user().id(), c.now(), c.op().opId());
            }
            if (!before.counsellorId().equals(after.counsellorId()) || !before.residentId().equals(after.residentId())) {
                revokeResidentIfUnfollowed(c, before.counsellorId(), before.residentId());
            }
        }
        return version;
    }

    /** Conflict records, in the same transaction as the change: seen by the structure's staff and both authors. */
    private void writeConflicts(Call c, EntityType type, String id, List<FieldMerge.FieldConflict> conflicts) {
        for (FieldMerge.FieldConflict f : conflicts) {
            ConflictDto conflict = new ConflictDto(UUID.randomUUID().toString(), c.structure(), type, id, f.field(),
                    f.baseValue(), f.serverValue(), f.clientValue(), f.serverAuthorId(), c.user().id(), c.now(),
                    ConflictDto.OPEN, null, null, null);
            writer.save(c.tx(), conflict, c.structure(), c.user().id(), c.now(), null, c.op().opId());
        }
    }

    /**
     * An office, coordinator or admin account chose the value of a conflicting field: it becomes a new version of
     * the record (which reaches every device that sees it) and the conflict is resolved, for good.
     */
    private OperationResultDto resolve(Call c, ConflictDto pushed) {
        Role role = c.user().role();
        if (role != Role.COORDINATOR && role != Role.OFFICE && role != Role.ADMIN) {
            throw RejectedOp.forbidden("Seuls la coordination et le bureau tranchent un conflit de modification.");
        }
        StoredEntity stored = inStructure(c, EntityType.CONFLICT, pushed.id(),
                "Conflit introuvable : les conflits sont créés par le serveur.");
        if (!ConflictDto.RESOLVED.equals(pushed.status())) {
            throw RejectedOp.invalid("status", "Un conflit s'envoie seulement pour le trancher : statut « "
                    + ConflictDto.RESOLVED + " » et valeur retenue « resolvedValue ».");
        }
        ConflictDto conflict = (ConflictDto) stored.data();
        if (conflict.resolved()) {
            if (Objects.equals(conflict.resolvedValue(), pushed.resolvedValue())) {
                return result(c, stored.version(), OpStatus.APPLIED, List.of());
            }
            throw new RejectedOp(RejectedOp.CONFLICT_RESOLVED, "Ce conflit a déjà été tranché (valeur retenue : « "
                    + FieldRules.shorten(String.valueOf(conflict.resolvedValue())) + " ») : il ne change plus.");
        }
        StoredEntity target = store.find(c.tx(), conflict.entity(), conflict.entityId())
                .filter(e -> c.structure().equals(e.structureId()))
                .orElseThrow(() -> RejectedOp.notFound("L'enregistrement en conflit est introuvable."));
        if (target.deleted()) {
            throw new RejectedOp(RejectedOp.ENTITY_DELETED, "L'enregistrement en conflit a été supprimé.");
        }
        Map<String, String> value = new HashMap<>();
        value.put(conflict.field(), pushed.resolvedValue());
        if (target.data() instanceof ResidentDto before) {
            ResidentDto after = WireFields.with(before, value);
            fields.resident(c.tx(), after, c.today());
            if (after.referentId() != null && !after.referentId().equals(before.referentId())) {
                requireColleague(c, after.referentId(), "referentId");
            }
            storeResident(c, before, after, target.version());
        } else if (target.data() instanceof AppointmentDto before) {
            AppointmentDto after = WireFields.with(before, value);
            fields.appointment(c.tx(), after);
            if (!before.residentId().equals(after.residentId())) {
                liveResident(c, after.residentId());
            }
            if (!before.counsellorId().equals(after.counsellorId())) {
                requireColleague(c, after.counsellorId(), "counsellorId");
            }
            storeAppointment(c, before, after, target.version());
        } else {
            throw RejectedOp.notFound("L'enregistrement en conflit est introuvable.");
        }
        ConflictDto resolved = new ConflictDto(conflict.id(), c.structure(), conflict.entity(), conflict.entityId(),
                conflict.field(), conflict.baseValue(), conflict.serverValue(), conflict.clientValue(),
                conflict.serverAuthorId(), conflict.clientAuthorId(), conflict.detectedAt(), ConflictDto.RESOLVED,
                pushed.resolvedValue(), c.user().id(), c.now());
        long version = writer.save(c.tx(), resolved, c.structure(), c.user().id(), c.now(), stored.version(),
                c.op().opId());
        return result(c, version, OpStatus.APPLIED, List.of());
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
            if (!old.counsellorId().equals(v.counsellorId())) {
                throw RejectedOp.forbidden("Vous ne pouvez remplacer que vos propres comptes rendus (« supersedes »).");
            }
            if (!old.residentId().equals(v.residentId())) {
                throw RejectedOp.notFound("Le compte rendu remplacé (« supersedes ») concerne une autre personne.");
            }
            if (!store.reportsSuperseding(c.tx(), v.supersedes(), v.id()).isEmpty()) {
                throw new RejectedOp(RejectedOp.REPORT_SUPERSEDED, "Ce compte rendu a déjà été remplacé par une "
                        + "correction : corrigez plutôt sa dernière version.");
            }
        }
        return applied(c, save(c, v));
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
        long version = save(c, d);
        blobs.documentStored(c.tx(), d.sha256(), c.structure(), c.user().id(), c.now(), c.op().opId());
        return applied(c, version);
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
        return applied(c, save(c, code));
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
            case CONFLICT, BLOB -> throw RejectedOp.forbidden("Cet enregistrement est tenu par le serveur : il ne "
                    + "se supprime pas.");
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

    private long save(Call c, EntityDto data) {
        return writer.save(c.tx(), data, c.structure(), c.user().id(), c.now(), c.op().baseVersion(), c.op().opId());
    }

    private static OperationResultDto applied(Call c, long version) {
        return new OperationResultDto(c.op().opId(), OpStatus.APPLIED, version, null, null);
    }

    /** The receipt of a stored change; a conflict names its fields in a French sentence. */
    private static OperationResultDto result(Call c, long version, OpStatus status,
                                             List<FieldMerge.FieldConflict> conflicts) {
        if (status != OpStatus.CONFLICT) {
            return new OperationResultDto(c.op().opId(), status, version, null, null);
        }
        String names = String.join(", ", conflicts.stream().map(f -> "« " + f.field() + " »").toList());
        return new OperationResultDto(c.op().opId(), status, version, "field_conflict", "Votre modification est "
                + "enregistrée, mais " + names + " avait aussi été modifié par quelqu'un d'autre : les deux valeurs "
                + "sont gardées et la coordination ou le bureau tranchera.");
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
