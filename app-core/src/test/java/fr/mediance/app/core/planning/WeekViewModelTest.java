package fr.mediance.app.core.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.planning.WeekViewModel.Column;
import fr.mediance.app.core.planning.WeekViewModel.Stop;
import fr.mediance.app.core.planning.WeekViewModel.Travel;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.AppointmentPlanning;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.TaskDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator's week on a real device store synchronised with the fake office: columns per counsellor, travel
 * between stops, totals, day counts, the team's tasks, and moves checked by the shared rules.
 */
class WeekViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Tuesday 1 December 2026 (the clock's day is Friday 27 November). */
    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    // Marseille: 13015 (north), 13002 (port), 13003, and an office near the Vieux-Port
    static final GeoPointDto NORTH =
            new GeoPointDto(43.3580, 5.3640, GeoPointDto.SOURCE_BAN, GeoPointDto.PRECISION_HOUSE);
    static final GeoPointDto PORT =
            new GeoPointDto(43.3020, 5.3690, GeoPointDto.SOURCE_BAN, GeoPointDto.PRECISION_HOUSE);
    static final GeoPointDto NATIONAL =
            new GeoPointDto(43.3120, 5.3850, GeoPointDto.SOURCE_BAN, GeoPointDto.PRECISION_HOUSE);
    static final GeoPointDto OFFICE =
            new GeoPointDto(43.2960, 5.3750, GeoPointDto.SOURCE_MANUAL, GeoPointDto.PRECISION_HOUSE);

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0);
    CoreContext core;
    WeekViewModel vm;
    List<String> messages = new ArrayList<>();
    List<String> edited = new ArrayList<>();
    List<WeekViewModel.Slot> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-k1", "coord", "Sophie Martin", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-c1", "conseil1", "Awa Diallo", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-c2", "conseil2", "Karim Haddad", TestCores.PASSWORD, Role.COUNSELLOR);
        resident("r1", "Benali", "Fatima", "13015", NORTH);
        resident("r2", "Martin", "Jean", "13002", PORT);
        resident("r3", "Nguyen", "Thi Lan", "13003", NATIONAL);
        resident("r4", "Roux", "Marcel", "13012", null);
        appointment("a1", "r1", "u-c1", TUESDAY, "09:00", 60, AppointmentPlanning.CONFIRMED, false);
        appointment("a2", "r2", "u-c1", TUESDAY, "10:30", 45, AppointmentPlanning.PROPOSED, false);
        appointment("a3", "r3", "u-c1", TUESDAY, "14:00", 60, AppointmentPlanning.CONFIRMED, true);
        appointment("a4", "r4", "u-c1", TUESDAY, "16:00", 60, AppointmentPlanning.CONFIRMED, false);
        appointment("a5", "r2", "u-c2", TUESDAY, "10:00", 60, AppointmentPlanning.CONFIRMED, false);
        appointment("a6", "r3", "u-c2", TUESDAY, "15:00", 60, AppointmentPlanning.CANCELLED_BY_RESIDENT, false);
        appointment("a7", "r1", "u-c2", TUESDAY.plusDays(1), "09:00", 60, AppointmentPlanning.CONFIRMED, false);
        task("t1", "r1", "u-c1", "Relancer la CAF", LocalDate.of(2026, 11, 20));
        task("t2", "r2", "u-c2", "Appeler le bailleur", LocalDate.of(2026, 12, 4));
        task("t3", "r3", "u-c1", "Envoyer le dossier FSL", LocalDate.of(2026, 11, 25));
        core = TestCores.signedIn(dir, clock, server, "coord");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(core.reference().refreshUsers().isOk()).isTrue();
        vm = new WeekViewModel(
                core.agenda(),
                core.reference(),
                core.tasks(),
                core.sync(),
                clock,
                PARIS,
                TEXTS,
                Runnable::run,
                Runnable::run);
        vm.setOnMessage(messages::add);
        vm.setOnEdit(edited::add);
        vm.setOnCreate(created::add);
        vm.nextWeek();
        vm.selectDay(TUESDAY);
        vm.refresh().join();
    }

    @AfterEach
    void tearDown() {
        if (vm != null) {
            vm.dispose();
        }
        core.close();
        server.close();
    }

    void resident(String id, String last, String first, String postcode, GeoPointDto where) {
        server.serverWrite(new ResidentDto(
                        id,
                        "s1",
                        "D-" + id,
                        null,
                        last,
                        first,
                        null,
                        null,
                        "1 rue " + last,
                        postcode,
                        "Marseille",
                        null,
                        null,
                        "u-c1")
                .withLocation(where));
    }

    void appointment(
            String id,
            String resident,
            String counsellor,
            LocalDate day,
            String start,
            int minutes,
            String status,
            boolean locked) {
        ZonedDateTime s = ZonedDateTime.of(day, LocalTime.parse(start), PARIS);
        server.serverWrite(new AppointmentDto(
                id,
                "s1",
                resident,
                counsellor,
                "home_visit",
                s.toInstant(),
                s.plusMinutes(minutes).toInstant(),
                status,
                null,
                null,
                AppointmentPlanning.isCancellation(status) ? "Hospitalisé" : null,
                List.of(),
                null,
                locked,
                null,
                "u-k1"));
    }

    void task(String id, String resident, String assignee, String title, LocalDate due) {
        server.serverWrite(
                new TaskDto(id, "s1", resident, null, assignee, title, due, TaskDto.TODO, null, null, null, null));
    }

    Column column(String counsellorId) {
        return vm.columns().stream()
                .filter(c -> c.counsellorId().equals(counsellorId))
                .findFirst()
                .orElseThrow();
    }

    OperationDto lastPushed() {
        return server.operations.get(server.operations.size() - 1);
    }

    @Test
    void eachCounsellorHasAColumnWithTheDaysActiveAppointmentsInTimeOrder() {
        assertThat(vm.columns()).extracting(Column::counsellorName).containsExactly("Awa Diallo", "Karim Haddad");
        assertThat(column("u-c1").stops())
                .extracting(Stop::appointmentId, Stop::start, Stop::residentName, Stop::fileNumber, Stop::statusLabel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "a1", LocalTime.of(9, 0), "Fatima Benali", "D-r1", "Confirmé"),
                        org.assertj.core.groups.Tuple.tuple(
                                "a2", LocalTime.of(10, 30), "Jean Martin", "D-r2", "Proposé"),
                        org.assertj.core.groups.Tuple.tuple(
                                "a3", LocalTime.of(14, 0), "Thi Lan Nguyen", "D-r3", "Confirmé"),
                        org.assertj.core.groups.Tuple.tuple(
                                "a4", LocalTime.of(16, 0), "Marcel Roux", "D-r4", "Confirmé"));
        assertThat(column("u-c1").stops().get(2).locked()).isTrue();
        assertThat(column("u-c1").stops().get(0).neighbourhood()).isEqualTo("13015 Marseille");
        // the cancelled one is apart, with its reason
        assertThat(column("u-c2").stops()).extracting(Stop::appointmentId).containsExactly("a5");
        assertThat(column("u-c2").cancelled())
                .extracting(Stop::appointmentId, Stop::statusReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a6", "Hospitalisé"));
    }

    @Test
    void travelBetweenStopsIsTheStraightLineEstimateAndUnknownWhenAPointIsMissing() {
        List<Travel> legs = column("u-c1").travel();
        // no office given: travel between the stops only
        assertThat(legs).extracting(Travel::label).containsExactly("25 min", "7 min", "trajet inconnu");
        int expected = new fr.mediance.planning.StraightLineTravel()
                .minutes(
                        new fr.mediance.planning.GeoPoint(NORTH.latitude(), NORTH.longitude()),
                        new fr.mediance.planning.GeoPoint(PORT.latitude(), PORT.longitude()));
        assertThat(legs.get(0).minutes()).isEqualTo(expected);
        assertThat(column("u-c1").totals())
                .isEqualTo("4 visite(s) · 3 h 45 de visite · 32 min de trajet connu (trajets inconnus)");
        assertThat(column("u-c1").visitMinutes()).isEqualTo(225);
    }

    @Test
    void withTheOfficeGivenTheRoundStartsAndEndsThere() {
        vm.setTravelSettings(new PlanningSettingsDto("2 quai du Port", OFFICE, 1.3, 20, false, null, null));
        vm.refresh().join();
        List<Travel> legs = column("u-c2").travel();
        assertThat(legs)
                .extracting(Travel::fromOffice, Travel::toOffice)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, false),
                        org.assertj.core.groups.Tuple.tuple(false, true));
        assertThat(legs).allMatch(Travel::known);
        assertThat(column("u-c2").travelComplete()).isTrue();
        assertThat(column("u-c2").travelMinutes())
                .isEqualTo(legs.get(0).minutes() + legs.get(1).minutes())
                .isPositive();
    }

    @Test
    void theDayTabsCountTheAppointmentsThatHoldTime() {
        assertThat(vm.days()).extracting(WeekViewModel.DayTab::label).first().isEqualTo("Lun 30/11");
        assertThat(vm.days()).extracting(WeekViewModel.DayTab::count).containsExactly(0, 5, 1, 0, 0, 0);
    }

    @Test
    void theTeamsOpenTasksComeOverdueFirst() {
        assertThat(vm.teamTasks())
                .extracting(
                        WeekViewModel.TaskRow::title,
                        WeekViewModel.TaskRow::assigneeName,
                        WeekViewModel.TaskRow::overdue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Relancer la CAF", "Awa Diallo", true),
                        org.assertj.core.groups.Tuple.tuple("Envoyer le dossier FSL", "Awa Diallo", true),
                        org.assertj.core.groups.Tuple.tuple("Appeler le bailleur", "Karim Haddad", false));
    }

    @Test
    void aDragToAnotherCounsellorMovesTheAppointmentKeepingItsLengthAndIsQueued() {
        assertThat(vm.move("a2", "u-c2", LocalTime.of(14, 15)).join()).isTrue();
        var item = core.agenda().find("a2").orElseThrow();
        assertThat(List.of(item.counsellorId(), item.start(), item.end()))
                .containsExactly("u-c2", Instant.parse("2026-12-01T13:15:00Z"), Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(item.pendingSync()).isTrue();
        assertThat(column("u-c2").stops()).extracting(Stop::appointmentId).containsExactly("a5", "a2");
        assertThat(messages)
                .containsExactly(
                        "Rendez-vous déplacé à 14:15 avec Karim Haddad. Il partira à la prochaine synchronisation.");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(lastPushed().changedFields()).containsExactly("counsellorId", "start", "end");
        AppointmentDto atOffice = (AppointmentDto) server.entity(EntityType.APPOINTMENT, "a2");
        assertThat(List.of(atOffice.counsellorId(), atOffice.start()))
                .containsExactly("u-c2", Instant.parse("2026-12-01T13:15:00Z"));
    }

    @Test
    void aLockedAppointmentIsNotMovedAndTheCoordinatorIsToldToUnlockIt() {
        int queued = core.sync().pendingItems().size();
        assertThat(vm.move("a3", "u-c2", LocalTime.of(11, 30)).join()).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo(AppointmentPlanning.LOCKED_NOT_MOVED);
        var item = core.agenda().find("a3").orElseThrow();
        assertThat(List.of(item.counsellorId(), item.start()))
                .containsExactly("u-c1", Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(core.sync().pendingItems().size()).isEqualTo(queued);
    }

    @Test
    void aMoveOntoAnotherAppointmentIsRefusedAndNothingChanges() {
        int queued = core.sync().pendingItems().size();
        assertThat(vm.move("a1", "u-c2", LocalTime.of(10, 30)).join()).isFalse();
        assertThat(vm.noticeProperty().get())
                .isEqualTo("Déplacement refusé : ce créneau chevauche 10:00–11:00 · Jean Martin. Rien n'a été changé.");
        assertThat(core.agenda().find("a1").orElseThrow().counsellorId()).isEqualTo("u-c1");
        assertThat(core.sync().pendingItems().size()).isEqualTo(queued);
        // the cancelled appointment frees its time: 15:00 at Karim's is free
        assertThat(vm.move("a1", "u-c2", LocalTime.of(15, 0)).join()).isTrue();
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void overlappingAppointmentsAreFlagged() {
        appointment("a8", "r4", "u-c2", TUESDAY, "10:30", 60, AppointmentPlanning.CONFIRMED, false);
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm.refresh().join();
        assertThat(column("u-c2").stops())
                .extracting(Stop::appointmentId, Stop::conflict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a5", true),
                        org.assertj.core.groups.Tuple.tuple("a8", true));
        assertThat(column("u-c1").stops()).noneMatch(Stop::conflict);
    }

    @Test
    void weeksAndDaysAreBrowsed() {
        assertThat(vm.headingProperty().get()).isEqualTo("Semaine du 30/11 au 05/12 · mardi 01/12/2026");
        vm.nextWeek();
        assertThat(vm.dayProperty().get()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(vm.columns()).allMatch(c -> c.stops().isEmpty());
        vm.today();
        assertThat(vm.dayProperty().get()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(vm.mondayProperty().get()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void aFreeSlotOpensThePlanningFormAndABlockTheChangeForm() {
        vm.create("u-c2", LocalTime.of(16, 30));
        vm.edit("a1");
        assertThat(created).containsExactly(new WeekViewModel.Slot(TUESDAY, LocalTime.of(16, 30), "u-c2"));
        assertThat(edited).containsExactly("a1");
    }

    @Test
    void dropsSnapToAQuarterOfAnHourOnTheAxis() {
        assertThat(WeekViewModel.snap(0)).isEqualTo(LocalTime.of(8, 0));
        assertThat(WeekViewModel.snap(68)).isEqualTo(LocalTime.of(9, 15));
        assertThat(WeekViewModel.snap(-40)).isEqualTo(LocalTime.of(8, 0));
        assertThat(WeekViewModel.snap(10_000)).isEqualTo(LocalTime.of(18, 45));
    }
}
