package fr.mediance.app.core.energy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.task.TaskItem;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.SupplyStateDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyFileViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    /** Monday 7 December 2026, in the trêve. */
    MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));

    CoreContext core;
    EnergyFileViewModel vm;
    List<String> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        EnergyServiceTest.seed(server);
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = new EnergyFileViewModel(
                core.energy(), core.tasks(), core.reference(), clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    EnergyContractDto sixKva() {
        return core.energy().saveContract(EnergyServiceTest.electricity("r1")).value();
    }

    @Test
    void aHouseholdInTheTreveWithASixKvaContractAndNoAttestationMayBeReducedToThreeButNotCutUntilTheEndOfMarch() {
        EnergyContractDto c = sixKva();
        core.energy().saveDebt(EnergyServiceTest.bill("r1", c.id())).value();
        vm.load("r1").join();

        assertThat(vm.clockSections()).hasSize(1);
        EnergyFileViewModel.ClockSection s = vm.clockSections().get(0);
        assertThat(s.title()).isEqualTo("Électricité · EDF");
        assertThat(s.protections())
                .containsExactly(
                        "Trêve hivernale : coupure interdite jusqu'au 31 mars 2027.",
                        "Réduction possible à 3 kVA pendant la trêve.");
        assertThat(s.dates())
                .extracting(EnergyFileViewModel.ClockLine::text)
                .containsExactly(
                        "Facture impayée le 15/10/2026", "Date limite de paiement après la 1re relance : 04/11/2026");
        assertThat(s.dates()).allMatch(EnergyFileViewModel.ClockLine::past);
    }

    @Test
    void theContractsAndBillsAreListedWithTheCurrentSupplyState() {
        EnergyContractDto c = sixKva();
        core.energy()
                .addSupplyState(
                        c.id(), new SupplyStateDto(null, "limited", 3L, LocalDate.of(2026, 11, 20), "supplier", null))
                .value();
        core.energy().saveDebt(EnergyServiceTest.bill("r1", c.id())).value();
        vm.load("r1").join();

        assertThat(vm.contracts())
                .containsExactly(new EnergyFileViewModel.ContractItem(
                        c.id(),
                        "Électricité · EDF",
                        "Tarif réglementé (TRV) · PDL 12345678901234 · 6 kVA souscrits · Linky · Mensualisé",
                        "Puissance réduite à 3 kVA depuis le 20/11/2026"));
        assertThat(vm.debts())
                .extracting(EnergyFileViewModel.DebtItem::title, EnergyFileViewModel.DebtItem::details)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "EDF · 412,50\u00a0€",
                        "Facture du 01/10/2026 · 1re relance le 20/10/2026 · Statut : Reconnue"));
    }

    @Test
    void aPaidBillLeavesNoClock() {
        EnergyContractDto c = sixKva();
        DebtDto d = EnergyServiceTest.bill("r1", c.id());
        core.energy()
                .saveDebt(new DebtDto(
                        null,
                        null,
                        "r1",
                        "energie",
                        "edf",
                        c.id(),
                        d.amountCents(),
                        d.issueDate(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "paid",
                        List.of()))
                .value();
        vm.load("r1").join();
        assertThat(vm.debts()).hasSize(1);
        assertThat(vm.clockSections()).isEmpty();
    }

    @Test
    void aDateBecomesAFollowUpTaskInOneTap() {
        EnergyContractDto c = sixKva();
        core.energy()
                .saveDebt(new DebtDto(
                        null,
                        null,
                        "r1",
                        "energie",
                        "edf",
                        c.id(),
                        41_250L,
                        LocalDate.of(2026, 11, 1),
                        null,
                        LocalDate.of(2026, 11, 16),
                        LocalDate.of(2026, 12, 1),
                        null,
                        null,
                        null,
                        "acknowledged",
                        List.of()))
                .value();
        vm.load("r1").join();
        EnergyFileViewModel.ClockLine cut = vm.clockSections().get(0).dates().stream()
                .filter(l -> l.text().startsWith("Réduction ou coupure"))
                .findFirst()
                .orElseThrow();
        assertThat(cut.date()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(cut.past()).isFalse();

        assertThat(vm.createFollowUp(cut).join()).isTrue();
        assertThat(core.tasks().openForResident("r1"))
                .extracting(TaskItem::title, TaskItem::dueDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "Électricité · EDF : Risque de réduction ou de coupure", LocalDate.of(2026, 12, 21)));
        assertThat(messages).containsExactly("Relance créée pour le 21/12/2026.");
        assertThat(vm.clockSections().get(0).dates())
                .extracting(EnergyFileViewModel.ClockLine::text)
                .contains("Coupure au plus tôt le 01/04/2027 (après la trêve)");
    }
}
