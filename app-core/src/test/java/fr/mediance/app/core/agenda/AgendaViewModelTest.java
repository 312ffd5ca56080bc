package fr.mediance.app.core.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.FakeOfficeServer;
import fr.mediance.app.core.testing.MutableClock;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgendaViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;
    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0); // Friday 27/11/2026, 09:00 in Paris
    CoreContext core;
    List<String> opened = new ArrayList<>();
    AgendaViewModel vm;

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addCode("appointment_status", "confirmed", "Confirmé", 1);
        server.serverWrite(new ResidentDto("r1", "s1", "D-1", null, "Benali", "Fatima", null, "06 12 34 56 78",
                "12 rue des Lilas", "13015", "Marseille", "Digicode 1234B", null, "u-c1"));
        server.serverWrite(new ResidentDto("r2", "s1", "D-2", null, "Martin", "Jean", null, null,
                "3 avenue du Port", "13002", "Marseille", null, null, "u-c1"));
        server.serverWrite(appointment("a1", "r1", "2026-11-27T09:30:00Z", "2026-11-27T10:30:00Z", "confirmed"));
        server.serverWrite(appointment("a2", "r2", "2026-11-27T13:00:00Z", "2026-11-27T14:00:00Z", "done"));
        server.serverWrite(appointment("a3", "r2", "2026-11-24T13:00:00Z", "2026-11-24T14:00:00Z", "no_show"));
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = new AgendaViewModel(core.agenda(), core.reference(), core.sync(), clock, core.zone(), TEXTS,
                Runnable::run, Runnable::run, opened::add);
    }

    static AppointmentDto appointment(String id, String resident, String start, String end, String status) {
        return new AppointmentDto(id, "s1", resident, "u-c1", "home_visit", Instant.parse(start), Instant.parse(end),
                status, null, null, null);
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    @Test
    void today_lists_the_appointments_with_time_resident_address_and_labels() {
        vm.refresh();

        assertThat(vm.headingProperty().get()).isEqualTo("Aujourd'hui, 27/11/2026");
        assertThat(vm.items()).hasSize(2);
        AgendaViewModel.Row first = vm.items().get(0);
        assertThat(first.timeRange()).isEqualTo("10:30 – 11:30");
        assertThat(first.residentName()).isEqualTo("Fatima Benali");
        assertThat(first.address()).contains("12 rue des Lilas").contains("Marseille");
        assertThat(first.accessNotes()).isEqualTo("Digicode 1234B");
        assertThat(first.typeLabel()).isEqualTo("Visite à domicile");
        assertThat(first.statusLabel()).isEqualTo("Confirmé");
        assertThat(first.statusKind()).isEqualTo(AgendaViewModel.StatusKind.PLANNED);
        assertThat(first.dayText()).isEmpty();
        assertThat(vm.items().get(1).statusLabel()).isEqualTo("Réalisé");
        assertThat(vm.items().get(1).statusKind()).isEqualTo(AgendaViewModel.StatusKind.DONE);
        assertThat(vm.emptyProperty().get()).isFalse();
    }

    @Test
    void the_week_groups_appointments_under_their_day() {
        vm.rangeProperty().set(AgendaViewModel.Range.WEEK);

        assertThat(vm.headingProperty().get()).isEqualTo("Semaine du 23/11/2026 au 29/11/2026");
        assertThat(vm.items()).extracting(AgendaViewModel.Row::dayText)
                .containsExactly("Mardi 24/11", "Vendredi 27/11", "");
        assertThat(vm.items().get(0).statusKind()).isEqualTo(AgendaViewModel.StatusKind.CANCELLED);
    }

    @Test
    void a_day_without_appointments_says_so() {
        clock.set(Instant.parse("2026-11-28T08:00:00Z"));
        vm.refresh();

        assertThat(vm.items()).isEmpty();
        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("Aucun rendez-vous aujourd'hui.");
    }

    @Test
    void one_tap_opens_the_appointment() {
        vm.refresh();
        vm.open(vm.items().get(0).appointmentId());
        assertThat(opened).containsExactly("a1");
    }

    @Test
    void a_sync_bringing_a_new_appointment_reloads_the_list() {
        vm.refresh();
        server.serverWrite(appointment("a4", "r1", "2026-11-27T15:00:00Z", "2026-11-27T16:00:00Z", "confirmed"));

        core.sync().syncNow().join();

        assertThat(vm.items()).extracting(AgendaViewModel.Row::appointmentId).containsExactly("a1", "a2", "a4");
    }
}
