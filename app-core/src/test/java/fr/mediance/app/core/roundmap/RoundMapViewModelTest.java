package fr.mediance.app.core.roundmap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.roundmap.RoundMapViewModel.Line;
import fr.mediance.app.core.roundmap.RoundMapViewModel.Marker;
import fr.mediance.app.core.roundmap.RoundMapViewModel.MarkerKind;
import fr.mediance.app.core.roundmap.RoundMapViewModel.Route;
import fr.mediance.app.core.roundmap.RoundMapViewModel.Stop;
import fr.mediance.app.core.roundmap.RoundMapViewModel.Unlocated;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Rounds;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundMapViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    static final GeoPointDto OFFICE = new GeoPointDto(43.2965, 5.3698, GeoPointDto.SOURCE_BAN, "housenumber");
    static final GeoPointDto LILAS = new GeoPointDto(43.3480, 5.3590, GeoPointDto.SOURCE_BAN, "housenumber");
    static final GeoPointDto PORT = new GeoPointDto(43.2990, 5.3650, GeoPointDto.SOURCE_GEOCODER, "street");
    static final GeoPointDto PINS = new GeoPointDto(43.3050, 5.4400, GeoPointDto.SOURCE_BAN, "housenumber");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0); // 27/11/2026 09:00 Paris
    CoreContext core;
    RoundMapViewModel vm;
    List<String> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-k1", "coord", "Sophie Martin", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-c1", "conseil1", "Awa Diallo", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-c2", "conseil2", "Karim Haddad", TestCores.PASSWORD, Role.COUNSELLOR);
        server.serverWrite(resident("r1", "Benali", "Fatima", LILAS));
        server.serverWrite(resident("r2", "Martin", "Jean", PORT));
        server.serverWrite(resident("r3", "Nguyen", "Thi Lan", null));
        server.serverWrite(resident("r4", "Roux", "Marcel", PINS));
        // Awa: Marcel at 14:00, Fatima at 09:30, Thi Lan (no point) at 11:00, a cancelled one and a phone call
        server.serverWrite(appointment("a1", "r4", "u-c1", "14:00", "home_visit", "confirmed", null));
        server.serverWrite(appointment("a2", "r1", "u-c1", "09:30", "home_visit", "confirmed", null));
        server.serverWrite(appointment("a3", "r3", "u-c1", "11:00", "home_visit", "confirmed", null));
        server.serverWrite(appointment("a4", "r2", "u-c1", "10:00", "home_visit", "cancelled_by_resident", "malade"));
        server.serverWrite(appointment("a5", "r2", "u-c1", "12:00", "phone", "confirmed", null));
        // Karim: Jean at 10:00; tomorrow Fatima
        server.serverWrite(appointment("a6", "r2", "u-c2", "10:00", "home_visit", "confirmed", null));
        server.serverWrite(appointment("a7", "r1", "u-c2", DAY.plusDays(1), "10:00", "home_visit", "confirmed", null));
        server.planningSettings =
                new PlanningSettingsDto("1 place de la Mairie, Marseille", OFFICE, 1.3, 20, false, null, null);
        core = TestCores.signedIn(dir, clock, server, "coord");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = newViewModel();
    }

    RoundMapViewModel newViewModel() {
        RoundMapViewModel m = new RoundMapViewModel(
                core.agenda(),
                core.residents(),
                OfficeSettings.fromServer(core::remote),
                core.sync(),
                clock,
                PARIS,
                TEXTS,
                Runnable::run,
                Runnable::run);
        m.setOnMessage(messages::add);
        m.refresh().join();
        return m;
    }

    @AfterEach
    void tearDown() {
        vm.dispose();
        core.close();
        server.close();
    }

    static ResidentDto resident(String id, String last, String first, GeoPointDto location) {
        return new ResidentDto(
                        id,
                        "s1",
                        "D-" + id,
                        null,
                        last,
                        first,
                        null,
                        null,
                        "1 rue",
                        "13001",
                        "Marseille",
                        null,
                        null,
                        "u-c1")
                .withLocation(location);
    }

    static AppointmentDto appointment(
            String id, String resident, String counsellor, String start, String type, String status, String reason) {
        return appointment(id, resident, counsellor, DAY, start, type, status, reason);
    }

    static AppointmentDto appointment(
            String id,
            String resident,
            String counsellor,
            LocalDate day,
            String start,
            String type,
            String status,
            String reason) {
        ZonedDateTime s = ZonedDateTime.of(day, java.time.LocalTime.parse(start), PARIS);
        return new AppointmentDto(
                id,
                "s1",
                resident,
                counsellor,
                type,
                s.toInstant(),
                s.plusHours(1).toInstant(),
                status,
                null,
                null,
                reason,
                List.of(),
                null);
    }

    @Test
    void each_counsellors_route_is_her_day_on_the_road_in_time_order_from_the_office_and_back() {
        assertThat(vm.headingProperty().get()).isEqualTo("Vendredi 27/11/2026");
        assertThat(vm.routes()).extracting(Route::counsellorName).containsExactly("Awa Diallo", "Karim Haddad");
        Route awa = vm.routes().get(0);
        assertThat(awa.stops()).extracting(Stop::appointmentId).containsExactly("a2", "a3", "a1");
        assertThat(awa.stops()).extracting(Stop::number).containsExactly(1, 2, 3);
        assertThat(awa.stops()).extracting(Stop::time).containsExactly("09:30", "11:00", "14:00");
        assertThat(vm.routes().get(1).stops()).extracting(Stop::appointmentId).containsExactly("a6");

        assertThat(vm.lines())
                .containsExactly(
                        new Line(0, "u-c1", List.of(OFFICE, LILAS, PINS, OFFICE)),
                        new Line(1, "u-c2", List.of(OFFICE, PORT, OFFICE)));
        assertThat(vm.markers())
                .extracting(Marker::kind, Marker::label, Marker::colour)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MarkerKind.OFFICE, "Bureau", -1),
                        org.assertj.core.groups.Tuple.tuple(MarkerKind.STOP, "1", 0),
                        org.assertj.core.groups.Tuple.tuple(MarkerKind.STOP, "3", 0),
                        org.assertj.core.groups.Tuple.tuple(MarkerKind.STOP, "1", 1));
    }

    @Test
    void travel_is_the_straight_line_times_the_detour_at_the_offices_speed_from_the_point_before() {
        Route awa = vm.routes().get(0);
        int fromOffice = RoundMapViewModel.minutes(OFFICE, LILAS, 1.3, 20);
        int lilasToPins = RoundMapViewModel.minutes(LILAS, PINS, 1.3, 20);
        int back = RoundMapViewModel.minutes(PINS, OFFICE, 1.3, 20);
        assertThat(fromOffice).isEqualTo(23); // 5.8 km as the crow flies × 1.3 = 7.5 km at 20 km/h
        assertThat(awa.stops())
                .extracting(Stop::travel)
                .containsExactly(fromOffice + " min de trajet", "", lilasToPins + " min de trajet");
        assertThat(awa.summary()).isEqualTo("3 rendez-vous · " + (fromOffice + lilasToPins + back) + " min de trajet");
    }

    @Test
    void without_the_office_settings_the_routes_join_the_stops_only_with_the_default_travel() {
        server.planningSettings = new PlanningSettingsDto(null, null, 1.3, 20, false, null, null); // office unknown
        RoundMapViewModel offline = newViewModel();
        assertThat(offline.officeProperty().get()).isNull();
        assertThat(offline.lines()).containsExactly(new Line(0, "u-c1", List.of(LILAS, PINS)));
        assertThat(offline.routes().get(0).stops().get(2).travel())
                .isEqualTo(
                        RoundMapViewModel.minutes(LILAS, PINS, Rounds.DEFAULT_DETOUR_FACTOR, Rounds.DEFAULT_SPEED_KMH)
                                + " min de trajet");
        offline.dispose();
    }

    @Test
    void residents_without_a_point_are_listed_as_not_located() {
        assertThat(vm.unlocated()).containsExactly(new Unlocated("r3", "Thi Lan Nguyen", "Awa Diallo", "11:00"));
        assertThat(vm.markers()).extracting(Marker::residentId).doesNotContain("r3");
    }

    @Test
    void previous_and_next_show_the_other_days() {
        vm.next();
        assertThat(vm.routes()).extracting(Route::counsellorName).containsExactly("Karim Haddad");
        vm.previous();
        vm.previous();
        assertThat(vm.routes()).isEmpty();
        assertThat(vm.emptyProperty().get()).isTrue();
    }

    @Test
    void a_pin_moved_by_hand_is_saved_on_the_resident_as_manual_and_sent_to_the_office() {
        vm.select("r2");
        assertThat(vm.selectedTextProperty().get())
                .isEqualTo("Jean Martin — repère approximatif (du service de géocodage)");
        vm.startMove();
        assertThat(vm.promptProperty().get()).isEqualTo("Touchez la carte là où habite Jean Martin.");
        vm.placeAt(43.3001, 5.3702);
        assertThat(vm.markers())
                .filteredOn(m -> "r2".equals(m.residentId()))
                .extracting(Marker::kind, Marker::latitude)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MarkerKind.PENDING, 43.3001));

        assertThat(vm.save().join()).isTrue();

        GeoPointDto manual = GeoPointDto.manual(43.3001, 5.3702);
        assertThat(core.residents().locations(List.of("r2"))).isEqualTo(Map.of("r2", manual));
        assertThat(vm.movingProperty().get()).isFalse();
        assertThat(messages)
                .containsExactly("Repère de Jean Martin enregistré ; il partira à la prochaine synchronisation.");
        assertThat(vm.routes().get(1).stops().get(0).point()).isEqualTo(manual);
        assertThat(vm.selectedTextProperty().get()).isEqualTo("Jean Martin — repère placé à la main");

        assertThat(core.sync().syncNow().join().ok()).isTrue();
        OperationDto sent = server.operations.get(server.operations.size() - 1);
        assertThat(sent.entityId()).isEqualTo("r2");
        assertThat(sent.changedFields()).containsExactly("location");
    }

    @Test
    void an_unlocated_resident_is_placed_from_the_list() {
        vm.startMove("r3");
        vm.placeAt(43.31, 5.38);
        assertThat(vm.save().join()).isTrue();
        assertThat(vm.unlocated()).isEmpty();
        assertThat(vm.routes().get(0).stops().get(1).point()).isEqualTo(GeoPointDto.manual(43.31, 5.38));
    }

    @Test
    void the_move_can_be_undone_before_saving_and_nothing_is_saved() {
        vm.select("r1");
        vm.startMove();
        vm.placeAt(43.2, 5.2);
        vm.undo();
        assertThat(vm.pendingProperty().get()).isNull();
        assertThat(vm.markers())
                .filteredOn(m -> "r1".equals(m.residentId()))
                .extracting(Marker::kind, Marker::latitude)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MarkerKind.STOP, LILAS.latitude()));
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Touchez d'abord la carte là où habite la personne.");
        vm.cancelMove();
        assertThat(core.residents().locations(List.of("r1"))).isEqualTo(Map.of("r1", LILAS));
    }

    @Test
    void impossible_coordinates_are_refused_with_the_shared_message() {
        vm.select("r1");
        vm.startMove();
        vm.placeAt(95.0, 5.37);
        assertThat(vm.errorProperty().get())
                .isEqualTo(GeoPointDto.problem(GeoPointDto.manual(95.0, 5.37)))
                .isEqualTo("La latitude du repère doit être comprise entre -90 et 90 degrés.");
        assertThat(vm.pendingProperty().get()).isNull();

        Outcome<GeoPointDto> refused = core.residents().placeOnMap("r1", GeoPointDto.manual(43.3, 200));
        assertThat(refused)
                .isEqualTo(Outcome.failed("La longitude du repère doit être comprise entre -180 et 180 degrés."));
        assertThat(core.residents().locations(List.of("r1"))).isEqualTo(Map.of("r1", LILAS));
    }

    @Test
    void the_day_shown_follows_a_sync_that_brings_appointments() {
        server.serverWrite(appointment("a8", "r4", "u-c2", "16:00", "home_visit", "confirmed", null));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(vm.routes().get(1).stops()).extracting(Stop::appointmentId).containsExactly("a6", "a8");
    }
}
