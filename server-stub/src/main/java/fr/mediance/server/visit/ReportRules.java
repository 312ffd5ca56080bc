package fr.mediance.server.visit;

import static fr.mediance.server.sync.FieldChecks.amount;
import static fr.mediance.server.sync.FieldChecks.code;
import static fr.mediance.server.sync.FieldChecks.codes;
import static fr.mediance.server.sync.FieldChecks.date;
import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.instant;
import static fr.mediance.server.sync.FieldChecks.itemId;
import static fr.mediance.server.sync.FieldChecks.range;
import static fr.mediance.server.sync.FieldChecks.size;
import static fr.mediance.server.sync.FieldChecks.text;

import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CheckInDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.code.CodeLists;
import fr.mediance.server.consent.MandateRules;
import fr.mediance.server.db.Tx;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.FieldChecks;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.PushService;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Visit reports: written once by their author ({@code counsellorId} = caller), then immutable (the same content
 * again is accepted, other content refused). A correction is a new report that supersedes one of the author's
 * own reports about the same resident, once. An action "on behalf" of the resident needs a mandate covering it.
 * Never deleted. Seen by the structure's staff, their author, and the referent of their resident.
 */
public final class ReportRules extends RecordRules<VisitReportDto> {

    public ReportRules() {
        super(EntityType.VISIT_REPORT, VisitReportDto.class);
    }

    @Override
    public void validate(Tx tx, VisitReportDto v, LocalDate today) {
        id("id", v.id(), true);
        id("appointmentId", v.appointmentId(), false);
        id("residentId", v.residentId(), true);
        id("counsellorId", v.counsellorId(), true);
        code(tx, "medium", CodeLists.MEDIUM, v.medium(), true);
        if (v.domains().size() > Limits.MAX_LIST_ITEMS) {
            throw RejectedOp.invalid(
                    "domains", "Trop de domaines dans « domains » (au plus " + Limits.MAX_LIST_ITEMS + ").");
        }
        Set<String> seen = new HashSet<>();
        for (String d : v.domains()) {
            if (!seen.add(d)) {
                throw RejectedOp.invalid(
                        "domains", "Le domaine « " + FieldChecks.shorten(d) + " » apparaît deux fois.");
            }
            code(tx, "domains", CodeLists.DOMAIN, d, true);
        }
        text("place", v.place(), Limits.MAX_SHORT_TEXT, false);
        range(
                "durationMinutes",
                v.durationMinutes(),
                Limits.MIN_CONTACT_MINUTES,
                Limits.MAX_CONTACT_MINUTES,
                "La durée « durationMinutes » doit être comprise entre " + Limits.MIN_CONTACT_MINUTES + " et "
                        + Limits.MAX_CONTACT_MINUTES + " minutes.");
        codes(tx, "personsPresent", ListNames.PERSON_PRESENT, v.personsPresent());
        codes(tx, "motifs", ListNames.MOTIF, v.motifs());
        if (v.energy() != null) {
            energy(tx, v.energy());
        }
        size("actions", v.actions());
        Set<String> ids = new HashSet<>();
        for (ActionDto a : v.actions()) {
            action(tx, a, ids);
        }
        size("orientations", v.orientations());
        ids.clear();
        for (OrientationDto o : v.orientations()) {
            itemId("orientations", o.id(), ids);
            code(tx, "orientations.target", ListNames.ORIENTATION_TARGET, o.target(), true);
            text("orientations.reason", o.reason(), Limits.MAX_LONG_TEXT, false);
            date("orientations.date", o.date(), false);
            code(tx, "orientations.mode", ListNames.ORIENTATION_MODE, o.mode(), false);
            code(tx, "orientations.feedback", ListNames.ORIENTATION_FEEDBACK, o.feedback(), false);
        }
        id("residentSignatureDocumentId", v.residentSignatureDocumentId(), false);
        if (v.checkIn() != null) {
            checkIn(v.checkIn());
        }
        text("synthesis", v.synthesis(), Limits.MAX_LONG_TEXT, false);
        text("followUp", v.followUp(), Limits.MAX_LONG_TEXT, false);
        date("followUpDue", v.followUpDue(), false);
        instant("startedAt", v.startedAt());
        instant("completedAt", v.completedAt());
        if (v.startedAt() != null && v.completedAt() != null && v.completedAt().isBefore(v.startedAt())) {
            throw RejectedOp.invalid("completedAt", "La fin de l'entretien « completedAt » précède son début.");
        }
        id("supersedes", v.supersedes(), false);
        if (v.id().equals(v.supersedes())) {
            throw RejectedOp.invalid("supersedes", "Un compte rendu ne peut pas se remplacer lui-même.");
        }
    }

    private static void energy(Tx tx, EnergyCheckDto e) {
        code(tx, "energy.supplyState", ListNames.SUPPLY_STATE, e.supplyState(), false);
        range(
                "energy.limitedKva",
                e.limitedKva(),
                Limits.MIN_KVA,
                Limits.MAX_KVA,
                "La puissance limitée " + "« limitedKva » doit être comprise entre " + Limits.MIN_KVA + " et "
                        + Limits.MAX_KVA + " kVA.");
        date("energy.supplyStateSince", e.supplyStateSince(), false);
        code(tx, "energy.heatingType", ListNames.HEATING_TYPE, e.heatingType(), false);
        codes(tx, "energy.ecoGestures", ListNames.ECO_GESTURE, e.ecoGestures());
        codes(tx, "energy.equipmentIssues", ListNames.EQUIPMENT_ISSUE, e.equipmentIssues());
        code(tx, "energy.renovationOrientation", ListNames.RENOVATION_ORIENTATION, e.renovationOrientation(), false);
    }

    private static void action(Tx tx, ActionDto a, Set<String> ids) {
        itemId("actions", a.id(), ids);
        code(tx, "actions.type", ListNames.ACTION_TYPE, a.type(), true);
        code(tx, "actions.domain", ListNames.DOMAIN, a.domain(), a.onBehalf());
        text("actions.target", a.target(), Limits.MAX_SHORT_TEXT, false);
        date("actions.date", a.date(), false);
        code(tx, "actions.result", ListNames.ACTION_RESULT, a.result(), false);
        amount("actions.amountRequestedCents", a.amountRequestedCents());
        amount("actions.amountObtainedCents", a.amountObtainedCents());
        text("actions.reference", a.reference(), Limits.MAX_SHORT_TEXT, false);
        id("actions.mandateId", a.mandateId(), false);
        text("actions.note", a.note(), Limits.MAX_LONG_TEXT, false);
    }

    private static void checkIn(CheckInDto c) {
        if (Math.abs(c.latitudeE6()) > 90_000_000L) {
            throw RejectedOp.invalid(
                    "checkIn.latitudeE6",
                    "La latitude « latitudeE6 » doit être comprise entre " + "-90 et 90 degrés (en millionièmes).");
        }
        if (Math.abs(c.longitudeE6()) > 180_000_000L) {
            throw RejectedOp.invalid(
                    "checkIn.longitudeE6",
                    "La longitude « longitudeE6 » doit être comprise entre " + "-180 et 180 degrés (en millionièmes).");
        }
        range(
                "checkIn.accuracyMeters",
                c.accuracyMeters(),
                0,
                Limits.MAX_ACCURACY_METERS,
                "La précision " + "« accuracyMeters » doit être comprise entre 0 et " + Limits.MAX_ACCURACY_METERS
                        + " mètres.");
        if (c.at() == null) {
            throw RejectedOp.invalid("checkIn.at", "Le champ « checkIn.at » est obligatoire.");
        }
        instant("checkIn.at", c.at());
    }

    @Override
    public OperationResultDto apply(Operation c, VisitReportDto pushed) {
        VisitReportDto v = c.inCallersStructure(pushed);
        validate(c.tx(), v, c.today());
        c.requireAuthorRole();
        if (!c.user().id().equals(v.counsellorId())) {
            throw RejectedOp.forbidden("Un compte rendu est enregistré au nom de son auteur : « counsellorId » "
                    + "doit être votre identifiant.");
        }
        Optional<StoredEntity> existing = c.existing(EntityType.VISIT_REPORT, v.id());
        if (existing.isPresent()) {
            return c.sameOrImmutable(
                    existing.get(),
                    v,
                    RejectedOp.REPORT_IMMUTABLE,
                    "Ce compte rendu est déjà envoyé et ne peut plus changer : créez un nouveau compte rendu "
                            + "qui le remplace (« supersedes »).");
        }
        ResidentFiles.requireVisible(c, v.residentId());
        if (v.appointmentId() != null) {
            AppointmentDto a = (AppointmentDto) c.inStructure(
                            EntityType.APPOINTMENT, v.appointmentId(), "Rendez-vous « appointmentId » introuvable.")
                    .data();
            if (!a.residentId().equals(v.residentId())
                    || (c.user().is(Role.COUNSELLOR)
                            && !a.counsellorId().equals(c.user().id()))) {
                throw RejectedOp.notFound("Rendez-vous « appointmentId » introuvable pour cette personne.");
            }
        }
        requireMandates(c, v);
        if (v.supersedes() != null) {
            VisitReportDto old = (VisitReportDto) c.inStructure(
                            EntityType.VISIT_REPORT,
                            v.supersedes(),
                            "Le compte rendu remplacé (« supersedes ») est introuvable.")
                    .data();
            if (!old.counsellorId().equals(v.counsellorId())) {
                throw RejectedOp.forbidden("Vous ne pouvez remplacer que vos propres comptes rendus (« supersedes »).");
            }
            if (!old.residentId().equals(v.residentId())) {
                throw RejectedOp.notFound("Le compte rendu remplacé (« supersedes ») concerne une autre personne.");
            }
            if (c.tx().exists("SELECT 1 FROM visit_reports WHERE supersedes = ? AND id <> ?", v.supersedes(), v.id())) {
                throw new RejectedOp(
                        RejectedOp.REPORT_SUPERSEDED,
                        "Ce compte rendu a déjà été remplacé par une "
                                + "correction : corrigez plutôt sa dernière version.");
            }
        }
        return c.applied(c.save(v));
    }

    /**
     * Every action "on behalf" of the resident names a live mandate of the same resident that names the report's
     * counsellor among its agents and covers its domain on its date (Europe/Paris); an action without a date is dated by the contact (its start, else its end,
     * else today), as on the tablet.
     */
    private static void requireMandates(Operation c, VisitReportDto v) {
        Instant contact = v.startedAt() != null ? v.startedAt() : v.completedAt();
        LocalDate contactDay = contact == null ? c.today() : LocalDate.ofInstant(contact, PushService.PARIS);
        for (ActionDto a : v.actions()) {
            if (!a.onBehalf()) {
                continue;
            }
            LocalDate day = a.date() != null ? a.date() : contactDay;
            Optional<String> refusal =
                    MandateRules.refusal(c, v.residentId(), a.mandateId(), v.counsellorId(), a.domain(), day);
            if (refusal.isPresent()) {
                throw new RejectedOp(RejectedOp.MANDATE_REQUIRED, refusal.get());
            }
        }
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        throw RejectedOp.forbidden("Un compte rendu ou un document envoyé ne peut pas être supprimé.");
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, VisitReportDto report) {
        return viewer.seesWholeStructure()
                || viewer.id().equals(report.counsellorId())
                || viewer.isReferentOf(report.residentId());
    }
}
