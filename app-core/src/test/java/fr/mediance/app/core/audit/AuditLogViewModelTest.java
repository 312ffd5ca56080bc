package fr.mediance.app.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.AuditEventDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin's « Journal des accès »: rows in French, the filters sent to the server, the refusals explained. */
class AuditLogViewModelTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS);
    final ResourceBundle texts = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    CoreContext core;

    @AfterEach
    void tearDown() {
        if (core != null) {
            core.close();
        }
        server.close();
    }

    AuditLogViewModel vm() {
        return new AuditLogViewModel(
                core::remote,
                id -> id.equals("r1") ? Optional.of("Fatima Benali") : Optional.empty(),
                ZoneId.of("Europe/Paris"),
                texts,
                Runnable::run,
                Runnable::run);
    }

    @Test
    void theAdminSeesEachAccessInFrenchNewestFirstAndFiltersByAction() {
        server.addUser("u-a1", "admin", "Admin", TestCores.PASSWORD, Role.ADMIN);
        Instant t = Instant.parse("2026-11-27T09:12:00Z");
        server.auditJournal.addAll(List.of(
                new AuditEventDto(
                        "e1", t, "u1", "conseil1", "tab-1", "device", "read", "resident", "r1", "r1", "fiche"),
                new AuditEventDto(
                        "e2",
                        t.plusSeconds(60),
                        "u2",
                        "bureau",
                        "poste",
                        "server",
                        "export",
                        "resident_export",
                        "r1",
                        "r1",
                        "format pdf")));
        core = TestCores.signedIn(dir, clock, server, "admin");
        AuditLogViewModel vm = vm();
        vm.search().join();
        assertThat(vm.rows())
                .containsExactly(
                        new AuditLogViewModel.Row(
                                "27/11/2026 10:13",
                                "bureau · poste",
                                "Export",
                                "Export des données",
                                "Fatima Benali",
                                "format pdf"),
                        new AuditLogViewModel.Row(
                                "27/11/2026 10:12",
                                "conseil1 · tab-1 (sur l'appareil)",
                                "Consultation",
                                "Dossier",
                                "Fatima Benali",
                                "fiche"));
        assertThat(vm.messageProperty().get()).isEqualTo("2 accès affichés");

        vm.actionProperty().set("read");
        vm.search().join();
        assertThat(vm.rows()).extracting(AuditLogViewModel.Row::action).containsExactly("Consultation");
    }

    @Test
    void aBadDateIsExplainedAndAnotherRoleIsToldItMayNot() {
        Visits.seed(server, 1);
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        AuditLogViewModel vm = vm();
        vm.fromProperty().set("2026-11-01");
        vm.search().join();
        assertThat(vm.messageProperty().get()).isEqualTo("Les dates s'écrivent jj/mm/aaaa, par exemple 07/12/2026.");

        vm.fromProperty().set("01/11/2026");
        vm.search().join();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Le journal n'a pas pu être lu : ");
    }
}
