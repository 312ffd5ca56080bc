package fr.mediance.app.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** « Calendrier du téléphone »: a link created (its address shown once), listed without it, revoked; offline said. */
class PhoneCalendarViewModelTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS);
    final ResourceBundle texts = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
    CoreContext core;

    @AfterEach
    void tearDown() {
        if (core != null) {
            core.close();
        }
        server.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void counsellor() {
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, fr.mediance.protocol.Role.COUNSELLOR);
    }

    PhoneCalendarViewModel vm() {
        return new PhoneCalendarViewModel(
                core::remote, online, ZoneId.of("Europe/Paris"), texts, Runnable::run, Runnable::run);
    }

    @Test
    void aCreatedLinkIsShownOnceAsAFullAddressThenListedWithoutIt() {
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        PhoneCalendarViewModel vm = vm();
        vm.refresh();
        assertThat(vm.links()).isEmpty();

        vm.create();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.newLinkUrlProperty().get()).startsWith("http").endsWith(ApiPaths.calendarFeed("secret-link-1"));
        assertThat(vm.messageProperty().get()).isEqualTo(texts.getString("calendar.created"));
        assertThat(vm.links()).hasSize(1);
        assertThat(vm.describe(vm.links().get(0))).isEqualTo("Créé le 27/11/2026 09:00 · jamais relevé");
    }

    @Test
    void aRevokedLinkIsSaidRevokedAndItsAddressIsNoLongerShown() {
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        PhoneCalendarViewModel vm = vm();
        vm.create();
        vm.revoke(vm.links().get(0));
        assertThat(vm.newLinkUrlProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(texts.getString("calendar.revoked"));
        assertThat(vm.describe(vm.links().get(0))).isEqualTo("Créé le 27/11/2026 09:00 · révoqué le 27/11/2026 09:00");
    }

    @Test
    void offlineNothingIsAskedAndTheViewSaysWhy() {
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        online.set(false);
        PhoneCalendarViewModel vm = vm();
        vm.create();
        assertThat(vm.errorProperty().get()).isEqualTo(texts.getString("calendar.offline"));
        assertThat(server.calendarLinks).isEmpty();
    }
}
