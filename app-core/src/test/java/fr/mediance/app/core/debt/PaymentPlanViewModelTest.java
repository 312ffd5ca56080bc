package fr.mediance.app.core.debt;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.energy.EnergyServiceTest;
import fr.mediance.app.core.task.TaskItem;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PaymentPlanDto;
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

class PaymentPlanViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    static final String NBSP = "\u00a0";

    @TempDir
    Path dir;

    FakeOfficeServer server;
    /** Monday 7 December 2026. */
    MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));

    CoreContext core;
    PaymentPlanViewModel vm;
    List<String> messages = new ArrayList<>();
    DebtDto october;
    DebtDto november;

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        EnergyServiceTest.seed(server);
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        EnergyContractDto c =
                core.energy().saveContract(EnergyServiceTest.electricity("r1")).value();
        october = core.energy().saveDebt(EnergyServiceTest.bill("r1", c.id())).value();
        DebtDto nov = EnergyServiceTest.bill("r1", c.id());
        november = core.energy()
                .saveDebt(new DebtDto(
                        null,
                        null,
                        "r1",
                        "energie",
                        "edf",
                        c.id(),
                        20_000L,
                        LocalDate.of(2026, 11, 2),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "acknowledged",
                        nov.stages()))
                .value();
        vm = new PaymentPlanViewModel(
                core.paymentPlans(),
                core.energy(),
                core.tasks(),
                core.documents(),
                core.reference(),
                clock,
                core.zone(),
                TEXTS,
                Runnable::run,
                Runnable::run);
        vm.setOnMessage(messages::add);
        vm.load("r1").join();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    /** Both debts, 612,50 € in three monthly instalments from 5 November, the first paid. */
    void aThreeMonthPlanWithTheFirstPaid() {
        vm.newPlan(List.of(october.id(), november.id()));
        assertThat(vm.totalProperty().get()).isEqualTo("612,50");
        assertThat(vm.creditorProperty().get()).isEqualTo("edf");
        vm.countProperty().set("3");
        vm.firstDueProperty().set("05/11/2026");
        assertThat(vm.compute()).isTrue();
        vm.instalments().get(0).paidOnProperty().set("05/11/2026");
        vm.instalments().get(0).paidProperty().set("204,17");
        vm.statusProperty().set("active");
        vm.agreedOnProperty().set("30/10/2026");
    }

    @Test
    void calculerFillsTheInstalmentsFromTheRulesAndFlagsThoseLateToday() {
        vm.newPlan(List.of(october.id(), november.id()));
        vm.countProperty().set("3");
        vm.firstDueProperty().set("05/11/2026");
        assertThat(vm.compute()).isTrue();
        assertThat(vm.instalments())
                .extracting(r ->
                        r.dueDateProperty().get() + " " + r.amountProperty().get())
                .containsExactly("05/11/2026 204,17", "05/12/2026 204,17", "05/01/2027 204,16");
        assertThat(vm.instalments()).extracting(r -> r.lateProperty().get()).containsExactly(true, true, false);
        assertThat(vm.lateSummaryProperty().get()).isEqualTo("2 échéance(s) en retard.");

        vm.instalments().get(0).paidOnProperty().set("05/11/2026");
        vm.instalments().get(0).paidProperty().set("204,17");
        assertThat(vm.instalments()).extracting(r -> r.lateProperty().get()).containsExactly(false, true, false);
    }

    @Test
    void savingAnActivePlanPutsItsDebtsInPaymentPlanAndReachesTheOfficeAtSync() {
        aThreeMonthPlanWithTheFirstPaid();
        assertThat(vm.save().join()).isTrue();
        assertThat(messages).contains("Échéancier enregistré ; 2 dette(s) passée(s) en « En échéancier ».");
        assertThat(core.energy().debts("r1")).extracting(DebtDto::status).containsOnly("payment_plan");
        assertThat(vm.plans())
                .containsExactly(new PaymentPlanViewModel.PlanItem(
                        vm.plans().get(0).id(),
                        "EDF — En cours",
                        "Prochaine échéance : 05/12/2026, 204,17" + NBSP + "€",
                        "Reste à payer : 408,33" + NBSP + "€",
                        true));

        core.sync().syncNow().join();
        List<OperationDto> sent = server.operations.stream()
                .filter(o -> o.entity() == EntityType.PAYMENT_PLAN)
                .toList();
        assertThat(sent).hasSize(1);
        PaymentPlanDto p = (PaymentPlanDto) sent.get(0).data();
        assertThat(p.totalCents()).isEqualTo(61_250);
        assertThat(p.debtIds()).containsExactlyInAnyOrder(october.id(), november.id());
        assertThat(p.instalments().get(0).paidCents()).isEqualTo(20_417);
    }

    @Test
    void aLateInstalmentGetsOneReminderDueTodayNeverTwo() {
        aThreeMonthPlanWithTheFirstPaid();
        assertThat(vm.save().join()).isTrue();
        PaymentPlanViewModel.InstalmentRow december = vm.instalments().get(1);
        assertThat(vm.createReminder(december).join()).isTrue();
        assertThat(december.reminderProperty().get()).isEqualTo("Relance créée");
        assertThat(vm.createReminder(december).join()).isTrue();
        assertThat(messages)
                .endsWith("Relance créée dans « Mes suivis ».", "La relance de cette échéance existe déjà.");
        assertThat(core.tasks().mine())
                .extracting(TaskItem::title, TaskItem::dueDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "Échéance du 05/12 non payée — EDF", LocalDate.of(2026, 12, 7)));

        // opened again later, the reminder is known
        vm.load("r1").join();
        vm.open(vm.plans().get(0).id());
        assertThat(vm.instalments().get(1).reminderProperty().get()).isEqualTo("Relance créée");
        assertThat(vm.createReminder(vm.instalments().get(2)).join()).isFalse();
        assertThat(core.tasks().mine()).hasSize(1);
    }

    @Test
    void aNewPlanFromTheListCoversTheDebtsOfOneCreditorOnly() {
        DebtDto other = core.energy()
                .saveDebt(new DebtDto(
                        null,
                        null,
                        "r1",
                        "energie",
                        "engie",
                        october.contractId(),
                        9_900L,
                        LocalDate.of(2026, 9, 1),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "acknowledged",
                        List.of()))
                .value();
        vm.load("r1").join();
        vm.newPlan(List.of());
        assertThat(vm.creditorProperty().get()).isEqualTo("edf");
        assertThat(vm.debts())
                .filteredOn(c -> c.selectedProperty().get())
                .extracting(PaymentPlanViewModel.DebtChoice::id)
                .containsExactlyInAnyOrder(october.id(), november.id())
                .doesNotContain(other.id());
    }

    @Test
    void aNewPlanForADebtStartsFromItsBalanceAfterWhatWasPaidOldestFirst() {
        aThreeMonthPlanWithTheFirstPaid();
        assertThat(vm.save().join()).isTrue();
        vm.openPlanForDebt("r1", october.id()).join();
        assertThat(vm.totalProperty().get()).isEqualTo("612,50");
        vm.newPlan(List.of(october.id()));
        // 204,17 € paid under the plan go to the October bill first: 412,50 − 204,17
        assertThat(vm.totalProperty().get()).isEqualTo("208,33");
        vm.debts().stream()
                .filter(d -> d.id().equals(november.id()))
                .forEach(d -> d.selectedProperty().set(true));
        assertThat(vm.totalProperty().get()).isEqualTo("408,33");
    }

    @Test
    void theCreditorsWrittenConfirmationIsChosenAmongTheResidentsDocuments() {
        server.serverWrite(new fr.mediance.protocol.DocumentDto(
                "d-accord",
                "s1",
                null,
                "r1",
                "courrier",
                "ab".repeat(32),
                "image/jpeg",
                1000,
                Instant.parse("2026-10-30T10:00:00Z"),
                null,
                "Accord EDF",
                null,
                null,
                null,
                List.of(),
                "photo_in_app"));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm.load("r1").join();
        aThreeMonthPlanWithTheFirstPaid();
        assertThat(vm.documents())
                .extracting(PaymentPlanViewModel.DocumentChoice::label)
                .containsExactly("Aucune", "Accord EDF · 30/10/2026");
        vm.confirmationProperty().set(vm.documents().get(1));
        assertThat(vm.save().join()).isTrue();
        assertThat(core.paymentPlans().plans("r1").get(0).confirmationDocumentId())
                .isEqualTo("d-accord");
    }

    @Test
    void badInputIsRefusedBesideItsFieldWithTheTextKeptAndTheSharedCheckBesideTheInstalments() {
        aThreeMonthPlanWithTheFirstPaid();
        vm.agreedOnProperty().set("");
        vm.instalments().get(2).amountProperty().set("2OO");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.error("instalments[2].amountCents").get())
                .isEqualTo("Saisissez un montant, par exemple 1" + NBSP + "234,56.");
        assertThat(vm.instalments().get(2).amountProperty().get()).isEqualTo("2OO");

        vm.instalments().get(2).amountProperty().set("200");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.error("agreedOn").get()).isEqualTo("Indiquez le jour où le créancier a accepté l'échéancier.");
        assertThat(vm.error("instalments").get())
                .isEqualTo("Les échéances font 608,34" + NBSP + "€ au lieu du total de 612,50" + NBSP + "€.");
        assertThat(core.paymentPlans().plans("r1")).isEmpty();
        assertThat(core.energy().debts("r1")).extracting(DebtDto::status).containsOnly("acknowledged");
    }
}
