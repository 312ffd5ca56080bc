package fr.mediance.app.core.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.WorkingDayDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * « Réglages des tournées »: the office placed and the travel estimate set, a counsellor's hours, lunch and days off
 * saved; what the shared rules refuse is said beside its field and never sent; offline said.
 */
class RoundsSettingsViewModelTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS);
    final ResourceBundle texts = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
    CoreContext core;

    @BeforeEach
    void team() {
        server.addUser("u-coord", "coord", "Chloé", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-n", "conseil1", "Nadia", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-k", "conseil2", "Karim", TestCores.PASSWORD, Role.COUNSELLOR);
    }

    @AfterEach
    void tearDown() {
        if (core != null) {
            core.close();
        }
        server.close();
    }

    RoundsSettingsViewModel vm(String username) {
        core = TestCores.signedIn(dir, clock, server, username);
        RoundsSettingsViewModel vm =
                new RoundsSettingsViewModel(core::remote, online, texts, Runnable::run, Runnable::run);
        vm.refresh();
        return vm;
    }

    @Test
    void theOfficeIsPlacedByHandAndTheTravelEstimateSavedWithFrenchDecimals() {
        RoundsSettingsViewModel vm = vm("coord");
        assertThat(vm.officePlaceProperty().get()).isEqualTo(texts.getString("roundsSettings.office.unplaced"));
        assertThat(vm.field(RoundsSettingsViewModel.DETOUR).get()).isEqualTo("1,3");

        vm.field(RoundsSettingsViewModel.OFFICE_ADDRESS).set("12 boulevard National, 13003 Marseille");
        vm.field(RoundsSettingsViewModel.OFFICE_LATITUDE).set("43,3106");
        vm.field(RoundsSettingsViewModel.OFFICE_LONGITUDE).set("5,3849");
        vm.field(RoundsSettingsViewModel.DETOUR).set("1,4");
        vm.field(RoundsSettingsViewModel.SPEED).set("18");
        vm.saveSettings();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(texts.getString("roundsSettings.saved"));
        assertThat(server.planningSettings.office()).isEqualTo(GeoPointDto.manual(43.3106, 5.3849));
        assertThat(server.planningSettings.detourFactor()).isEqualTo(1.4);
        assertThat(server.planningSettings.speedKmh()).isEqualTo(18.0);
        assertThat(vm.officePlaceProperty().get()).isEqualTo(texts.getString("roundsSettings.office.source.manual"));
    }

    @Test
    void aPointLeftAsLoadedKeepsItsSource() {
        server.planningSettings = new fr.mediance.protocol.PlanningSettingsDto(
                "1 rue X",
                new GeoPointDto(43.31, 5.38, GeoPointDto.SOURCE_BAN, GeoPointDto.PRECISION_STREET),
                1.3,
                20,
                false,
                null,
                null);
        RoundsSettingsViewModel vm = vm("coord");
        assertThat(vm.officePlaceProperty().get())
                .contains("Base adresse nationale")
                .contains("approximatif");
        vm.field(RoundsSettingsViewModel.SPEED).set("22,5");
        vm.saveSettings();
        assertThat(server.planningSettings.office().source()).isEqualTo(GeoPointDto.SOURCE_BAN);
        assertThat(server.planningSettings.speedKmh()).isEqualTo(22.5);
    }

    @Test
    void settingsTheRulesRefuseAreShownBesideTheirFieldAndNotSent() {
        RoundsSettingsViewModel vm = vm("coord");
        vm.field(RoundsSettingsViewModel.DETOUR).set("0,5");
        vm.saveSettings();
        assertThat(vm.errorOf(RoundsSettingsViewModel.DETOUR).get()).contains("entre 1 et 3");
        assertThat(vm.errorProperty().get()).isEqualTo(texts.getString("roundsSettings.fix"));
        assertThat(server.planningSettings.updatedAt()).isNull();

        vm.field(RoundsSettingsViewModel.DETOUR).set("1,3");
        vm.field(RoundsSettingsViewModel.SPEED).set("vite");
        vm.field(RoundsSettingsViewModel.OFFICE_LATITUDE).set("95");
        vm.field(RoundsSettingsViewModel.OFFICE_LONGITUDE).set("5");
        vm.saveSettings();
        assertThat(vm.errorOf(RoundsSettingsViewModel.SPEED).get()).isEqualTo(texts.getString("roundsSettings.number"));
        assertThat(vm.errorOf(RoundsSettingsViewModel.DETOUR).get()).isEmpty();
        assertThat(server.planningSettings.updatedAt()).isNull();

        vm.field(RoundsSettingsViewModel.SPEED).set("20");
        vm.saveSettings();
        assertThat(vm.errorOf(RoundsSettingsViewModel.OFFICE_LATITUDE).get()).contains("latitude");
        assertThat(server.planningSettings.updatedAt()).isNull();
    }

    @Test
    void aCounsellorsHoursLunchAndLeaveAreSaved() {
        RoundsSettingsViewModel vm = vm("coord");
        assertThat(vm.schedules())
                .extracting(CounsellorScheduleDto::displayName)
                .containsExactly("Karim", "Nadia");
        vm.selectedProperty().set(vm.schedules().get(1));
        assertThat(vm.describe(vm.selectedProperty().get()))
                .isEqualTo("5 jours travaillés · 0 jours d'absence · horaires par défaut");
        RoundsSettingsViewModel.DayRow wednesday = vm.days().get(2);
        assertThat(wednesday.workedProperty().get()).isTrue();
        // part time: no Wednesday, Friday mornings only
        wednesday.workedProperty().set(false);
        vm.days().get(4).endProperty().set("12:30");
        vm.field(RoundsSettingsViewModel.LUNCH_MINUTES).set("60");
        vm.dayOffFromProperty().set("21/12/2026");
        vm.dayOffToProperty().set("24/12/2026");
        vm.addDaysOff();
        vm.dayOffFromProperty().set("04/01/2027");
        vm.addDaysOff();
        assertThat(vm.daysOff()).hasSize(5);
        vm.removeDayOff(LocalDate.of(2026, 12, 22));
        vm.saveSchedule();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Horaires de Nadia enregistrés.");
        CounsellorScheduleDto saved = server.schedules.get("u-n");
        assertThat(saved.days())
                .containsExactly(
                        new WorkingDayDto("mon", "08:30", "17:00"),
                        new WorkingDayDto("tue", "08:30", "17:00"),
                        new WorkingDayDto("thu", "08:30", "17:00"),
                        new WorkingDayDto("fri", "08:30", "12:30"));
        assertThat(saved.lunchMinutes()).isEqualTo(60);
        assertThat(saved.daysOff())
                .containsExactly(
                        LocalDate.of(2026, 12, 21),
                        LocalDate.of(2026, 12, 23),
                        LocalDate.of(2026, 12, 24),
                        LocalDate.of(2027, 1, 4));
        assertThat(vm.describe(vm.selectedProperty().get())).endsWith("horaires enregistrés");
    }

    @Test
    void hoursTheRulesRefuseAreShownOnTheirDayAndNotSent() {
        RoundsSettingsViewModel vm = vm("coord");
        vm.selectedProperty().set(vm.schedules().get(0));
        vm.days().get(1).startProperty().set("17:00");
        vm.days().get(1).endProperty().set("08:30");
        vm.saveSchedule();
        assertThat(vm.days().get(1).errorProperty().get()).contains("après son début");
        assertThat(vm.days().get(0).errorProperty().get()).isEmpty();
        assertThat(server.schedules).isEmpty();

        vm.days().get(1).startProperty().set("08:30");
        vm.days().get(1).endProperty().set("17:00");
        vm.field(RoundsSettingsViewModel.LUNCH_LATEST).set("12:15");
        vm.saveSchedule();
        assertThat(vm.errorOf(RoundsSettingsViewModel.LUNCH_LATEST).get()).contains("pause entière");
        assertThat(vm.days().get(1).errorProperty().get()).isEmpty();
        assertThat(server.schedules).isEmpty();

        vm.dayOffFromProperty().set("31/02/2027");
        vm.addDaysOff();
        assertThat(vm.errorOf(RoundsSettingsViewModel.DAYS_OFF).get())
                .isEqualTo(texts.getString("roundsSettings.dayOff.badDate"));
        vm.dayOffFromProperty().set("10/01/2027");
        vm.dayOffToProperty().set("01/01/2027");
        vm.addDaysOff();
        assertThat(vm.errorOf(RoundsSettingsViewModel.DAYS_OFF).get())
                .isEqualTo(texts.getString("roundsSettings.dayOff.order"));
        assertThat(vm.daysOff()).isEmpty();
    }

    @Test
    void aCounsellorIsRefusedByTheServerAndOfflineNothingIsAsked() {
        RoundsSettingsViewModel vm = vm("conseil1");
        assertThat(vm.errorProperty().get())
                .isEqualTo("Les réglages des tournées sont réservés à la coordination et au bureau.");
        assertThat(vm.schedules()).isEmpty();

        online.set(false);
        vm.refresh();
        assertThat(vm.errorProperty().get()).isEqualTo(texts.getString("roundsSettings.offline"));
    }
}
