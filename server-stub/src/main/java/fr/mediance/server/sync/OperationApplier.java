package fr.mediance.server.sync;

import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Tx;
import fr.mediance.server.user.UserRecord;
import fr.mediance.server.user.UserStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * the author's reports, once; an action "on behalf" needs a mandate covering it. Codes: coordinator, office and
 * admin. Conflicts: created by the server only; coordinator, office and admin resolve them. Blob statuses:
 * server-owned, never pushed. Tasks, consents, mandates and private notes: see their methods. Deletes: where the
 * role may update, never for reports, documents, consents, mandates, conflicts and blob statuses.
 */
final class OperationApplier {
    private static final List<String> COUNSELLOR_APPOINTMENT_FIELDS = List.of("status", "statusReason");
    /** The records about a resident that a counsellor receives with them. */
    private static final List<EntityType> RESIDENT_FILE = List.of(EntityType.VISIT_REPORT, EntityType.DOCUMENT,
            EntityType.CONSENT, EntityType.MANDATE, EntityType.TASK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
        } else if (data instanceof TaskDto t) {
            return task(c, Records.inStructure(t, c.structure()));
        } else if (data instanceof ConsentDto consent) {
            return consent(c, Records.inStructure(consent, c.structure()));
        } else if (data instanceof MandateDto m) {
            return mandate(c, Records.inStructure(m, c.structure()));
        } else if (data instanceof PrivateNoteDto n) {
            return privateNote(c, Records.inStructure(n, c.structure()));
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
        if (after.referentId() != null && !after.referentId().equals(before.referentId())) {
            grantFile(c, after.id(), after.referentId());
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
            grantFile(c, resident.id(), after.counsellorId());
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
        requireMandates(c, v);
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
        requireCodeEditor(c);
        fields.code(code);
        fields.codeParent(c.tx(), code);
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
            case CODE -> requireCodeEditor(c);
            case TASK -> {
                if (role != Role.COORDINATOR && role != Role.OFFICE && role != Role.ADMIN) {
                    throw RejectedOp.forbidden("Un suivi se marque fait ou annulé ; seule la coordination le "
                            + "supprime.");
                }
            }
            case CONSENT, MANDATE -> throw RejectedOp.forbidden("Un consentement ou un mandat ne se supprime "
                    + "jamais : il se retire (« withdrawnAt ») ou se révoque (« revokedAt »).");
            case PRIVATE_NOTE -> {
                if (!c.user().id().equals(((PrivateNoteDto) existing.data()).authorId())) {
                    throw RejectedOp.notFound("Enregistrement à supprimer introuvable.");
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

    // --- the counsellor's day: tasks, consents, mandates, private notes

    /**
     * A follow-up task. A counsellor creates and updates the tasks assigned to themselves, about residents they
     * follow; the coordination, the office and the admin assign them to a colleague. Status: todo, then done or
     * cancelled (with {@code closedAt}); a closed task is only reopened to todo.
     */
    private OperationResultDto task(Call c, TaskDto t) {
        fields.task(c.tx(), t);
        Role role = c.user().role();
        boolean staff = role == Role.COORDINATOR || role == Role.OFFICE || role == Role.ADMIN;
        if (!staff && role != Role.COUNSELLOR) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas de modifier un suivi.");
        }
        Optional<StoredEntity> existing = existing(c, EntityType.TASK, t.id());
        TaskDto before = existing.map(e -> (TaskDto) e.data()).orElse(null);
        if (role == Role.COUNSELLOR) {
            if (!c.user().id().equals(t.assigneeId())) {
                throw RejectedOp.forbidden("Un suivi que vous enregistrez vous est attribué : « assigneeId » doit "
                        + "être votre identifiant (la coordination attribue les suivis aux collègues).");
            }
            if (before != null && !c.user().id().equals(before.assigneeId())) {
                throw RejectedOp.forbidden("Ce suivi est attribué à un collègue : modification refusée.");
            }
        } else if (before == null || !before.assigneeId().equals(t.assigneeId())) {
            requireColleague(c, t.assigneeId(), "assigneeId");
        }
        if (before == null) {
            StoredEntity resident = liveResident(c, t.residentId());
            if (role == Role.COUNSELLOR && !visibility.follows(c.tx(), c.user().id(), (ResidentDto) resident.data())) {
                throw RejectedOp.notFound("Personne « residentId » introuvable parmi les personnes que vous suivez.");
            }
        } else {
            if (!before.residentId().equals(t.residentId())) {
                throw RejectedOp.invalid("residentId", "Un suivi reste attaché à la même personne (« residentId »).");
            }
            if (!TaskDto.TODO.equals(before.status()) && !before.status().equals(t.status())
                    && !TaskDto.TODO.equals(t.status())) {
                throw new RejectedOp(RejectedOp.TASK_TRANSITION, "Ce suivi est déjà clos (« " + before.status()
                        + " ») : il ne peut être que rouvert (« todo »).");
            }
            if (before.equals(t)) {
                return applied(c, existing.get().version());
            }
        }
        if (t.visitReportId() != null) {
            // the report may still be on its way (a task can arrive first); when it is here, it is about the same person
            store.find(c.tx(), EntityType.VISIT_REPORT, t.visitReportId())
                    .filter(e -> c.structure().equals(e.structureId()))
                    .filter(e -> !((VisitReportDto) e.data()).residentId().equals(t.residentId()))
                    .ifPresent(e -> {
                        throw RejectedOp.notFound("Compte rendu « visitReportId » introuvable pour cette personne.");
                    });
        }
        long version = save(c, t);
        if (before != null && !before.assigneeId().equals(t.assigneeId())) {
            writer.revoke(c.tx(), EntityType.TASK, t.id(), c.structure(), before.assigneeId(), c.user().id(), c.now(),
                    c.op().opId());
        }
        return applied(c, version);
    }

    /**
     * A consent, recorded by a counsellor who follows the resident (or the coordination). Once stored it only
     * changes to be withdrawn ({@code withdrawnAt}), and a withdrawal is final. Never deleted.
     */
    private OperationResultDto consent(Call c, ConsentDto consent) {
        fields.consent(c.tx(), consent);
        requireAuthorRole(c);
        visibleResident(c, consent.residentId());
        Optional<StoredEntity> existing = existing(c, EntityType.CONSENT, consent.id());
        if (existing.isEmpty()) {
            return applied(c, save(c, consent));
        }
        ConsentDto before = (ConsentDto) existing.get().data();
        if (before.equals(consent)) {
            return applied(c, existing.get().version());
        }
        if (before.withdrawnAt() != null) {
            throw new RejectedOp(RejectedOp.CONSENT_WITHDRAWN, "Ce consentement a été retiré le "
                    + day(before.withdrawnAt()) + " : il ne change plus. Recueillez un nouveau consentement.");
        }
        ConsentDto withdrawn = new ConsentDto(before.id(), before.structureId(), before.residentId(), before.scope(),
                before.partner(), before.noticeVersion(), before.givenAt(), consent.withdrawnAt(),
                before.signatureDocumentId(), before.recordedBy(), before.medium());
        if (!withdrawn.equals(consent)) {
            throw new RejectedOp(RejectedOp.CONSENT_IMMUTABLE, "Un consentement enregistré ne change plus, sauf pour "
                    + "être retiré (« withdrawnAt ») : recueillez un nouveau consentement.");
        }
        return applied(c, save(c, consent));
    }

    /**
     * A mandate. Refused for a resident under a legal protection measure (they cannot sign one themselves).
     * Once stored it only changes to be revoked ({@code revokedAt}), and a revocation is final. Never deleted.
     */
    private OperationResultDto mandate(Call c, MandateDto m) {
        fields.mandate(c.tx(), m);
        requireAuthorRole(c);
        visibleResident(c, m.residentId());
        Optional<StoredEntity> existing = existing(c, EntityType.MANDATE, m.id());
        if (existing.isEmpty()) {
            ResidentDto resident = (ResidentDto) liveResident(c, m.residentId()).data();
            if (resident.underProtection()) {
                throw new RejectedOp(RejectedOp.LEGAL_PROTECTION, "Cette personne est sous mesure de protection (« "
                        + resident.legalProtection() + " ») : elle ne peut pas signer seule un mandat. Contactez "
                        + "son représentant légal.");
            }
            for (String agent : m.agentIds()) {
                requireColleague(c, agent, "agentIds");
            }
            return applied(c, save(c, m));
        }
        MandateDto before = (MandateDto) existing.get().data();
        if (before.equals(m)) {
            return applied(c, existing.get().version());
        }
        if (before.revokedAt() != null) {
            throw new RejectedOp(RejectedOp.MANDATE_REVOKED, "Ce mandat a été révoqué le " + day(before.revokedAt())
                    + " : il ne peut être ni rétabli ni modifié. Faites signer un nouveau mandat.");
        }
        MandateDto revoked = new MandateDto(before.id(), before.structureId(), before.residentId(), before.demarches(),
                before.creditors(), before.duration(), before.startDate(), before.endDate(), m.revokedAt(),
                before.notUnderProtection(), before.place(), before.agentIds(), before.residentSignatureDocumentId(),
                before.agentSignatureDocumentId(), before.channel(), before.signedAt());
        if (!revoked.equals(m)) {
            throw new RejectedOp(RejectedOp.MANDATE_IMMUTABLE, "Un mandat signé ne change plus, sauf pour être "
                    + "révoqué (« revokedAt ») : faites signer un nouveau mandat.");
        }
        return applied(c, save(c, m));
    }

    /** A private note: written by its author only, about a resident they may see. */
    private OperationResultDto privateNote(Call c, PrivateNoteDto n) {
        fields.privateNote(n);
        if (!c.user().id().equals(n.authorId())) {
            throw RejectedOp.forbidden("Une note privée est enregistrée au nom de son auteur : « authorId » doit "
                    + "être votre identifiant.");
        }
        Optional<StoredEntity> existing = store.find(c.tx(), EntityType.PRIVATE_NOTE, n.id());
        if (existing.isPresent()) {
            PrivateNoteDto before = (PrivateNoteDto) existing.get().data();
            if (!c.structure().equals(existing.get().structureId()) || !before.authorId().equals(n.authorId())) {
                throw RejectedOp.forbidden("Cet identifiant est déjà utilisé par un autre enregistrement.");
            }
            if (existing.get().deleted()) {
                throw new RejectedOp(RejectedOp.ENTITY_DELETED, "Cet enregistrement a été supprimé.");
            }
            if (!before.residentId().equals(n.residentId())) {
                throw RejectedOp.invalid("residentId", "Une note privée reste attachée à la même personne.");
            }
        }
        visibleResident(c, n.residentId());
        return applied(c, save(c, n));
    }

    /**
     * Every action "on behalf" of the resident names a live mandate of the same resident that covers its domain
     * on its date (Europe/Paris); an action without a date is dated by the contact (its start, else its end,
     * else today), as on the tablet.
     */
    private void requireMandates(Call c, VisitReportDto v) {
        Instant contact = v.startedAt() != null ? v.startedAt() : v.completedAt();
        LocalDate contactDay = contact == null ? c.today() : LocalDate.ofInstant(contact, PushService.PARIS);
        for (ActionDto a : v.actions()) {
            if (!a.onBehalf()) {
                continue;
            }
            LocalDate day = a.date() != null ? a.date() : contactDay;
            boolean covered = a.mandateId() != null && store.liveMandate(c.tx(), c.structure(), v.residentId(),
                    a.mandateId()).map(m -> ((MandateDto) m.data()).covers(a.domain(), day, PushService.PARIS))
                    .orElse(false);
            if (!covered) {
                throw new RejectedOp(RejectedOp.MANDATE_REQUIRED, "Action « pour le compte de » sans mandat actif "
                        + "couvrant le domaine « " + a.domain() + " » à la date du " + DAY.format(day)
                        + " : faites signer un mandat ou enregistrez l'action sans « pour le compte de ».");
            }
        }
    }

    private static String day(Instant t) {
        return DAY.format(LocalDate.ofInstant(t, PushService.PARIS));
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
            for (EntityType type : RESIDENT_FILE) {
                for (String id : store.idsAboutResident(c.tx(), type, resident.id())) {
                    writer.revoke(c.tx(), type, id, c.structure(), counsellorId, c.user().id(), c.now(),
                            c.op().opId());
                }
            }
        }
    }

    /**
     * A counsellor who now follows a resident receives the resident's file in their next pull (the resident,
     * reports, documents, consents, mandates, tasks), even the records that changed before their cursor; the
     * feed still sends only what they may see.
     */
    private void grantFile(Call c, String residentId, String counsellorId) {
        writer.grant(c.tx(), EntityType.RESIDENT, residentId, c.structure(), counsellorId, c.user().id(), c.now(),
                c.op().opId());
        for (EntityType type : RESIDENT_FILE) {
            for (String id : store.idsAboutResident(c.tx(), type, residentId)) {
                writer.grant(c.tx(), type, id, c.structure(), counsellorId, c.user().id(), c.now(), c.op().opId());
            }
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

    private static void requireCodeEditor(Call c) {
        Role r = c.user().role();
        if (r != Role.COORDINATOR && r != Role.OFFICE && r != Role.ADMIN) {
            throw RejectedOp.forbidden("Seuls la coordination, le bureau et l'administration modifient les listes "
                    + "de codes.");
        }
    }

    private static void requireAuthorRole(Call c) {
        Role r = c.user().role();
        if (r != Role.COUNSELLOR && r != Role.COORDINATOR && r != Role.ADMIN) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas d'envoyer des comptes rendus ou des documents.");
        }
    }
}
