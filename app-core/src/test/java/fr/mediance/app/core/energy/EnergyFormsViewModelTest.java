package fr.mediance.app.core.energy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
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

class EnergyFormsViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    CoreContext core;
    List<String> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        EnergyServiceTest.seed(server);
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    ContractFormViewModel contractForm() {
        ContractFormViewModel vm = new ContractFormViewModel(
                core.energy(), core.reference(), clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        return vm;
    }

    @Test
    void aContractIsTypedTheFrenchWayAndABadPdlIsSaidBesideItsField() {
        ContractFormViewModel vm = contractForm();
        vm.load("r1", null).join();
        assertThat(vm.suppliers()).extracting(c -> c.code()).containsExactly("edf", "engie");
        vm.supplierProperty().set("edf");
        vm.deliveryPointProperty().set("1234");
        vm.kvaProperty().set("6");
        vm.chequeYearProperty().set("2026");
        vm.chequeAmountProperty().set("194,00 €");
        vm.chequeSentProperty().set("04/05/2026");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errorProperty("deliveryPoint").get()).isEqualTo("Le PDL compte 14 chiffres.");
        assertThat(core.energy().contracts("r1")).isEmpty();

        vm.deliveryPointProperty().set("12345678901234");
        assertThat(vm.save().join()).isTrue();
        EnergyContractDto saved = core.energy().contracts("r1").get(0);
        assertThat(saved.subscribedKva()).isEqualTo(6L);
        assertThat(saved.chequesEnergie().get(0).amountCents()).isEqualTo(19_400L);
        assertThat(saved.chequesEnergie().get(0).attestationSentOn()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(vm.errorProperty("deliveryPoint").get()).isEmpty();
        assertThat(messages).containsExactly("Enregistré sur l'appareil.");
    }

    @Test
    void aGasContractAsksForAPceAndNoPower() {
        ContractFormViewModel vm = contractForm();
        vm.load("r1", null).join();
        vm.energyProperty().set("gaz");
        assertThat(vm.electricityProperty().get()).isFalse();
        assertThat(vm.deliveryPointLabelProperty().get()).isEqualTo("PCE (14 chiffres, ou GI et 6 chiffres)");
        vm.kvaProperty().set("6");
        vm.deliveryPointProperty().set("GI123456");
        assertThat(vm.save().join()).isTrue();
        assertThat(core.energy().contracts("r1").get(0).subscribedKva()).isNull();
    }

    @Test
    void aNewStateIsAppendedToTheHistoryAfterTheContractIsSaved() {
        ContractFormViewModel vm = contractForm();
        vm.load("r1", null).join();
        vm.newStateProperty().set("limited");
        assertThat(vm.addState().join()).isFalse();
        assertThat(vm.errorProperty("newState").get()).isEqualTo("Enregistrez d'abord le contrat.");

        vm.kvaProperty().set("6");
        assertThat(vm.save().join()).isTrue();
        assertThat(vm.newDateProperty().get()).isEqualTo("07/12/2026");
        vm.newStateProperty().set("limited");
        assertThat(vm.newKvaVisibleProperty().get()).isTrue();
        vm.newKvaProperty().set("40");
        assertThat(vm.addState().join()).isFalse();
        assertThat(vm.errorProperty("newKva").get()).isEqualTo("Nombre entier de 1 à 36 attendu.");
        vm.newKvaProperty().set("3");
        assertThat(vm.addState().join()).isTrue();
        assertThat(vm.history()).containsExactly("07/12/2026 · Puissance réduite à 3 kVA · constaté en visite");
        assertThat(vm.currentStateProperty().get()).isEqualTo("Puissance réduite à 3 kVA depuis le 07/12/2026");
    }

    @Test
    void aBillIsTypedWithAFrenchAmountAndItsDatesAreCheckedByTheRules() {
        ContractFormViewModel contract = contractForm();
        contract.load("r1", null).join();
        contract.kvaProperty().set("6");
        contract.supplierProperty().set("edf");
        contract.chequeYearProperty().set("2026");
        contract.chequeSentProperty().set("04/05/2026");
        assertThat(contract.save().join()).isTrue();

        DebtFormViewModel vm =
                new DebtFormViewModel(core.energy(), core.reference(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.load("r1", null).join();
        assertThat(vm.contracts()).hasSize(1);
        assertThat(vm.creditorProperty().get()).isEqualTo("edf");
        assertThat(vm.aidedHintProperty().get())
                .isEqualTo(
                        "Attestation chèque énergie envoyée le 04/05/2026 : foyer aidé, délai de paiement de 30 jours.");
        vm.amountProperty().set("1 234,56 €");
        vm.issueDateProperty().set("01/10/2026");
        vm.firstReminderProperty().set("10/10/2026");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errorProperty("firstReminder").get())
                .isEqualTo("La première relance précède la date à laquelle la facture est impayée.");

        vm.firstReminderProperty().set("20/10/2026");
        vm.newStageProperty().set("reminder_1");
        vm.newStageDateProperty().set("20/10/2026");
        assertThat(vm.addStage()).isTrue();
        assertThat(vm.stageLines()).containsExactly("20/10/2026 · Première relance");
        assertThat(vm.save().join()).isTrue();
        DebtDto saved = core.energy().debts("r1").get(0);
        assertThat(saved.amountCents()).isEqualTo(123_456L);
        assertThat(saved.firstReminderOn()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(saved.stages()).hasSize(1);
    }

    @Test
    void anAmountAboveTheLimitIsRefusedOffline() {
        DebtFormViewModel vm =
                new DebtFormViewModel(core.energy(), core.reference(), TEXTS, Runnable::run, Runnable::run);
        vm.load("r1", null).join();
        vm.amountProperty().set("1 000 000,01");
        vm.issueDateProperty().set("01/10/2026");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errorProperty("amount").get()).isEqualTo("Le montant dépasse 1 000 000 €.");
        assertThat(vm.errorProperty("contractId").get()).startsWith("Choisissez le contrat");
    }
}
