package fr.mediance.app.core.planning;

import static fr.mediance.app.core.planning.AppointmentEditViewModel.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AppointmentForm;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.AppointmentPlanning;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordination moves, cancels (with a reason), locks and details a planned appointment on its device. */
class AppointmentEditViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0); // 27/11/2026
    CoreContext core;
    AppointmentEditViewModel vm;
    List<String> messages = new ArrayList<>();
    String id;

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-k1", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.serverWrite(new ResidentDto(
                "r1",
                "s1",
                "D-1",
                null,
                "Benali",
                "Fatima",
                null,
                null,
                "12 rue des Lilas",
                "13015",
                "Marseille",
                null,
                null,
                "u-c1"));
        core = TestCores.signedIn(dir, clock, server, "coord");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        Outcome<AgendaItem> planned = core.agenda()
                .plan(new AppointmentForm(
                        "r1",
                        "u-c1",
                        null,
                        LocalDate.of(2026, 12, 1),
                        LocalTime.of(9, 30),
                        Duration.ofHours(1),
                        null,
                        null));
        id = ((Outcome.Ok<AgendaItem>) planned).value().appointmentId();
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = new AppointmentEditViewModel(core.agenda(), core.zone(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        assertThat(vm.open(id).join()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    AgendaItem local() {
        return core.agenda().find(id).orElseThrow();
    }

    OperationDto lastPushed() {
        return server.operations.get(server.operations.size() - 1);
    }

    @Test
    void theFormShowsTheAppointmentAsPlanned() {
        assertThat(List.of(
                        vm.field(DATE).get(),
                        vm.field(START).get(),
                        vm.field(DURATION).get()))
                .containsExactly("01/12/2026", "09:30", "60");
        assertThat(vm.lockTextProperty().get()).isEqualTo("Verrouiller");
    }

    @Test
    void aMoveChangesOnlyTheDayAndTimeAndTravelsAsThoseFields() {
        vm.field(DATE).set("02/12/2026");
        vm.field(START).set("14:00");
        vm.field(DURATION).set("45");
        assertThat(vm.reschedule().join()).isTrue();
        assertThat(List.of(local().start(), local().end()))
                .containsExactly(Instant.parse("2026-12-02T13:00:00Z"), Instant.parse("2026-12-02T13:45:00Z"));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(lastPushed().changedFields()).containsExactly("start", "end");
        assertThat(((AppointmentDto) server.entity(EntityType.APPOINTMENT, id)).start())
                .isEqualTo(Instant.parse("2026-12-02T13:00:00Z"));
        assertThat(messages).containsExactly("Modification enregistrée sur cet appareil.");
    }

    @Test
    void aMoveOntoAnotherAppointmentOfTheCounsellorIsSavedWithAWarning() {
        core.agenda()
                .plan(new AppointmentForm(
                        "r1",
                        "u-c1",
                        null,
                        LocalDate.of(2026, 12, 2),
                        LocalTime.of(14, 30),
                        Duration.ofHours(1),
                        null,
                        null));
        vm.field(DATE).set("02/12/2026");
        vm.field(START).set("14:00");
        assertThat(vm.reschedule().join()).isTrue();
        assertThat(vm.overlapWarningProperty().get()).startsWith("Enregistré, mais ce créneau chevauche 14:30–15:30");
    }

    @Test
    void aCancellationNeedsAReason() {
        assertThat(vm.cancel().join()).isFalse();
        assertThat(vm.errorProperty(REASON).get()).isEqualTo(AppointmentPlanning.REASON_REQUIRED);
        assertThat(local().status()).isEqualTo("confirmed");
        vm.field(REASON).set("Conseillère en formation");
        assertThat(vm.cancel().join()).isTrue();
        assertThat(List.of(local().status(), local().statusReason()))
                .containsExactly("cancelled_by_structure", "Conseillère en formation");
    }

    @Test
    void lockAndUnlockTravelAsTheLockAlone() {
        assertThat(vm.toggleLock().join()).isTrue();
        assertThat(local().locked()).isTrue();
        assertThat(vm.lockTextProperty().get()).isEqualTo("Déverrouiller");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(lastPushed().changedFields()).containsExactly("locked");
        assertThat(((AppointmentDto) server.entity(EntityType.APPOINTMENT, id)).locked())
                .isTrue();
        assertThat(vm.toggleLock().join()).isTrue();
        assertThat(local().locked()).isFalse();
    }

    @Test
    void theChecklistAndSafetyNotesAreEditable() {
        vm.field(CHECKLIST).set("Avis d'imposition\n\n  Relevés de compte ");
        vm.field(SAFETY).set("Visite à deux");
        assertThat(vm.saveDetails().join()).isTrue();
        assertThat(local().checklist()).containsExactly("Avis d'imposition", "Relevés de compte");
        assertThat(local().safetyNotes()).isEqualTo("Visite à deux");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(lastPushed().changedFields()).containsExactly("checklist", "safetyNotes");
    }
}
