package fr.mediance.app.debt;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.resident.ResidentDemo;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.PaymentPlanDto;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan of a debt, opened from its row in the energy section, calculated, corrected and saved. */
class PaymentPlanScreenTest extends UiTest {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() {
        office = new DemoOffice();
        ResidentDemo.codes(office);
        office.server.serverWrite(new CodeDto("creditor_category", "energie", "Énergie", null, 1, true));
        office.server.addPartner("edf", "fournisseur_energie", "EDF", "energie");
        office.server.serverWrite(new EnergyContractDto(
                "c-elec",
                "s1",
                "r1",
                "electricite",
                "edf",
                "trv",
                "12345678901234",
                6L,
                true,
                "monthly",
                null,
                null,
                List.of(),
                List.of()));
        office.server.serverWrite(new DebtDto(
                "debt-1",
                "s1",
                "r1",
                "energie",
                "edf",
                "c-elec",
                30_000L,
                LocalDate.now(DemoOffice.PARIS).minusMonths(2),
                null,
                null,
                null,
                null,
                null,
                null,
                "acknowledged",
                List.of()));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        if (core != null) {
            core.close();
        }
        office.close();
    }

    void type(String query, String text) {
        interact(() -> this.<TextField>node(query).setText(text));
    }

    void fire(String query) {
        interact(() -> this.<Button>node(query).fire());
    }

    @Test
    void theEcheancierOfADebtRowStartsFromItsBalanceAndAnAcceptedPlanPutsTheDebtInPaymentPlan() throws Exception {
        core = office.signedIn(dir, "conseil1");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#nav-RESIDENTS"));
        interact(() -> this.<ToggleButton>node("#nav-RESIDENTS").fire());
        until(() -> exists("#resident-row-r1"));
        clickOn("#resident-row-r1");
        until(() -> exists("#resident-tab-energy"));
        interact(() -> this.<ToggleButton>node("#resident-tab-energy").fire());
        until(() -> exists("#energy-debt-plan-debt-1"));
        fire("#energy-debt-plan-debt-1");
        until(() -> exists("#plan-totalCents") && visible("#plan-totalCents"));
        until(() -> "300,00".equals(this.<TextField>node("#plan-totalCents").getText()));

        LocalDate first = LocalDate.now(DemoOffice.PARIS).plusMonths(1).withDayOfMonth(10);
        type("#plan-count", "4");
        type("#plan-firstDue", DAY.format(first));
        fire("#plan-compute");
        until(() -> exists("#plan-amountCents-3"));
        assertThat(this.<TextField>node("#plan-amountCents-3").getText()).isEqualTo("75,00");

        type("#plan-amountCents-3", "7S");
        interact(() -> this.<ComboBox<String>>node("#plan-status").setValue("accepted"));
        fire("#plan-save");
        until(() -> !text("#plan-amountCents-3-error").isEmpty());
        assertThat(text("#plan-amountCents-3-error")).isEqualTo("Saisissez un montant, par exemple 1\u00a0234,56.");
        assertThat(this.<TextField>node("#plan-amountCents-3").getText()).isEqualTo("7S");

        type("#plan-amountCents-3", "75");
        type("#plan-agreedOn", DAY.format(LocalDate.now(DemoOffice.PARIS)));
        fire("#plan-save");
        until(() -> !core.paymentPlans().plans("r1").isEmpty());
        PaymentPlanDto saved = core.paymentPlans().plans("r1").get(0);
        assertThat(saved.debtIds()).containsExactly("debt-1");
        assertThat(saved.totalCents()).isEqualTo(30_000);
        assertThat(saved.instalments()).hasSize(4);
        until(() ->
                "payment_plan".equals(core.energy().debt("debt-1").orElseThrow().status()));
    }
}
