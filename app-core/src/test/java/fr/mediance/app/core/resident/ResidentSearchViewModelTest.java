package fr.mediance.app.core.resident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentSearchViewModelTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0);
    final ManualExecutor pause = new ManualExecutor();
    final List<String> opened = new ArrayList<>();
    CoreContext core;
    ResidentSearchViewModel vm;

    @BeforeEach
    void setUp() {
        ResidentFixtures.codes(server);
        core = ResidentFixtures.counsellor(dir, clock, server);
        vm = new ResidentSearchViewModel(
                core.residents(),
                core.residentFiles(),
                core.sync(),
                ResidentFileViewModelTest.TEXTS,
                pause,
                Runnable::run,
                Runnable::run);
        vm.setOnOpen(opened::add);
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    @Test
    void theSearchWaitsForThePauseAndOnlyTheLastTextIsSearched() {
        vm.refresh();
        assertThat(vm.results()).hasSize(4);
        vm.queryProperty().set("b");
        vm.queryProperty().set("be");
        vm.queryProperty().set("bena");
        assertThat(vm.searchingProperty().get()).isTrue();
        assertThat(vm.results()).hasSize(4);
        assertThat(pause.queued()).isEqualTo(3);
        pause.runAll();
        assertThat(vm.searchingProperty().get()).isFalse();
        assertThat(vm.results()).extracting(ResidentSearchViewModel.Row::name).containsExactly("Fatima Bénali");
        assertThat(vm.results().get(0).fileNumber()).isEqualTo("D-001");
        assertThat(vm.results().get(0).address()).isEqualTo("12 rue des Lilas, 13015 Marseille");
        assertThat(vm.results().get(0).phone()).isEqualTo("06 12 34 56 78");
    }

    @Test
    void phoneFileNumberAndAddressAreSearchedAndNoResultSaysSo() {
        vm.queryProperty().set("04.91.00");
        pause.runAll();
        assertThat(vm.results())
                .extracting(ResidentSearchViewModel.Row::residentId)
                .containsExactly("r2");
        vm.queryProperty().set("D-003");
        pause.runAll();
        assertThat(vm.results())
                .extracting(ResidentSearchViewModel.Row::residentId)
                .containsExactly("r3");
        vm.queryProperty().set("boulevard national");
        pause.runAll();
        assertThat(vm.results())
                .extracting(ResidentSearchViewModel.Row::residentId)
                .containsExactly("r3");
        vm.queryProperty().set("\"Zorro\" OR *");
        pause.runAll();
        assertThat(vm.results()).isEmpty();
        assertThat(vm.emptyMessageProperty().get()).isEqualTo("Aucune personne ne correspond à « \"Zorro\" OR * ».");
    }

    @Test
    void aCounsellorIsOfferedANewPersonAndFollowsTheOneSheCreates() {
        assertThat(vm.creationOfferedProperty().get()).isTrue();
        vm.newLastNameProperty().set("Diallo");
        assertThat(vm.createPerson().join()).isTrue();
        assertThat(opened).hasSize(1);
        assertThat(core.residents().find(opened.get(0)).orElseThrow().referentId())
                .isEqualTo("u-c1");
        assertThat(core.sync().pendingItems()).hasSize(1);
    }

    @Test
    void aNewPersonNeedsALastNameThenTheirFileOpens() {
        vm.dispose();
        core.close();
        core = ResidentFixtures.coordinator(dir.resolve("coord"), clock, server);
        vm = new ResidentSearchViewModel(
                core.residents(),
                core.residentFiles(),
                core.sync(),
                ResidentFileViewModelTest.TEXTS,
                pause,
                Runnable::run,
                Runnable::run);
        vm.setOnOpen(opened::add);
        assertThat(vm.creationOfferedProperty().get()).isTrue();
        vm.queryProperty().set("Diallo");
        vm.prefillNewPerson();
        assertThat(vm.newLastNameProperty().get()).isEqualTo("Diallo");
        vm.newLastNameProperty().set("  ");
        vm.newFirstNameProperty().set("Aïssatou");
        assertThat(vm.createPerson().join()).isFalse();
        assertThat(vm.newLastNameErrorProperty().get()).isEqualTo("Ce champ est obligatoire.");
        assertThat(vm.newFirstNameProperty().get()).isEqualTo("Aïssatou");
        assertThat(opened).isEmpty();
        vm.newLastNameProperty().set("Diallo");
        assertThat(vm.createPerson().join()).isTrue();
        assertThat(opened).hasSize(1);
        assertThat(core.residentFiles()
                        .file(opened.get(0))
                        .orElseThrow()
                        .resident()
                        .fileNumber())
                .startsWith("N-2026-");
        assertThat(vm.newLastNameProperty().get()).isEmpty();
    }
}
