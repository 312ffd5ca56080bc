package fr.mediance.app.core.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgendaViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    static final ResourceBundle ENGLISH = ResourceBundle.getBundle(
            "fr.mediance.app.core.messages",
            java.util.Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

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
        server.serverWrite(new ResidentDto(
                "r1",
                "s1",
                "D-1",
                null,
                "Benali",
                "Fatima",
                null,
                "06 12 34 56 78",
                "12 rue des Lilas",
                "13015",
                "Marseille",
                "Digicode 1234B",
                null,
                "u-c1"));
        server.serverWrite(new ResidentDto(
                "r2",
                "s1",
                "D-2",
                null,
                "Martin",
                "Jean",
                null,
                null,
                "3 avenue du Port",
                "13002",
                "Marseille",
                null,
                null,
                "u-c1"));
        server.serverWrite(appointment("a1", "r1", "2026-11-27T09:30:00Z", "2026-11-27T10:30:00Z", "confirmed"));
        server.serverWrite(appointment("a2", "r2", "2026-11-27T13:00:00Z", "2026-11-27T14:00:00Z", "done"));
        server.serverWrite(appointment("a3", "r2", "2026-11-24T13:00:00Z", "2026-11-24T14:00:00Z", "no_show"));
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = new AgendaViewModel(
                core.agenda(),
                core.reference(),
                core.sync(),
                clock,
                core.zone(),
                TEXTS,
                Runnable::run,
                Runnable::run,
                opened::add);
    }

    static AppointmentDto appointment(String id, String resident, String start, String end, String status) {
        return new AppointmentDto(
                id,
                "s1",
                resident,
                "u-c1",
                "home_visit",
                Instant.parse(start),
                Instant.parse(end),
                status,
                null,
                null,
                null);
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
        assertThat(first.statusKind()).isEqualTo(AgendaViewModel.StatusKind.CONFIRMED);
        assertThat(first.homeVisit()).isTrue();
        assertThat(vm.days()).hasSize(1);
        assertThat(vm.days().get(0).countText()).isEqualTo("2 rendez-vous");
        assertThat(vm.items().get(1).statusLabel()).isEqualTo("Réalisé");
        assertThat(vm.items().get(1).statusKind()).isEqualTo(AgendaViewModel.StatusKind.DONE);
        assertThat(vm.emptyProperty().get()).isFalse();
    }

    @Test
    void the_week_runs_from_monday_to_sunday_with_a_french_heading_and_a_count_per_day() {
        vm.rangeProperty().set(AgendaViewModel.Range.WEEK);

        assertThat(vm.headingProperty().get()).isEqualTo("Semaine du 23/11/2026 au 29/11/2026");
        assertThat(vm.days())
                .extracting(AgendaViewModel.Day::title)
                .containsExactly(
                        "Lundi 23 novembre",
                        "Mardi 24 novembre",
                        "Mercredi 25 novembre",
                        "Jeudi 26 novembre",
                        "Vendredi 27 novembre",
                        "Samedi 28 novembre",
                        "Dimanche 29 novembre");
        assertThat(vm.days())
                .extracting(AgendaViewModel.Day::countText)
                .containsExactly(
                        "Aucun rendez-vous",
                        "1 rendez-vous",
                        "Aucun rendez-vous",
                        "Aucun rendez-vous",
                        "2 rendez-vous",
                        "Aucun rendez-vous",
                        "Aucun rendez-vous");
        assertThat(vm.days().get(4).today()).isTrue();
        assertThat(vm.days().get(1).rows().get(0).statusKind()).isEqualTo(AgendaViewModel.StatusKind.ABSENT);
        assertThat(vm.items()).extracting(AgendaViewModel.Row::appointmentId).containsExactly("a3", "a1", "a2");
    }

    @Test
    void in_english_the_days_of_the_week_and_the_headings_are_english() {
        AgendaViewModel english = new AgendaViewModel(
                core.agenda(),
                core.reference(),
                core.sync(),
                clock,
                core.zone(),
                ENGLISH,
                Runnable::run,
                Runnable::run,
                opened::add);

        english.rangeProperty().set(AgendaViewModel.Range.WEEK);
        assertThat(english.days())
                .extracting(AgendaViewModel.Day::title)
                .containsExactly(
                        "Monday 23 November",
                        "Tuesday 24 November",
                        "Wednesday 25 November",
                        "Thursday 26 November",
                        "Friday 27 November",
                        "Saturday 28 November",
                        "Sunday 29 November");
        english.rangeProperty().set(AgendaViewModel.Range.DAY);
        english.previous();
        assertThat(english.headingProperty().get()).isEqualTo("Thursday 26/11/2026");
    }

    @Test
    void previous_next_and_today_move_by_a_day_or_by_a_week() {
        vm.refresh();
        vm.previous();
        assertThat(vm.headingProperty().get()).isEqualTo("Jeudi 26/11/2026");
        assertThat(vm.emptyTextProperty().get()).isEqualTo("Aucun rendez-vous ce jour-là.");
        assertThat(vm.showingTodayProperty().get()).isFalse();
        vm.previous();
        vm.previous();
        assertThat(vm.items()).extracting(AgendaViewModel.Row::appointmentId).containsExactly("a3");

        vm.rangeProperty().set(AgendaViewModel.Range.WEEK);
        vm.next();
        assertThat(vm.headingProperty().get()).isEqualTo("Semaine du 30/11/2026 au 06/12/2026");
        assertThat(vm.items()).isEmpty();
        assertThat(vm.days()).hasSize(7);
        vm.goToToday();
        assertThat(vm.headingProperty().get()).isEqualTo("Semaine du 23/11/2026 au 29/11/2026");
        assertThat(vm.showingTodayProperty().get()).isTrue();
    }

    @Test
    void a_day_of_the_week_opens_that_day() {
        vm.rangeProperty().set(AgendaViewModel.Range.WEEK);
        vm.showDay(java.time.LocalDate.of(2026, 11, 24));

        assertThat(vm.rangeProperty().get()).isEqualTo(AgendaViewModel.Range.DAY);
        assertThat(vm.headingProperty().get()).isEqualTo("Mardi 24/11/2026");
        assertThat(vm.items()).extracting(AgendaViewModel.Row::appointmentId).containsExactly("a3");
    }

    @Test
    void the_week_of_the_change_to_winter_time_keeps_sunday_night_and_leaves_out_the_next_monday() {
        // 25/10/2026: clocks go back from 03:00 to 02:00 in Paris; that week runs from 19/10 to 25/10
        server.serverWrite(appointment(
                "w1", "r1", "2026-10-18T22:30:00Z", "2026-10-18T23:00:00Z", "confirmed")); // Mon 19/10 00:30
        server.serverWrite(appointment(
                "w2", "r1", "2026-10-25T22:30:00Z", "2026-10-25T23:00:00Z", "confirmed")); // Sun 25/10 23:30 (UTC+1)
        server.serverWrite(appointment(
                "w3", "r1", "2026-10-25T23:30:00Z", "2026-10-26T00:00:00Z", "confirmed")); // Mon 26/10 00:30
        server.serverWrite(appointment(
                "w0", "r1", "2026-10-18T21:30:00Z", "2026-10-18T22:00:00Z", "confirmed")); // Sun 18/10 23:30 (UTC+2)
        core.sync().syncNow().join();
        clock.set(Instant.parse("2026-10-21T08:00:00Z"));
        vm.rangeProperty().set(AgendaViewModel.Range.WEEK);

        assertThat(vm.headingProperty().get()).isEqualTo("Semaine du 19/10/2026 au 25/10/2026");
        assertThat(vm.items()).extracting(AgendaViewModel.Row::appointmentId).containsExactly("w1", "w2");
        assertThat(vm.days().get(0).rows())
                .extracting(AgendaViewModel.Row::timeRange)
                .containsExactly("00:30 – 01:00");
        assertThat(vm.days().get(6).rows())
                .extracting(AgendaViewModel.Row::timeRange)
                .containsExactly("23:30 – 00:00");
        vm.next();
        assertThat(vm.items()).extracting(AgendaViewModel.Row::appointmentId).containsExactly("w3");
    }

    @Test
    void a_cancelled_appointment_shows_its_reason_label() {
        server.serverWrite(
                new fr.mediance.protocol.CodeDto("cancel_reason", "hospitalisation", "Hospitalisation", null, 1, true));
        server.serverWrite(new AppointmentDto(
                "a5",
                "s1",
                "r1",
                "u-c1",
                "phone",
                Instant.parse("2026-11-27T15:00:00Z"),
                Instant.parse("2026-11-27T15:30:00Z"),
                "cancelled_by_resident",
                null,
                null,
                "hospitalisation"));
        core.sync().syncNow().join();
        vm.refresh();

        AgendaViewModel.Row row = vm.items().get(2);
        assertThat(row.statusKind()).isEqualTo(AgendaViewModel.StatusKind.CANCELLED);
        assertThat(row.statusReason()).isEqualTo("Hospitalisation");
        assertThat(row.typeLabel()).isEqualTo("Téléphone");
        assertThat(row.homeVisit()).isFalse();
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
    void one_tap_opens_the_appointment_and_prepare_opens_its_panel() {
        List<String> prepared = new ArrayList<>();
        vm.setOnPrepare(prepared::add);
        vm.refresh();
        vm.open(vm.items().get(0).appointmentId());
        vm.prepare(vm.items().get(1).appointmentId());
        assertThat(opened).containsExactly("a1");
        assertThat(prepared).containsExactly("a2");
    }

    @Test
    void a_sync_bringing_a_new_appointment_reloads_the_list() {
        vm.refresh();
        server.serverWrite(appointment("a4", "r1", "2026-11-27T15:00:00Z", "2026-11-27T16:00:00Z", "confirmed"));

        core.sync().syncNow().join();

        assertThat(vm.items()).extracting(AgendaViewModel.Row::appointmentId).containsExactly("a1", "a2", "a4");
    }

    @Test
    void a_list_that_cannot_be_read_says_so_instead_of_loading_for_ever() {
        core.session().lock(); // the store is closed under the screen

        vm.refresh();

        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.emptyTextProperty().get())
                .isEqualTo("Les données n'ont pas pu être lues sur cet appareil. Réessayez.");
    }
}
