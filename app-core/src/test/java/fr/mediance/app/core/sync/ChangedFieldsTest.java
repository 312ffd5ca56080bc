package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.testing.SyncedCounsellorCase;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.ResidentDto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Updates of shared records name the fields the user changed, on the version they edited. */
class ChangedFieldsTest extends SyncedCounsellorCase {
    Resident resident() {
        return core.residents().find("res-1").orElseThrow();
    }

    static ResidentForm withPhone(Resident r, String phone) {
        ResidentForm f = ResidentForm.of(r);
        return new ResidentForm(
                f.civility(),
                f.lastName(),
                f.firstName(),
                f.birthDate(),
                phone,
                f.street(),
                f.postcode(),
                f.city(),
                f.accessNotes(),
                f.mobilityReason(),
                f.referentId());
    }

    OperationDto lastPushed() {
        return server.operations.get(server.operations.size() - 1);
    }

    @Test
    void onlyTheFieldsTheUserChangedTravelWithTheVersionTheyEdited() {
        Resident before = resident();
        long v1 = before.version();

        core.residents().update(before, withPhone(before, "07 00 00 00 00"));
        assertThat(core.sync().syncNow().join().ok()).isTrue();

        OperationDto op = lastPushed();
        assertThat(op.changedFields()).containsExactly("phone");
        assertThat(op.baseVersion()).isEqualTo(v1);
        assertThat(server.result(op.opId()).status()).isEqualTo(OpStatus.APPLIED);
        assertThat(((ResidentDto) server.entity(EntityType.RESIDENT, "res-1")).phone())
                .isEqualTo("07 00 00 00 00");
    }

    @Test
    void aFormFilledBeforeAColleaguesChangeDoesNotUndoIt() {
        Resident edited = resident(); // the form is opened here
        ResidentDto r = Visits.RESIDENT;
        server.serverWriteBy(
                "u-co",
                new ResidentDto(
                        r.id(),
                        r.structureId(),
                        r.fileNumber(),
                        r.civility(),
                        r.lastName(),
                        r.firstName(),
                        r.birthDate(),
                        r.phone(),
                        "3 boulevard National",
                        r.postcode(),
                        r.city(),
                        r.accessNotes(),
                        r.mobilityReason(),
                        r.referentId()));
        assertThat(core.sync().syncNow().join().ok()).isTrue(); // the colleague's street arrives meanwhile

        core.residents().update(edited, withPhone(edited, "07 11 11 11 11")); // the stale street is in the form
        assertThat(resident().street()).isEqualTo("3 boulevard National");
        assertThat(core.sync().syncNow().join().ok()).isTrue();

        OperationDto op = lastResidentOp();
        assertThat(op.changedFields()).containsExactly("phone");
        assertThat(op.baseVersion()).isEqualTo(edited.version());
        ResidentDto onServer = (ResidentDto) server.entity(EntityType.RESIDENT, "res-1");
        assertThat(onServer.street()).isEqualTo("3 boulevard National");
        assertThat(onServer.phone()).isEqualTo("07 11 11 11 11");
        assertThat(server.conflicts()).isEmpty();
    }

    @Test
    void savingWithoutAnyChangeQueuesNothing() {
        Resident r = resident();
        assertThat(core.residents().update(r, ResidentForm.of(r)).isOk()).isTrue();
        assertThat(core.sync().pendingItems()).isEmpty();
    }

    @Test
    void aStatusChangeSendsOnlyTheStatusFieldsOnTheCoordinatorsVersion() {
        long v = server.version(EntityType.APPOINTMENT, "apt-1");
        core.agenda().setStatus("apt-1", "no_show", "Personne ne répond");
        server.serverWriteBy("u-co", withNotes(Visits.appointment("apt-1", 1), "Code porte 1234")); // meanwhile

        assertThat(core.sync().syncNow().join().ok()).isTrue();

        OperationDto op = server.operations.stream()
                .filter(o -> o.entity() == EntityType.APPOINTMENT)
                .findFirst()
                .orElseThrow();
        assertThat(op.changedFields()).containsExactly("status", "statusReason");
        assertThat(op.baseVersion()).isEqualTo(v);
        assertThat(server.result(op.opId()).status()).isEqualTo(OpStatus.MERGED);
        AppointmentDto merged = (AppointmentDto) server.entity(EntityType.APPOINTMENT, "apt-1");
        assertThat(merged.status()).isEqualTo("no_show");
        assertThat(merged.notes()).isEqualTo("Code porte 1234");
        // the merged record comes back by the pull: the coordinator's notes are on the tablet too
        assertThat(core.agenda().find("apt-1").orElseThrow().notes()).isEqualTo("Code porte 1234");
        assertThat(core.agenda().find("apt-1").orElseThrow().status()).isEqualTo("no_show");
    }

    static AppointmentDto withNotes(AppointmentDto a, String notes) {
        return new AppointmentDto(
                a.id(),
                a.structureId(),
                a.residentId(),
                a.counsellorId(),
                a.type(),
                a.start(),
                a.end(),
                a.status(),
                a.address(),
                notes,
                a.statusReason());
    }

    @Test
    void twoUpdatesMadeOfflineAreSentApartTheSecondOnTheVersionTheFirstProduced() {
        Resident r = resident();
        core.residents().update(r, withPhone(r, "07 22 22 22 22"));
        Resident again = resident();
        ResidentForm f = ResidentForm.of(again);
        core.residents()
                .update(
                        again,
                        new ResidentForm(
                                f.civility(),
                                f.lastName(),
                                f.firstName(),
                                f.birthDate(),
                                f.phone(),
                                f.street(),
                                f.postcode(),
                                "Aubagne",
                                f.accessNotes(),
                                f.mobilityReason(),
                                f.referentId()));
        assertThat(core.sync().pendingItems()).hasSize(2);
        int pushes = server.pushes.get();

        assertThat(core.sync().syncNow().join().ok()).isTrue();

        assertThat(server.pushes.get() - pushes).isEqualTo(2); // the second waits for the first's answer
        List<OperationDto> ops = server.operations.stream()
                .filter(o -> o.entity() == EntityType.RESIDENT)
                .toList();
        assertThat(ops).extracting(OperationDto::changedFields).containsExactly(List.of("phone"), List.of("city"));
        assertThat(ops.get(1).baseVersion())
                .isEqualTo(server.result(ops.get(0).opId()).version());
        assertThat(ops)
                .extracting(o -> server.result(o.opId()).status())
                .containsExactly(OpStatus.APPLIED, OpStatus.APPLIED);
        assertThat(server.conflicts()).isEmpty();
        assertThat(resident().city()).isEqualTo("Aubagne");
        assertThat(resident().version()).isEqualTo(server.version(EntityType.RESIDENT, "res-1"));
    }

    @Test
    void aMergeWithAColleaguesFieldBringsTheirValueBack() {
        Resident r = resident();
        ResidentDto s = Visits.RESIDENT;
        server.serverWriteBy(
                "u-co",
                new ResidentDto(
                        s.id(),
                        s.structureId(),
                        s.fileNumber(),
                        s.civility(),
                        s.lastName(),
                        s.firstName(),
                        s.birthDate(),
                        s.phone(),
                        s.street(),
                        s.postcode(),
                        s.city(),
                        "Digicode 4521",
                        s.mobilityReason(),
                        s.referentId()));
        core.residents().update(r, withPhone(r, "07 33 33 33 33")); // offline, before the colleague's change arrived

        assertThat(core.sync().syncNow().join().ok()).isTrue();

        assertThat(server.result(lastResidentOp().opId()).status()).isEqualTo(OpStatus.MERGED);
        assertThat(resident().accessNotes()).isEqualTo("Digicode 4521");
        assertThat(resident().phone()).isEqualTo("07 33 33 33 33");
        assertThat(resident().pendingSync()).isFalse();
    }

    OperationDto lastResidentOp() {
        return server.operations.stream()
                .filter(o -> o.entity() == EntityType.RESIDENT)
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
