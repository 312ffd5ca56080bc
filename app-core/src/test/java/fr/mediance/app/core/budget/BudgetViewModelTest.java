package fr.mediance.app.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.resident.CounsellorStoreTest;
import fr.mediance.app.core.resident.ManualExecutor;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.BudgetLineDto;
import fr.mediance.protocol.EntityType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BudgetViewModelTest extends CounsellorStoreTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    static final String NBSP = "\u00a0";

    final ManualExecutor pause = new ManualExecutor();
    final List<String> messages = new ArrayList<>();
    BudgetViewModel vm;

    @BeforeEach
    void openTheSheet() {
        vm = new BudgetViewModel(
                core.budgets(), core.reference(), clock, core.zone(), TEXTS, pause, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.load("r1").join();
    }

    private static BudgetLine type(BudgetLine line, String category, String amount, String periodicity) {
        line.categoryProperty().set(category);
        line.periodicityProperty().set(periodicity);
        line.amountProperty().set(amount);
        return line;
    }

    /** An amount as the screen shows it, read with plain spaces (the screen puts non-breaking ones). */
    private static String euros(String amount) {
        return amount + " €";
    }

    private static String plain(String shown) {
        return shown.replace(NBSP, " ").replace("\u202f", " ");
    }

    @Test
    void theFiguresFollowTheLinesAsTheyAreTyped() {
        assertThat(vm.titleProperty().get()).isEqualTo("Fiche du 27/11/2026");
        assertThat(vm.editableProperty().get()).isTrue();
        vm.personsProperty().set("2");
        type(vm.addLine("income"), "salaire", "1 650", "monthly");
        BudgetLine apl = type(vm.addLine("income"), "apl", "180", "monthly");
        apl.paidToLandlordProperty().set(true);
        type(vm.addLine("charge"), "loyer", "700", "monthly");
        type(vm.addLine("charge"), "electricite", "150", "every_2_months");
        type(vm.addLine("charge"), "eau", "30", "monthly");
        type(vm.addLine("charge"), "mutuelle", "900", "annual");
        type(vm.addLine("credit"), "credit", "120,00", "monthly");

        assertThat(plain(vm.incomeProperty().get())).isEqualTo(euros("1 650,00"));
        assertThat(plain(vm.spendingProperty().get())).isEqualTo(euros("820,00"));
        assertThat(plain(vm.restProperty().get())).isEqualTo(euros("830,00"));
        assertThat(plain(vm.restPerPersonProperty().get())).isEqualTo(euros("415,00"));
        assertThat(plain(vm.effortRateProperty().get())).isEqualTo("4,5 %");
        assertThat(vm.precarityProperty().get()).isFalse();

        type(vm.addLine("charge"), "gaz", "90", "monthly");
        assertThat(plain(vm.effortRateProperty().get())).isEqualTo("10,0 %");
        assertThat(vm.precarityProperty().get()).isTrue();
    }

    @Test
    void theRsaFloorOfTheHouseholdsCompositionIsShownBesideTheRest() {
        vm.personsProperty().set("3");
        vm.adultsProperty().set("2");
        type(vm.addLine("income"), "rsa", "1 100", "monthly");
        type(vm.addLine("charge"), "loyer", "300", "monthly");
        // The RSA for one person from 1 April 2025, 646.52 €, times 1.8 for a couple and one child.
        assertThat(plain(vm.rsaFloorProperty().get())).isEqualTo(euros("1 163,74"));
        assertThat(vm.rsaNoteProperty().get()).startsWith("Montant forfaitaire du RSA au 1er avril 2025");
        assertThat(vm.belowRsaProperty().get()).isTrue();
        vm.adultsProperty().set("3");
        assertThat(vm.adultsErrorProperty().get())
                .isEqualTo("Le foyer compte 1 ou 2 adultes, pas plus que de personnes.");
        assertThat(vm.rsaFloorProperty().get()).isEqualTo("—");
    }

    @Test
    void aBadAmountShowsBesideItsLineKeepsItsTextAndNothingIsSaved() {
        BudgetLine salary = type(vm.addLine("income"), "salaire", "1 650,5,0", "monthly");
        assertThat(salary.errorProperty().get()).isEqualTo("Saisissez un montant, par exemple 1\u00a0234,56.");
        BudgetLine huge = type(vm.addLine("income"), "rsa", "2 000 000", "monthly");
        assertThat(huge.errorProperty().get()).isEqualTo("Le montant dépasse 1 000 000 €.");
        BudgetLine noCategory = vm.addLine("charge");
        noCategory.amountProperty().set("10");
        assertThat(noCategory.errorProperty().get()).isEqualTo("Choisissez une catégorie.");
        vm.personsProperty().set("0");
        assertThat(vm.personsErrorProperty().get()).isEqualTo("Le foyer compte de 1 à 20 personnes.");

        pause.runAll();
        assertThat(vm.saveStatusProperty().get()).isEqualTo("Non enregistrée : corrigez les lignes signalées.");
        assertThat(salary.amountProperty().get()).isEqualTo("1 650,5,0");
        assertThat(core.budgets().snapshots("r1")).isEmpty();
        assertThat(plain(vm.incomeProperty().get())).isEqualTo(euros("0,00"));
    }

    @Test
    void theSheetIsSavedAfterAPauseInTheTypingAndFoundAgainOnTheNextOpening() {
        vm.personsProperty().set("3");
        type(vm.addLine("income"), "rsa", "1 200,50", "monthly");
        BudgetLine rent = type(vm.addLine("charge"), "loyer", "450", "monthly");
        rent.labelProperty().set("OPH");
        assertThat(core.budgets().snapshots("r1")).isEmpty();
        pause.runAll();
        assertThat(vm.saveStatusProperty().get()).startsWith("Enregistré sur l'appareil à ");
        BudgetDto saved = core.budgets().snapshots("r1").get(0);
        assertThat(saved.householdPersons()).isEqualTo(3);
        assertThat(saved.lines())
                .containsExactly(
                        new BudgetLineDto("income", "rsa", 120_050, "monthly", false, false, null),
                        new BudgetLineDto("charge", "loyer", 45_000, "monthly", false, false, "OPH"));

        BudgetViewModel again = new BudgetViewModel(
                core.budgets(), core.reference(), clock, core.zone(), TEXTS, pause, Runnable::run, Runnable::run);
        again.load("r1").join();
        assertThat(again.incomes()).hasSize(1);
        assertThat(again.incomes().get(0).amountProperty().get()).isEqualTo("1200,50");
        assertThat(again.charges().get(0).labelProperty().get()).isEqualTo("OPH");
        assertThat(plain(again.restProperty().get())).isEqualTo(euros("750,50"));
        assertThat(again.history()).extracting(BudgetViewModel.Snapshot::title).containsExactly("Fiche du 27/11/2026");
    }

    @Test
    void aNewSnapshotStartsFromTheSheetOnScreenAndIsComparedWithTheOldOne() {
        type(vm.addLine("income"), "salaire", "1 500", "monthly");
        type(vm.addLine("charge"), "electricite", "60", "monthly");
        pause.runAll();
        String first = core.budgets().snapshots("r1").get(0).id();

        clock.advance(Duration.ofDays(35));
        vm.newSnapshot().join();
        assertThat(vm.titleProperty().get()).isEqualTo("Fiche du 01/01/2027");
        assertThat(messages).contains("Nouvelle fiche du jour, reprise de la précédente : modifiez ce qui a changé.");
        assertThat(vm.incomes()).hasSize(1);
        vm.incomes().get(0).amountProperty().set("1 300");
        pause.runAll();
        assertThat(core.budgets().snapshots("r1"))
                .extracting(BudgetDto::snapshotDate)
                .containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 11, 27));

        vm.compareWith(first);
        assertThat(vm.comparedWithProperty().get()).isEqualTo("Comparée à la fiche du 27/11/2026");
        assertThat(vm.comparison().stream()
                        .map(r -> new BudgetViewModel.ComparisonRow(r.label(), plain(r.current()), plain(r.other())))
                        .toList())
                .contains(
                        new BudgetViewModel.ComparisonRow(
                                "Ressources mensuelles", euros("1 300,00"), euros("1 500,00")),
                        new BudgetViewModel.ComparisonRow("Reste à vivre", euros("1 240,00"), euros("1 440,00")),
                        new BudgetViewModel.ComparisonRow("Taux d'effort énergétique", "4,6 %", "4,0 %"),
                        new BudgetViewModel.ComparisonRow("Électricité", euros("60,00"), euros("60,00")));
    }

    @Test
    void aColleaguesSheetIsReadOnlyAndANewOneStartsFromIt() {
        server.serverWrite(new BudgetDto(
                "b-colleague",
                "s1",
                "r1",
                "u-c2",
                LocalDate.of(2026, 11, 20),
                2,
                List.of(new BudgetLineDto("income", "aah", 101_605, "monthly", false, true, null)),
                null,
                TestCores.T0));
        core.sync().syncNow().join();
        vm.load("r1").join();
        assertThat(vm.editableProperty().get()).isTrue(); // a fresh sheet of today, started from the colleague's
        assertThat(vm.incomes()).hasSize(1);
        vm.open("b-colleague").join();
        assertThat(vm.editableProperty().get()).isFalse();
        assertThat(vm.authorProperty().get()).startsWith("Fiche d'un collègue : lecture seule.");
        vm.incomes().get(0).amountProperty().set("2000");
        pause.runAll();
        assertThat(core.sync().pendingItems()).noneMatch(i -> i.entity() == EntityType.BUDGET);
    }
}
