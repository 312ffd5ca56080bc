package fr.mediance.app.core.debt;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.energy.DebtFormViewModel;
import fr.mediance.app.core.energy.EnergyFileViewModel;
import fr.mediance.app.core.energy.EnergyServiceTest;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.InstalmentDto;
import fr.mediance.protocol.PaymentPlanDto;
import fr.mediance.protocol.Role;
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

/** Debts of every creditor category: typed on the form, listed and added up in the resident file's section. */
class DebtsViewModelTest {
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
        server.serverWrite(new CodeDto("creditor_category", "loyer", "Loyer / charges", null, 40, true));
        server.serverWrite(
                new CodeDto("creditor_category", "credit_conso", "Crédit à la consommation", null, 50, true));
        server.addPartner("logirem", "bailleur_social", "Logirem", "loyer");
        server.addPartner("cofidis", "organisme_credit", "Cofidis", "credit_conso");
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    DebtFormViewModel form() {
        DebtFormViewModel vm =
                new DebtFormViewModel(core.energy(), core.reference(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        return vm;
    }

    @Test
    void aRentArrearIsTypedWithoutContractAndOnlyRentCreditorsAreOffered() {
        DebtFormViewModel vm = form();
        vm.load("r1", null, "loyer").join();
        assertThat(vm.categoryProperty().get()).isEqualTo("loyer");
        assertThat(vm.energyDebtProperty().get()).isFalse();
        assertThat(vm.creditors()).extracting(c -> c.code()).containsExactly("logirem");
        vm.creditorProperty().set("logirem");
        vm.customerNumberProperty().set("  LOC-4521 ");
        vm.invoicesProperty().set("Avis d'échéance 09/2026, 10/2026");
        vm.amountProperty().set("1 240,00 €");
        vm.feesProperty().set("35");
        vm.issueDateProperty().set("01/09/2026");
        vm.secondLetterProperty().set("01/12/2026"); // typed, then the category made it meaningless: not kept
        vm.feesProperty().set("douze");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errorProperty("fees").get()).isEqualTo("Saisissez un montant, par exemple 1\u00a0234,56.");
        assertThat(vm.feesProperty().get()).isEqualTo("douze");
        assertThat(vm.errorProperty("contractId").get()).isEmpty();
        assertThat(core.energy().debts("r1")).isEmpty();

        vm.feesProperty().set("35,00");
        assertThat(vm.save().join()).isTrue();
        DebtDto saved = core.energy().debts("r1").get(0);
        assertThat(saved.creditorCategory()).isEqualTo("loyer");
        assertThat(saved.creditor()).isEqualTo("logirem");
        assertThat(saved.contractId()).isNull();
        assertThat(saved.secondLetterOn()).isNull();
        assertThat(saved.customerNumber()).isEqualTo("LOC-4521");
        assertThat(saved.invoices()).isEqualTo("Avis d'échéance 09/2026, 10/2026");
        assertThat(saved.amountCents()).isEqualTo(124_000L);
        assertThat(saved.feesCents()).isEqualTo(3_500L);
        assertThat(saved.totalCents()).isEqualTo(127_500L);

        DebtFormViewModel again = form();
        again.load("r1", saved.id(), null).join();
        assertThat(again.categoryProperty().get()).isEqualTo("loyer");
        assertThat(again.feesProperty().get()).isEqualTo("35,00");
        assertThat(again.customerNumberProperty().get()).isEqualTo("LOC-4521");
    }

    @Test
    void choosingAnotherCategoryDropsACreditorOfTheFormerOneAndTheContract() {
        EnergyContractDto contract =
                core.energy().saveContract(EnergyServiceTest.electricity("r1")).value();
        DebtFormViewModel vm = form();
        vm.load("r1", null).join();
        assertThat(vm.energyDebtProperty().get()).isTrue();
        assertThat(vm.contractIdProperty().get()).isEqualTo(contract.id());
        assertThat(vm.creditorProperty().get()).isEqualTo("edf");

        vm.categoryProperty().set("credit_conso");
        assertThat(vm.energyDebtProperty().get()).isFalse();
        assertThat(vm.creditorProperty().get()).isNull();
        assertThat(vm.creditors()).extracting(c -> c.code()).containsExactly("cofidis");
        vm.amountProperty().set("2 300");
        vm.issueDateProperty().set("15/06/2026");
        assertThat(vm.save().join()).isTrue();
        assertThat(core.energy().debts("r1").get(0).contractId()).isNull();
    }

    @Test
    void theSectionAddsUpWhatIsOwedByCategoryAndTheEnergySectionKeepsTheEnergyBills() {
        EnergyContractDto contract =
                core.energy().saveContract(EnergyServiceTest.electricity("r1")).value();
        assertThat(core.energy()
                        .saveDebt(EnergyServiceTest.bill("r1", contract.id()))
                        .isOk())
                .isTrue();
        assertThat(core.energy()
                        .saveDebt(debt("loyer", "logirem", 124_000L, 3_500L, "acknowledged"))
                        .isOk())
                .isTrue();
        assertThat(core.energy()
                        .saveDebt(debt("credit_conso", "cofidis", 90_000L, null, "paid"))
                        .isOk())
                .isTrue();

        DebtsViewModel vm = new DebtsViewModel(
                core.energy(), core.paymentPlans(), core.reference(), TEXTS, Runnable::run, Runnable::run);
        vm.load("r1").join();
        // 412,50 € of electricity, 1 240,00 € of rent and 35,00 € of fees; the paid credit owes nothing
        assertThat(vm.summaryProperty().get()).isEqualTo("1\u00a0687,50\u00a0€ dus en tout (3 dettes)");
        assertThat(vm.items())
                .extracting(DebtsViewModel.DebtItem::category)
                .containsExactly("energie", "loyer", "credit_conso");
        assertThat(vm.items().get(1).title()).isEqualTo("Loyer / charges · Logirem · 1\u00a0275,00\u00a0€");
        assertThat(vm.items().get(1).details())
                .isEqualTo("dont 35,00\u00a0€ de frais · Plus ancienne facture du 01/09/2026 · Statut : Reconnue");
        assertThat(vm.totals())
                .extracting(vm::totalLine)
                .containsExactly(
                        "Énergie : 412,50\u00a0€ (1)",
                        "Loyer / charges : 1\u00a0275,00\u00a0€ (1)",
                        "Crédit à la consommation : 0,00\u00a0€ (1)");

        EnergyFileViewModel energy = new EnergyFileViewModel(
                core.energy(), core.tasks(), core.reference(), clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
        energy.load("r1").join();
        assertThat(energy.debts()).hasSize(1);
    }

    @Test
    void aHouseholdWithoutDebtSaysSo() {
        DebtsViewModel vm = new DebtsViewModel(
                core.energy(), core.paymentPlans(), core.reference(), TEXTS, Runnable::run, Runnable::run);
        vm.load("r1").join();
        assertThat(vm.summaryProperty().get()).isEqualTo("Aucune dette enregistrée.");
        assertThat(vm.categories()).extracting(c -> c.code()).containsExactly("energie", "loyer", "credit_conso");
    }

    static DebtDto debt(String category, String creditor, long cents, Long fees, String status) {
        return new DebtDto(
                null,
                null,
                "r1",
                category,
                creditor,
                null,
                cents,
                LocalDate.of(2026, 9, 1),
                null,
                null,
                null,
                null,
                null,
                null,
                status,
                List.of(),
                null,
                null,
                fees);
    }

    @Test
    void theOfficeReadsTheDebtsButWritesNoneOffline() {
        assertThat(core.energy()
                        .saveDebt(debt("loyer", "logirem", 124_000L, null, "acknowledged"))
                        .isOk())
                .isTrue();
        server.addUser("u-o", "bureau", TestCores.PASSWORD, Role.OFFICE);
        CoreContext office = TestCores.signedIn(dir.resolve("office"), clock, server, "bureau");
        try {
            assertThat(core.sync().syncNow().join().ok()).isTrue();
            assertThat(office.sync().syncNow().join().ok()).isTrue();
            DebtsViewModel vm = new DebtsViewModel(
                    office.energy(), office.paymentPlans(), office.reference(), TEXTS, Runnable::run, Runnable::run);
            vm.load("r1").join();
            assertThat(vm.items()).hasSize(1);
            assertThat(vm.mayWriteProperty().get()).isFalse();
            assertThat(office.energy()
                            .saveDebt(debt("eau", null, 5_000L, null, "unknown"))
                            .message())
                    .isEqualTo("Votre rôle permet de lire ces informations du foyer, pas de les modifier.");
            assertThat(office.energy().debts("r1")).hasSize(1);
            assertThat(office.sync().pendingItems()).isEmpty();

            DebtsViewModel mine = new DebtsViewModel(
                    core.energy(), core.paymentPlans(), core.reference(), TEXTS, Runnable::run, Runnable::run);
            mine.load("r1").join();
            assertThat(mine.mayWriteProperty().get()).isTrue();
        } finally {
            office.close();
        }
    }

    @Test
    void whatRemainsIsTheDebtLessTheInstalmentsPaidAndTheAidPaidToTheCreditor() {
        server.serverWrite(new CodeDto("aid_kind", "fsl_logement", "FSL maintien dans le logement", null, 10, true));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        DebtDto rent = core.energy()
                .saveDebt(debt("loyer", "logirem", 124_000L, 3_500L, "acknowledged"))
                .value();
        // a plan of 4 instalments of 318,75 €, the first paid in part (200,00 €)
        assertThat(core.paymentPlans()
                        .save(new PaymentPlanDto(
                                null,
                                null,
                                "r1",
                                "logirem",
                                List.of(rent.id()),
                                LocalDate.of(2026, 10, 1),
                                127_500,
                                1,
                                "active",
                                List.of(
                                        new InstalmentDto(
                                                LocalDate.of(2026, 11, 5), 31_875, LocalDate.of(2026, 11, 5), 20_000),
                                        new InstalmentDto(LocalDate.of(2026, 12, 5), 31_875, null, 0),
                                        new InstalmentDto(LocalDate.of(2027, 1, 5), 31_875, null, 0),
                                        new InstalmentDto(LocalDate.of(2027, 2, 5), 31_875, null, 0)),
                                null,
                                null))
                        .isOk())
                .isTrue();
        assertThat(core.energy().deleteDebt(rent.id()).message()).startsWith("Un échéancier porte sur cette dette");
        // an FSL aid of 300,00 € paid to the landlord for that debt, and one paid to the resident that changes nothing
        assertThat(core.aids().save(aid("a1", rent.id(), 30_000L, "landlord")).isOk())
                .isTrue();
        assertThat(core.aids().save(aid("a2", rent.id(), 10_000L, "resident")).isOk())
                .isTrue();

        DebtsViewModel vm = new DebtsViewModel(
                core.energy(), core.paymentPlans(), core.reference(), TEXTS, Runnable::run, Runnable::run);
        vm.load("r1").join();
        // 1 240,00 + 35,00 − 200,00 − 300,00
        assertThat(vm.summaryProperty().get()).isEqualTo("775,00\u00a0€ dus en tout (1 dette)");
        assertThat(vm.items().get(0).details()).startsWith("Reste dû : 775,00\u00a0€ · dont 35,00\u00a0€ de frais");
    }

    static AidApplicationDto aid(String id, String debtId, long granted, String paidTo) {
        return new AidApplicationDto(
                id,
                null,
                "r1",
                null,
                "fsl_logement",
                "13",
                "Conseil départemental",
                List.of(debtId),
                List.of(),
                granted,
                granted,
                paidTo,
                "granted",
                LocalDate.of(2026, 9, 10),
                LocalDate.of(2026, 9, 15),
                null,
                LocalDate.of(2026, 10, 20),
                null,
                null,
                null);
    }
}
