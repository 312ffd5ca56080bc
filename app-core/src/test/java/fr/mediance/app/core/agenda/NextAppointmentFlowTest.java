package fr.mediance.app.core.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.conflict.ConflictsViewModel;
import fr.mediance.app.core.testing.SyncedCounsellorCase;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * « Prochain rendez-vous »: conseil1 plans her next appointment with a resident on her tablet, offline; her agenda
 * shows it at once, the sync sends it, and the coordinator's device receives it.
 */
class NextAppointmentFlowTest extends SyncedCounsellorCase {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages", Locale.FRANCE);

    NextAppointmentViewModel form() {
        NextAppointmentViewModel vm = new NextAppointmentViewModel(
                core.agenda(),
                core.residents(),
                core.reference(),
                () -> "u-c1",
                clock,
                PARIS,
                TEXTS,
                Runnable::run,
                Runnable::run);
        vm.open("res-1").join();
        return vm;
    }

    @Test
    void theFormIsPrefilledForTomorrowAtTheResidentsAddressWithHerAvailability() {
        NextAppointmentViewModel vm = form();
        assertThat(List.of(
                        vm.field(NextAppointmentViewModel.DATE).get(),
                        vm.field(NextAppointmentViewModel.START).get(),
                        vm.field(NextAppointmentViewModel.DURATION).get()))
                .containsExactly("28/11/2026", "09:00", "60");
        assertThat(vm.field(NextAppointmentViewModel.ADDRESS).get()).isNotBlank();
        assertThat(vm.availabilityProperty().get()).startsWith("Disponibilités de la personne");
        assertThat(vm.dayHeadingProperty().get()).isEqualTo("Aucun autre rendez-vous le 28/11/2026.");
        assertThat(vm.overlapWarningProperty().get()).isEmpty();
    }

    @Test
    void aSlotOverHerOwnAppointmentIsWarnedButMayStillBeSaved() {
        NextAppointmentViewModel vm = form();
        vm.field(NextAppointmentViewModel.DATE).set("27/11/2026");
        vm.field(NextAppointmentViewModel.START).set("09:30");
        assertThat(vm.dayAppointments()).hasSize(1);
        assertThat(vm.overlapWarningProperty().get()).startsWith("Attention : ce créneau chevauche 09:00–10:00");
        vm.field(NextAppointmentViewModel.START).set("10:00"); // half-open: 09:00–10:00 then 10:00 is apart
        assertThat(vm.overlapWarningProperty().get()).isEmpty();
        vm.field(NextAppointmentViewModel.START).set("09:30");
        assertThat(vm.save().join()).isTrue();
    }

    static ConflictDto overlap(String existing, String pushed, String status) {
        return new ConflictDto(
                "k-overlap",
                "s1",
                EntityType.APPOINTMENT,
                pushed,
                ConflictDto.OVERLAP,
                "u-c1",
                existing,
                pushed,
                "u-co",
                "u-c1",
                Instant.parse("2026-11-27T08:30:00Z"),
                status,
                null,
                status.equals(ConflictDto.RESOLVED) ? "u-c1" : null,
                null);
    }

    @Test
    void anOverlapTheOfficeReportsIsBadgedOnHerAgendaAndReadableAtTheCoordinationUntilItCloses() throws Exception {
        NextAppointmentViewModel vm = form();
        String[] saved = new String[1];
        vm.setOnSaved(id -> saved[0] = id);
        vm.field(NextAppointmentViewModel.DATE).set("27/11/2026");
        vm.field(NextAppointmentViewModel.START).set("09:30");
        assertThat(vm.save().join()).isTrue();
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        // the office server found the overlap with apt-1 (09:00-10:00) and recorded its conflict
        server.serverWrite(overlap("apt-1", saved[0], ConflictDto.OPEN));
        assertThat(core.sync().syncNow().join().ok()).isTrue();

        AgendaViewModel agenda = new AgendaViewModel(
                core.agenda(), core.reference(), null, clock, PARIS, TEXTS, Runnable::run, Runnable::run, id -> {});
        agenda.refresh();
        assertThat(agenda.items())
                .extracting(AgendaViewModel.Row::appointmentId, AgendaViewModel.Row::overlapLabel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("apt-1", "Chevauchement à régler"),
                        org.assertj.core.groups.Tuple.tuple(saved[0], "Chevauchement à régler"));

        try (CoreContext coordinator = TestCores.signedIn(dir.resolve("coord"), clock, server, "coord")) {
            assertThat(coordinator.sync().syncNow().join().ok()).isTrue();
            ConflictsViewModel conflicts =
                    new ConflictsViewModel(coordinator.conflicts(), null, PARIS, TEXTS, Runnable::run, Runnable::run);
            conflicts.refresh().join();
            ConflictsViewModel.Row row = conflicts.items().get(0);
            assertThat(List.of(row.overlap(), row.fieldLabel(), row.serverValueText(), row.clientValueText()))
                    .containsExactly(
                            true,
                            "Rendez-vous qui se chevauchent",
                            "27/11/2026 09:00–10:00 · Fatima Benali",
                            "27/11/2026 09:30–10:30 · Fatima Benali");
            assertThat(conflicts
                            .resolve(row.conflictId(), ConflictsViewModel.Choice.SERVER, null)
                            .join()
                            .message())
                    .startsWith("Deux rendez-vous qui se chevauchent se règlent en déplaçant ou en annulant");
        }

        server.serverWrite(overlap("apt-1", saved[0], ConflictDto.RESOLVED));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        agenda.refresh();
        assertThat(agenda.items()).extracting(AgendaViewModel.Row::overlapLabel).containsOnly("");
    }

    @Test
    void savedOfflineItIsOnHerAgendaAtOnceAndTheCoordinatorsDeviceReceivesItAfterSync() throws Exception {
        NextAppointmentViewModel vm = form();
        String[] saved = new String[1];
        vm.setOnSaved(id -> saved[0] = id);
        vm.field(NextAppointmentViewModel.CHECKLIST).set("Avis d'imposition 2025\n\nRelevés de compte");
        assertThat(vm.save().join()).isTrue();

        AgendaItem onTablet = core.agenda().myDay(LocalDate.of(2026, 11, 28)).get(0);
        assertThat(onTablet.appointmentId()).isEqualTo(saved[0]);
        assertThat(onTablet.pendingSync()).isTrue();
        assertThat(onTablet.checklist()).containsExactly("Avis d'imposition 2025", "Relevés de compte");
        assertThat(onTablet.plannedBy()).isEqualTo("u-c1");

        assertThat(core.sync().syncNow().join().ok()).isTrue();
        AppointmentDto atOffice = (AppointmentDto) server.entity(EntityType.APPOINTMENT, saved[0]);
        assertThat(List.of(atOffice.counsellorId(), atOffice.residentId())).containsExactly("u-c1", "res-1");
        assertThat(core.agenda().find(saved[0]).orElseThrow().pendingSync()).isFalse();

        try (CoreContext coordinator = TestCores.signedIn(dir.resolve("coord"), clock, server, "coord")) {
            assertThat(coordinator.sync().syncNow().join().ok()).isTrue();
            assertThat(coordinator.agenda().planned(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 28)))
                    .extracting(AgendaItem::appointmentId)
                    .containsExactly(saved[0]);
        }
    }
}
