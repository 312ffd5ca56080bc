package fr.mediance.app.core.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.AgendaChanges.Kind;
import fr.mediance.app.core.agenda.AgendaChangesViewModel.Item;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counsellor's « changements depuis hier », on a real store, the others' changes arriving by a real sync. */
class AgendaChangesViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0); // Friday 27/11/2026 09:00 Paris
    CoreContext core;
    AgendaChangesViewModel vm;

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", "Awa Diallo", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-c2", "conseil2", "Karim Haddad", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addCode("cancel_reason", "malade", "Personne malade", 1);
        server.serverWrite(resident("r1", "Benali", "Fatima"));
        server.serverWrite(resident("r2", "Martin", "Jean"));
        server.serverWrite(resident("r3", "Nguyen", "Thi Lan"));
        server.serverWrite(appointment("a1", "r1", "u-c1", MONDAY, "09:30", "confirmed", null, false));
        server.serverWrite(appointment("a2", "r2", "u-c1", MONDAY, "11:00", "confirmed", null, false));
        server.serverWrite(appointment("a3", "r3", "u-c1", MONDAY, "14:00", "confirmed", null, false));
        server.serverWrite(appointment("a4", "r1", "u-c1", MONDAY.plusDays(1), "10:00", "confirmed", null, false));
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = new AgendaChangesViewModel(
                core.agendaChanges(), core.reference(), core.sync(), clock, PARIS, TEXTS, Runnable::run, Runnable::run);
        vm.refresh().join();
    }

    @AfterEach
    void tearDown() {
        vm.dispose();
        core.close();
        server.close();
    }

    static ResidentDto resident(String id, String last, String first) {
        return new ResidentDto(
                id, "s1", "D-" + id, null, last, first, null, null, "1 rue", "13001", "Marseille", null, null, "u-c1");
    }

    static AppointmentDto appointment(
            String id,
            String resident,
            String counsellor,
            LocalDate day,
            String start,
            String status,
            String reason,
            boolean locked) {
        ZonedDateTime s = ZonedDateTime.of(day, LocalTime.parse(start), PARIS);
        return new AppointmentDto(
                id,
                "s1",
                resident,
                counsellor,
                "home_visit",
                s.toInstant(),
                s.plusHours(1).toInstant(),
                status,
                null,
                null,
                reason,
                List.of(),
                null,
                locked,
                null,
                "u-k1");
    }

    /** The coordination's changes of the night, brought by the next sync. */
    void othersChangeTheAgenda() {
        server.serverWrite(appointment("a1", "r1", "u-c1", MONDAY, "10:15", "confirmed", null, false)); // moved
        server.serverWrite(appointment("a2", "r2", "u-c1", MONDAY, "11:00", "cancelled_by_structure", "malade", false));
        server.serverWrite(appointment("a3", "r3", "u-c1", MONDAY, "14:00", "confirmed", null, true)); // locked
        server.serverWrite(appointment("a4", "r1", "u-c2", MONDAY.plusDays(1), "10:00", "confirmed", null, false));
        server.serverWrite(appointment("a5", "r2", "u-c1", MONDAY.plusDays(2), "09:00", "confirmed", null, false));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
    }

    @Test
    void the_first_time_everything_current_is_taken_as_seen() {
        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(vm.items()).isEmpty();
        assertThat(core.agendaChanges().changes().changes()).isEmpty();
    }

    @Test
    void a_new_tablet_takes_its_first_sync_as_seen_not_as_news(@TempDir Path other) {
        CoreContext fresh = TestCores.signedIn(other, clock, server, "conseil1");
        try {
            assertThat(fresh.agendaChanges().changes()).isEqualTo(new AgendaChanges.Since(null, List.of()));
            assertThat(fresh.sync().syncNow().join().ok()).isTrue(); // brings her four appointments
            assertThat(fresh.agendaChanges().changes()).isEqualTo(new AgendaChanges.Since(null, List.of()));
            assertThat(fresh.agendaChanges().changes().changes()).isEmpty();

            server.serverWrite(appointment("a5", "r2", "u-c1", MONDAY.plusDays(2), "09:00", "confirmed", null, false));
            assertThat(fresh.sync().syncNow().join().ok()).isTrue();
            assertThat(fresh.agendaChanges().changes().changes())
                    .extracting(AgendaChanges.Change::kind)
                    .containsExactly(Kind.NEW);
        } finally {
            fresh.close();
        }
    }

    @Test
    void what_others_changed_overnight_is_listed_by_time_with_the_resident() {
        clock.advance(Duration.ofDays(1)); // Saturday
        othersChangeTheAgenda();

        assertThat(vm.bannerTextProperty().get()).isEqualTo("5 changements depuis hier");
        assertThat(vm.items())
                .containsExactly(
                        new Item(Kind.MOVED, "a1", "Rendez-vous déplacé", "Fatima Benali, lun. 30/11 : 09:30 → 10:15"),
                        new Item(
                                Kind.CANCELLED,
                                "a2",
                                "Rendez-vous annulé",
                                "Jean Martin, lun. 30/11 à 11:00 — Personne malade"),
                        new Item(
                                Kind.LOCKED,
                                "a3",
                                "Verrouillé par la coordination",
                                "Thi Lan Nguyen, lun. 30/11 à 14:00"),
                        new Item(Kind.REASSIGNED, "a4", "Confié à Karim Haddad", "Fatima Benali, mar. 01/12 à 10:00"),
                        new Item(Kind.NEW, "a5", "Nouveau rendez-vous", "Jean Martin, mer. 02/12 à 09:00"));
    }

    @Test
    void a_last_look_today_is_her_last_visit_and_an_older_one_is_dated() {
        othersChangeTheAgenda();
        assertThat(vm.bannerTextProperty().get()).isEqualTo("5 changements depuis votre dernier passage");
        clock.advance(Duration.ofDays(2));
        vm.refresh().join();
        assertThat(vm.bannerTextProperty().get()).isEqualTo("5 changements depuis le 27/11/2026");
    }

    @Test
    void her_own_changes_on_this_tablet_are_not_news() {
        clock.advance(Duration.ofDays(1));
        assertThat(core.agenda()
                        .setStatus("a3", "cancelled_by_resident", "Hospitalisée")
                        .isOk())
                .isTrue();
        vm.refresh().join();
        assertThat(vm.items()).isEmpty();

        assertThat(core.sync().syncNow().join().ok()).isTrue(); // pushed, and the office's copy comes back
        vm.refresh().join();
        assertThat(vm.items()).isEmpty();

        server.serverWrite(appointment("a1", "r1", "u-c1", MONDAY, "08:45", "confirmed", null, false));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(vm.items()).extracting(Item::appointmentId).containsExactly("a1");
        assertThat(vm.bannerTextProperty().get()).isEqualTo("1 changement depuis hier");
    }

    @Test
    void i_have_seen_clears_the_banner_until_the_next_change() {
        othersChangeTheAgenda();
        vm.expandedProperty().set(true);

        vm.markSeen().join();

        assertThat(vm.visibleProperty().get()).isFalse();
        assertThat(vm.expandedProperty().get()).isFalse();
        vm.refresh().join();
        assertThat(vm.items()).isEmpty();

        server.serverWrite(appointment("a3", "r3", "u-c1", MONDAY, "14:00", "confirmed", null, false));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(vm.items())
                .containsExactly(new Item(
                        Kind.UNLOCKED, "a3", "Déverrouillé par la coordination", "Thi Lan Nguyen, lun. 30/11 à 14:00"));
    }

    @Test
    void past_appointments_are_not_news() {
        clock.set(
                ZonedDateTime.of(MONDAY.plusDays(1), LocalTime.of(8, 0), PARIS).toInstant());
        server.serverWrite(appointment("a1", "r1", "u-c1", MONDAY, "10:15", "confirmed", null, false));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(vm.items()).isEmpty();
    }
}
