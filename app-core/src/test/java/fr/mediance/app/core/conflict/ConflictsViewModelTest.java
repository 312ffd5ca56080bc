package fr.mediance.app.core.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.conflict.ConflictsViewModel.Choice;
import fr.mediance.app.core.conflict.ConflictsViewModel.Row;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Conflits à résoudre": two counsellors changed a resident's phone; the coordinator keeps one value. */
class ConflictsViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    static final Instant DETECTED = Instant.parse("2026-11-27T09:02:00Z");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(TestCores.T0.plusSeconds(7200));
    List<CoreContext> cores = new ArrayList<>();
    List<String> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-c2", "conseil2", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-k1", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-o1", "bureau", TestCores.PASSWORD, Role.OFFICE);
        server.serverWrite(new ResidentDto(
                "r1",
                "s1",
                "D-1",
                null,
                "Benali",
                "Fatima",
                null,
                "06 22 22 22 22",
                "12 rue des Lilas",
                "13015",
                "Marseille",
                null,
                null,
                "u-c1"));
        conflict("c1", "phone", "06 12 34 56 78", "06 11 11 11 11", "06 22 22 22 22");
    }

    @AfterEach
    void tearDown() {
        cores.forEach(CoreContext::close);
        server.close();
    }

    void conflict(String id, String field, String base, String first, String last) {
        server.serverWrite(new ConflictDto(
                id,
                "s1",
                EntityType.RESIDENT,
                "r1",
                field,
                base,
                first,
                last,
                "u-c2",
                "u-c1",
                DETECTED,
                ConflictDto.OPEN,
                null,
                null,
                null));
    }

    CoreContext signedIn(String user) throws Exception {
        CoreContext core = TestCores.signedIn(Files.createDirectories(dir.resolve(user)), clock, server, user);
        cores.add(core);
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        return core;
    }

    ConflictsViewModel vm(CoreContext core) {
        ConflictsViewModel vm =
                new ConflictsViewModel(core.conflicts(), core.sync(), core.zone(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.refresh().join();
        return vm;
    }

    @Test
    void a_conflict_shows_the_record_the_field_and_both_values_with_who_saved_them() throws Exception {
        ConflictsViewModel vm = vm(signedIn("coord"));

        assertThat(vm.canResolveProperty().get()).isTrue();
        assertThat(vm.openCountProperty().get()).isEqualTo(1);
        assertThat(vm.badgeTextProperty().get()).isEqualTo("1");
        assertThat(vm.emptyProperty().get()).isFalse();
        Row row = vm.items().get(0);
        assertThat(row.recordLabel()).isEqualTo("Fatima Benali");
        assertThat(row.fieldLabel()).isEqualTo("Téléphone");
        assertThat(row.baseText()).isEqualTo("Valeur de départ : 06 12 34 56 78");
        assertThat(row.serverValueText()).isEqualTo("06 11 11 11 11");
        assertThat(row.serverByText()).isEqualTo("Par conseil2 (counsellor) · enregistrée en premier");
        assertThat(row.clientValueText()).isEqualTo("06 22 22 22 22");
        assertThat(row.clientByText())
                .isEqualTo("Par conseil1 (counsellor) · le 27/11/2026 à 10:02 · valeur actuelle de la fiche");
    }

    @Test
    void keeping_one_value_queues_the_resolution_and_the_server_gets_it() throws Exception {
        CoreContext coord = signedIn("coord");
        ConflictsViewModel vm = vm(coord);

        Outcome<Void> o = vm.resolve("c1", Choice.SERVER, null).join();

        assertThat(o.isOk()).isTrue();
        assertThat(vm.items()).isEmpty();
        assertThat(vm.openCountProperty().get()).isZero();
        assertThat(vm.badgeTextProperty().get()).isEmpty();
        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(messages)
                .containsExactly(
                        "Conflit résolu : la valeur retenue part au serveur, qui la mettra sur tous les appareils.");
        assertThat(coord.sync().pendingItems()).extracting(i -> i.entity()).contains(EntityType.CONFLICT);

        assertThat(coord.sync().syncNow().join().ok()).isTrue();
        ConflictDto onServer = (ConflictDto) server.entity(EntityType.CONFLICT, "c1");
        assertThat(onServer.resolved()).isTrue();
        assertThat(onServer.resolvedValue()).isEqualTo("06 11 11 11 11");
    }

    @Test
    void only_one_of_the_two_values_is_kept_never_a_third_as_on_the_server() throws Exception {
        ConflictsViewModel vm = vm(signedIn("bureau"));

        assertThat(vm.resolve("c1", null, null).join().message()).isEqualTo("Choisissez l'une des deux valeurs.");
        assertThat(vm.resolve("c1", Choice.OTHER, "  ").join().message()).isEqualTo("Saisissez la valeur à retenir.");
        assertThat(vm.items()).hasSize(1);

        assertThat(vm.resolve("c1", Choice.OTHER, " 06 33 33 33 33 ").join().message())
                .isEqualTo("Retenez l'une des deux valeurs en conflit : pour en saisir une autre, modifiez la fiche "
                        + "elle-même.");
        assertThat(vm.items()).hasSize(1);
    }

    @Test
    void only_the_office_and_coordinators_may_resolve() throws Exception {
        CoreContext counsellor = signedIn("conseil1");
        ConflictsViewModel vm = vm(counsellor);

        assertThat(vm.canResolveProperty().get()).isFalse();
        Outcome<Void> o = vm.resolve("c1", Choice.CLIENT, null).join();

        assertThat(o.isOk()).isFalse();
        assertThat(o.message()).isEqualTo("Seuls le bureau et les coordinateurs peuvent résoudre un conflit.");
        assertThat(counsellor.sync().pendingItems()).extracting(i -> i.entity()).doesNotContain(EntityType.CONFLICT);
        assertThat(vm(signedIn("bureau")).canResolveProperty().get()).isTrue();
    }

    @Test
    void the_badge_counts_open_conflicts_and_says_9_plus_beyond() throws Exception {
        for (int i = 2; i <= 10; i++) {
            conflict("c" + i, "city", "Marseille", "Aubagne", "La Ciotat");
        }
        ConflictsViewModel vm = vm(signedIn("coord"));
        assertThat(vm.openCountProperty().get()).isEqualTo(10);
        assertThat(vm.badgeTextProperty().get()).isEqualTo("9+");

        vm.resolve("c2", Choice.CLIENT, null).join();
        assertThat(vm.badgeTextProperty().get()).isEqualTo("9");
    }

    @Test
    void a_conflict_arriving_with_a_sync_reaches_the_list() throws Exception {
        CoreContext coord = signedIn("coord");
        ConflictsViewModel vm = vm(coord);
        conflict("c2", "postcode", "13015", "13016", "13014");

        coord.sync().syncNow().join();

        assertThat(vm.items()).extracting(Row::conflictId).containsExactly("c1", "c2");
        assertThat(vm.badgeTextProperty().get()).isEqualTo("2");
    }

    @Test
    void values_read_naturally() throws Exception {
        ConflictsViewModel vm = vm(signedIn("coord"));
        assertThat(vm.display(null)).isEqualTo("(vide)");
        assertThat(vm.display(" ")).isEqualTo("(vide)");
        assertThat(vm.display("1948-03-02")).isEqualTo("02/03/1948");
        assertThat(vm.display("06 12 34 56 78")).isEqualTo("06 12 34 56 78");
    }
}
