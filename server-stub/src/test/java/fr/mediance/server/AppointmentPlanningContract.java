package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.AppointmentPlanning;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Appointments planned from both sides against the real server, on one database kind: a counsellor plans her own,
 * who changes which field (locked or not), a cancellation needs a reason, and two appointments of one counsellor
 * that overlap are both kept with one conflict that both sides see and that closes once they are apart.
 */
abstract class AppointmentPlanningContract extends SyncScenario {
    static final String CONSEIL1 = "demo-conseil1";
    /** A day far from the demo's appointments. */
    static final Instant TEN = Instant.parse("2027-03-10T09:00:00Z");

    static AppointmentDto at(String id, String counsellorId, Instant start, int minutes) {
        return with(
                with(appointment(id, R1, counsellorId, "confirmed"), "start", start),
                "end",
                start.plusSeconds(60L * minutes));
    }

    long version(String token, EntityType type, String id) {
        return pullAll(token, null).find(type, id).version();
    }

    List<ConflictDto> overlapConflicts(String token) {
        return pullAll(token, null).changes().stream()
                .filter(c -> c.entity() == EntityType.CONFLICT && c.data() != null)
                .map(c -> (ConflictDto) c.data())
                .filter(ConflictDto::overlap)
                .toList();
    }

    @Test
    void aCounsellorPlansHerOwnAppointmentForAResidentSheFollowsAndTheServerNamesHerItsPlanner() {
        AppointmentDto mine = with(at(newId(), CONSEIL1, TEN, 60), "plannedBy", "demo-coord");
        assertApplied(pushOne(conseil1, op(mine)));
        AppointmentDto atOffice = (AppointmentDto)
                pullAll(coord, null).find(EntityType.APPOINTMENT, mine.id()).data();
        assertThat(atOffice).isEqualTo(mine.withPlannedBy(CONSEIL1));

        OperationResultDto colleague = pushOne(conseil1, op(at(newId(), "demo-conseil2", TEN, 60)));
        assertRejected(colleague, "forbidden");
        assertThat(colleague.message()).contains("vos propres rendez-vous");
        assertRejected(pushOne(conseil1, op(with(at(newId(), CONSEIL1, TEN, 60), "residentId", R3))), "not_found");
        assertRejected(pushOne(conseil1, op(with(at(newId(), CONSEIL1, TEN, 60), "locked", true))), "forbidden");
        assertRejected(
                pushOne(conseil1, op(with(at(newId(), CONSEIL1, TEN.plusSeconds(7200), 60), "requestId", newId()))),
                "not_found");
    }

    @Test
    void aCounsellorReschedulesWhatSheHasPlannedUntilTheCoordinationLocksIt() {
        AppointmentDto mine = at(newId(), CONSEIL1, TEN, 60);
        assertApplied(pushOne(conseil1, op(mine)));
        AppointmentDto later = at(mine.id(), CONSEIL1, TEN.plusSeconds(7200), 45);
        assertApplied(
                pushOne(conseil1, update(later, version(conseil1, EntityType.APPOINTMENT, mine.id()), "start", "end")));
        OperationResultDto unlockByHer = pushOne(
                conseil1,
                update(with(later, "locked", true), version(conseil1, EntityType.APPOINTMENT, mine.id()), "locked"));
        assertRejected(unlockByHer, "forbidden_field");

        assertApplied(pushOne(
                coord,
                update(with(later, "locked", true), version(coord, EntityType.APPOINTMENT, mine.id()), "locked")));
        long v = version(conseil1, EntityType.APPOINTMENT, mine.id());
        OperationResultDto moved = pushOne(conseil1, update(with(later, "start", TEN), v, "start"));
        assertRejected(moved, "forbidden_field");
        assertThat(moved.message()).contains("verrouillé");
        assertRejected(pushOne(conseil1, update(with(later, "locked", false), v, "locked")), "forbidden_field");
        assertApplied(pushOne(conseil1, update(withStatus(later, "done", null), v, "status")));
        assertApplied(pushOne(
                coord,
                update(with(later, "locked", false), version(coord, EntityType.APPOINTMENT, mine.id()), "locked")));
    }

    @Test
    void ofAnAppointmentTheCoordinationPlannedACounsellorChangesOnlyItsStatus() {
        AppointmentDto theirs = at(newId(), CONSEIL1, TEN, 60);
        assertApplied(pushOne(coord, op(theirs)));
        long v = version(conseil1, EntityType.APPOINTMENT, theirs.id());
        for (String field : List.of("start", "type", "address", "notes", "checklist", "safetyNotes", "counsellorId")) {
            AppointmentDto changed = switch (field) {
                case "start" -> with(theirs, "start", TEN.plusSeconds(600));
                case "type" -> with(theirs, "type", "phone");
                case "checklist" -> with(theirs, "checklist", List.of("Avis d'imposition"));
                case "counsellorId" -> with(theirs, "counsellorId", "demo-conseil2");
                default -> with(theirs, field, "Autre texte");
            };
            assertRejected(pushOne(conseil1, update(changed, v, field)), "forbidden_field");
        }
        assertApplied(pushOne(
                conseil1, update(withStatus(theirs, "confirmed", "Confirmé par téléphone"), v, "statusReason")));
    }

    @Test
    void aCancellationWithoutAReasonIsRefusedOnBothSidesInFrench() {
        AppointmentDto theirs = at(newId(), CONSEIL1, TEN, 60);
        assertApplied(pushOne(coord, op(theirs)));
        for (String token : List.of(coord, conseil1)) {
            OperationResultDto r = pushOne(
                    token,
                    update(
                            withStatus(theirs, "cancelled_by_structure", null),
                            version(token, EntityType.APPOINTMENT, theirs.id()),
                            "status"));
            assertRejected(r, "invalid_field");
            assertThat(r.message()).isEqualTo(AppointmentPlanning.REASON_REQUIRED);
        }
        assertApplied(pushOne(
                coord,
                update(
                        withStatus(theirs, "cancelled_by_structure", "Conseillère en formation"),
                        version(coord, EntityType.APPOINTMENT, theirs.id()),
                        "status",
                        "statusReason")));
    }

    @Test
    void anOfflineAppointmentOverlappingTheCoordinatorsIsKeptWithOneConflictThatBothSeeUntilOneMoves() {
        // planned offline on the tablet, 10:30-11:30 ...
        AppointmentDto hers = at(newId(), CONSEIL1, TEN.plusSeconds(1800), 60);
        OperationDto herPush = op(hers);
        // ... while the coordination plans 10:00-11:00 for her, and is synchronised first
        AppointmentDto coords = at(newId(), CONSEIL1, TEN, 60);
        assertApplied(pushOne(coord, op(coords)));

        OperationResultDto flagged = pushOne(conseil1, herPush);
        assertThat(flagged.status()).isEqualTo(OpStatus.CONFLICT);
        assertThat(flagged.code()).isEqualTo("appointment_overlap");
        assertThat(flagged.version()).isPositive();
        assertThat(flagged.message()).contains("chevauche");

        List<ConflictDto> atOffice = overlapConflicts(coord);
        assertThat(atOffice).hasSize(1);
        ConflictDto c = atOffice.get(0);
        assertThat(List.of(
                        c.entityId(),
                        c.serverValue(),
                        c.clientValue(),
                        c.baseValue(),
                        c.status(),
                        c.clientAuthorId(),
                        c.serverAuthorId()))
                .containsExactly(hers.id(), coords.id(), hers.id(), CONSEIL1, ConflictDto.OPEN, CONSEIL1, "demo-coord");
        assertThat(overlapConflicts(conseil1)).containsExactly(c);
        assertThat(pullAll(coord, null).ids(EntityType.APPOINTMENT)).contains(hers.id(), coords.id());

        // the same push again (a lost receipt): the same answer, no second conflict
        assertThat(pushOne(conseil1, herPush)).isEqualTo(flagged);
        // and another change of the still overlapping appointment keeps the one conflict
        assertThat(pushOne(
                                conseil1,
                                update(
                                        with(hers, "notes", "Apporter le dossier"),
                                        version(conseil1, EntityType.APPOINTMENT, hers.id()),
                                        "notes"))
                        .code())
                .isEqualTo("appointment_overlap");
        assertThat(server.count("SELECT COUNT(*) FROM conflicts WHERE target_id = ?", hers.id()))
                .isEqualTo(1);

        // she moves hers to 11:00: apart (half-open), the conflict closes itself
        AppointmentDto moved = at(hers.id(), CONSEIL1, TEN.plusSeconds(3600), 60);
        assertApplied(
                pushOne(conseil1, update(moved, version(conseil1, EntityType.APPOINTMENT, hers.id()), "start", "end")));
        ConflictDto closed = overlapConflicts(conseil1).get(0);
        assertThat(List.of(closed.status(), closed.resolvedBy())).containsExactly(ConflictDto.RESOLVED, CONSEIL1);
        assertThat(overlapConflicts(coord)).containsExactly(closed);
    }

    @Test
    void theCoordinationCancellingItsOverlappingAppointmentClosesTheConflictWhichNobodyResolvesByValue() {
        AppointmentDto hers = at(newId(), CONSEIL1, TEN, 60);
        assertApplied(pushOne(conseil1, op(hers)));
        AppointmentDto coords = at(newId(), CONSEIL1, TEN.plusSeconds(900), 30);
        OperationResultDto r = pushOne(coord, op(coords));
        assertThat(r.code()).isEqualTo("appointment_overlap");
        ConflictDto c = overlapConflicts(conseil1).get(0);
        assertThat(List.of(c.clientAuthorId(), c.serverAuthorId())).containsExactly("demo-coord", CONSEIL1);

        ConflictDto byValue = new ConflictDto(
                c.id(),
                null,
                c.entity(),
                c.entityId(),
                c.field(),
                null,
                null,
                null,
                null,
                null,
                null,
                ConflictDto.RESOLVED,
                c.serverValue(),
                null,
                null);
        OperationResultDto refused = pushOne(coord, op(byValue));
        assertRejected(refused, "invalid_field");
        assertThat(refused.message()).contains("déplaçant ou en annulant");

        assertApplied(pushOne(
                coord,
                update(
                        withStatus(coords, "cancelled_by_structure", "Doublon"),
                        version(coord, EntityType.APPOINTMENT, coords.id()),
                        "status",
                        "statusReason")));
        assertThat(overlapConflicts(coord).get(0).status()).isEqualTo(ConflictDto.RESOLVED);
    }
}
