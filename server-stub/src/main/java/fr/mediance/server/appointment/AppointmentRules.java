package fr.mediance.server.appointment;

import static fr.mediance.server.sync.FieldChecks.code;
import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.size;
import static fr.mediance.server.sync.FieldChecks.text;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.AppointmentPlanning;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.server.code.CodeLists;
import fr.mediance.server.db.Tx;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.Colleagues;
import fr.mediance.server.sync.FieldMerge;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import fr.mediance.server.sync.WireFields;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appointments are planned by the coordination (and the admin) for anybody, and by a counsellor for herself, on
 * her tablet and offline, for a resident whose file she holds. Who may change which field is
 * {@link AppointmentPlanning}'s (the same rule the app applies before saving): a counsellor changes everything of
 * an appointment she planned herself unless the coordination locked it, and of the others only {@code status} and
 * {@code statusReason}, merged onto the current version; only the coordination and the admin lock. A cancellation
 * needs a reason. {@code plannedBy} is stamped from the caller at creation and kept afterwards. An appointment lasts
 * from {@link Limits#MIN_APPOINTMENT_MINUTES} to {@link Limits#MAX_APPOINTMENT_MINUTES}. A push that makes two
 * appointments of one counsellor overlap is applied and flagged ({@link AppointmentOverlaps}). Its counsellor
 * receives the resident's file; a former counsellor gets tombstones. Seen by the structure's staff and by its
 * counsellor.
 */
public final class AppointmentRules extends RecordRules<AppointmentDto> {
    private final Colleagues colleagues;

    public AppointmentRules(Colleagues colleagues) {
        super(EntityType.APPOINTMENT, AppointmentDto.class);
        this.colleagues = colleagues;
    }

    @Override
    public void validate(Tx tx, AppointmentDto a, LocalDate today) {
        id("id", a.id(), true);
        id("residentId", a.residentId(), true);
        id("counsellorId", a.counsellorId(), true);
        code(tx, "type", CodeLists.APPOINTMENT_TYPE, a.type(), true);
        code(tx, "status", CodeLists.APPOINTMENT_STATUS, a.status(), true);
        if (!a.end().isAfter(a.start())) {
            throw RejectedOp.invalid("end", "La fin du rendez-vous « end » doit être après son début « start ».");
        }
        long minutes = Duration.between(a.start(), a.end()).toMinutes();
        if (minutes < Limits.MIN_APPOINTMENT_MINUTES || minutes > Limits.MAX_APPOINTMENT_MINUTES) {
            throw RejectedOp.invalid(
                    "end",
                    "Un rendez-vous dure de " + Limits.MIN_APPOINTMENT_MINUTES + " à "
                            + Limits.MAX_APPOINTMENT_MINUTES
                            + " minutes : entre son début « start » et sa fin « end », "
                            + minutes + " minutes.");
        }
        text("address", a.address(), Limits.MAX_SHORT_TEXT, false);
        text("notes", a.notes(), Limits.MAX_LONG_TEXT, false);
        text("statusReason", a.statusReason(), Limits.MAX_SHORT_TEXT, false);
        if (AppointmentPlanning.missesReason(a.status(), a.statusReason())) {
            throw RejectedOp.invalid("statusReason", AppointmentPlanning.REASON_REQUIRED);
        }
        id("requestId", a.requestId(), false);
        size("checklist", a.checklist());
        for (String item : a.checklist()) {
            text("checklist", item, Limits.MAX_SHORT_TEXT, true);
        }
        text("safetyNotes", a.safetyNotes(), Limits.MAX_LONG_TEXT, false);
    }

    @Override
    public OperationResultDto apply(Operation c, AppointmentDto pushed) {
        AppointmentDto a = c.inCallersStructure(pushed);
        Optional<StoredEntity> existing = c.existing(EntityType.APPOINTMENT, a.id());
        if (existing.isEmpty()) {
            validate(c.tx(), a, c.today());
            String refusal = AppointmentPlanning.refusalOfCreation(
                    c.user().role(), c.user().id(), a.counsellorId(), a.locked());
            if (refusal != null) {
                throw RejectedOp.forbidden(refusal);
            }
            StoredEntity resident = ResidentFiles.live(c, a.residentId());
            if (c.user().is(Role.COUNSELLOR)
                    && !ResidentFiles.follows(c.tx(), c.user().id(), (ResidentDto) resident.data())) {
                throw ResidentFiles.notFollowed();
            }
            colleagues.require(c, a.counsellorId(), "counsellorId");
            checkRequest(c, null, a);
            AppointmentDto planned = a.withPlannedBy(c.user().id());
            long version = store(c, null, planned, c.op().baseVersion());
            return receipt(c, planned, c.applied(version));
        }
        StoredEntity current = existing.get();
        AppointmentDto stored = (AppointmentDto) current.data();
        // records planned before the planner was kept: their creator planned them
        AppointmentDto before = stored.plannedBy() == null ? stored.withPlannedBy(current.createdBy()) : stored;
        if (c.user().is(Role.COUNSELLOR) && !c.user().id().equals(before.counsellorId())) {
            throw RejectedOp.forbidden("Ce rendez-vous n'est pas le vôtre : modification refusée.");
        }
        FieldMerge.Outcome m = c.merge(current, a);
        AppointmentDto merged = ((AppointmentDto) m.merged()).withPlannedBy(before.plannedBy());
        for (String f : m.fields()) {
            String refusal = AppointmentPlanning.refusalOfChange(
                    c.user().role(), c.user().id(), before, f);
            if (refusal != null) {
                throw new RejectedOp(RejectedOp.FORBIDDEN_FIELD, refusal);
            }
        }
        validate(c.tx(), merged, c.today());
        checkReferences(c, before, merged);
        checkRequest(c, before, merged);
        if (c.user().is(Role.COUNSELLOR) && !before.residentId().equals(merged.residentId())) {
            StoredEntity resident = ResidentFiles.live(c, merged.residentId());
            if (!ResidentFiles.follows(c.tx(), c.user().id(), (ResidentDto) resident.data())) {
                throw ResidentFiles.notFollowed();
            }
        }
        long version = store(c, before, merged, c.op().baseVersion());
        c.writeConflicts(EntityType.APPOINTMENT, merged.id(), m.conflicts());
        return receipt(c, merged, c.result(version, m));
    }

    /**
     * The receipt of a written appointment: its overlap conflicts opened or closed ({@link AppointmentOverlaps});
     * an appointment left overlapping another is reported as a conflict (it is saved all the same).
     */
    private static OperationResultDto receipt(Operation c, AppointmentDto written, OperationResultDto result) {
        List<AppointmentDto> overlapping = AppointmentOverlaps.record(c, written);
        if (overlapping.isEmpty() || result.status() == OpStatus.CONFLICT) {
            return result;
        }
        return new OperationResultDto(
                result.opId(),
                OpStatus.CONFLICT,
                result.version(),
                AppointmentOverlaps.CODE,
                AppointmentOverlaps.message(overlapping));
    }

    @Override
    public long resolve(Operation c, StoredEntity target, Map<String, String> values) {
        AppointmentDto before = (AppointmentDto) target.data();
        AppointmentDto after = WireFields.with(before, values);
        validate(c.tx(), after, c.today());
        checkReferences(c, before, after);
        long version = store(c, before, after, target.version());
        AppointmentOverlaps.record(c, after);
        return version;
    }

    /** The request an appointment answers, when it names a new one, is one of the structure's. */
    private static void checkRequest(Operation c, AppointmentDto before, AppointmentDto after) {
        if (after.requestId() != null && (before == null || !after.requestId().equals(before.requestId()))) {
            c.inStructure(EntityType.REQUEST, after.requestId(), "Demande « requestId » introuvable.");
        }
    }

    /** A new resident is live, a new counsellor is a colleague. */
    private void checkReferences(Operation c, AppointmentDto before, AppointmentDto after) {
        if (!before.residentId().equals(after.residentId())) {
            ResidentFiles.live(c, after.residentId());
        }
        if (!before.counsellorId().equals(after.counsellorId())) {
            colleagues.require(c, after.counsellorId(), "counsellorId");
        }
    }

    /**
     * Saves an appointment's new state with the access it gives and takes: its counsellor receives the resident
     * (even unchanged since their cursor), a former counsellor gets tombstones.
     */
    private static long store(Operation c, AppointmentDto before, AppointmentDto after, Long baseVersion) {
        StoredEntity resident = c.find(EntityType.RESIDENT, after.residentId())
                .orElseThrow(() -> RejectedOp.notFound("Personne « residentId » introuvable."));
        if (!ResidentFiles.follows(c.tx(), after.counsellorId(), (ResidentDto) resident.data())) {
            ResidentFiles.grantFile(c, resident.id(), after.counsellorId());
        }
        long version = c.save(after, baseVersion);
        if (before != null) {
            if (!before.counsellorId().equals(after.counsellorId())) {
                c.revoke(EntityType.APPOINTMENT, after.id(), before.counsellorId());
            }
            if (!before.counsellorId().equals(after.counsellorId())
                    || !before.residentId().equals(after.residentId())) {
                ResidentFiles.revokeIfUnfollowed(c, before.counsellorId(), before.residentId());
            }
        }
        return version;
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        onlyCoordinationDeletes(c);
    }

    /** The counsellor of a deleted appointment who no longer follows its resident forgets them. */
    @Override
    public void afterDelete(Operation c, StoredEntity deleted) {
        AppointmentDto a = (AppointmentDto) deleted.data();
        ResidentFiles.revokeIfUnfollowed(c, a.counsellorId(), a.residentId());
        AppointmentOverlaps.forget(c, a.id());
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, AppointmentDto appointment) {
        return viewer.seesWholeStructure() || viewer.id().equals(appointment.counsellorId());
    }
}
