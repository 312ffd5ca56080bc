package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.testing.FakeOfficeServer;
import fr.mediance.app.core.testing.MutableClock;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStatusViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;
    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0);
    CoreContext core;
    SyncStatusViewModel vm;
    List<String> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-k1", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        core = TestCores.signedIn(dir, clock, server, "coord");
        vm = new SyncStatusViewModel(core.sync(), clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    void createResident() {
        assertThat(core.residents().create(new ResidentForm(null, "Benali", "Fatima", null, null, "12 rue des Lilas",
                "13015", "Marseille", null, null, null)).isOk()).isTrue();
    }

    @Test
    void before_any_sync_it_says_never() {
        assertThat(vm.lastSyncTextProperty().get()).isEqualTo("Jamais synchronisé");
        assertThat(vm.indicatorTextProperty().get()).isEqualTo("À jour");
        assertThat(vm.pendingTextProperty().get()).isEqualTo("Rien en attente : tout est envoyé.");
    }

    @Test
    void a_local_change_is_counted_as_pending_and_listed() {
        createResident();
        vm.refresh();

        assertThat(vm.pendingCountProperty().get()).isEqualTo(1);
        assertThat(vm.indicatorTextProperty().get()).isEqualTo("1 en attente");
        assertThat(vm.pendingTextProperty().get()).isEqualTo("1 modification(s) et 0 photo(s) en attente d'envoi");
        assertThat(vm.pendingItems()).hasSize(1);
    }

    @Test
    void synchronise_sends_everything_and_tells_when() {
        createResident();

        assertThat(vm.synchronise().join().ok()).isTrue();

        assertThat(vm.pendingCountProperty().get()).isZero();
        assertThat(vm.indicatorTextProperty().get()).isEqualTo("À jour");
        assertThat(vm.lastSyncTextProperty().get()).isEqualTo("Dernière synchronisation à l'instant");
        assertThat(vm.onlineProperty().get()).isTrue();
        assertThat(vm.connectionTextProperty().get()).isEqualTo("En ligne");
        assertThat(messages).containsExactly("Synchronisation terminée.");

        clock.advance(Duration.ofMinutes(30));
        vm.refresh();
        assertThat(vm.lastSyncTextProperty().get()).isEqualTo("Dernière synchronisation aujourd'hui à 09:00");
        clock.set(Instant.parse("2026-11-29T08:00:00Z"));
        vm.refresh();
        assertThat(vm.lastSyncTextProperty().get()).isEqualTo("Dernière synchronisation le 27/11/2026 à 09:00");
    }

    @Test
    void offline_the_change_stays_pending_and_a_french_reason_is_shown() {
        createResident();
        server.goOffline();

        vm.synchronise().join();

        assertThat(vm.pendingCountProperty().get()).isEqualTo(1);
        assertThat(vm.onlineProperty().get()).isFalse();
        assertThat(vm.connectionTextProperty().get()).isEqualTo("Hors ligne");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void a_refused_change_needs_attention() {
        createResident();
        String id = core.residents().search("Benali", 1).get(0).id();
        server.reject(id, "Usager en double.");

        vm.synchronise().join();

        assertThat(vm.attentionCountProperty().get()).isEqualTo(1);
        assertThat(vm.indicatorTextProperty().get()).isEqualTo("1 à vérifier");
        assertThat(vm.attentionItems()).extracting(SyncStatusViewModel.ItemRow::detail).containsExactly("Usager en double.");
    }
}
