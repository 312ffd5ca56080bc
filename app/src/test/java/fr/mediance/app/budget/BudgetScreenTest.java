package fr.mediance.app.budget;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.resident.ResidentDemo;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.BudgetDto;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counsellor opens a household's budget from its file, types an income and a charge in French, sees the figures
 * follow, is told beside the line when an amount is not one, and finds the sheet saved on the device.
 */
class BudgetScreenTest extends UiTest {
    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        ResidentDemo.codes(office);
        core = office.signedIn(dir, "conseil1");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#nav-RESIDENTS"));
        interact(() -> this.<ToggleButton>node("#nav-RESIDENTS").fire());
        until(() -> exists("#resident-row-r1"));
        clickOn("#resident-row-r1");
        until(() -> exists("#resident-open-budget"));
        interact(() -> this.<Button>node("#resident-open-budget").fire());
        until(() -> exists("#budget-title") && text("#budget-title").startsWith("Fiche du "));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    private static String plain(String shown) {
        return shown.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @SuppressWarnings("unchecked")
    private Node lastLine(String list) {
        Node last = node(list).lookupAll(".budget-line").stream()
                .reduce((a, b) -> b)
                .orElseThrow();
        return last;
    }

    @SuppressWarnings("unchecked")
    private void typeLine(String kind, String list, String category, String amount) {
        interact(() -> this.<Button>node("#budget-add-" + kind).fire());
        Node line = lastLine(list);
        ComboBox<String> combo = (ComboBox<String>) line.lookup(".budget-category");
        interact(() -> combo.setValue(category));
        TextField field = (TextField) line.lookup(".budget-amount");
        clickOn(field).write(amount);
    }

    @Test
    void typedLinesGiveTheFiguresAndTheSheetIsSavedOnTheDevice() {
        interact(() -> this.<TextField>node("#budget-persons").setText("2"));
        typeLine("income", "#budget-lines-incomes", "salaire", "1 650");
        typeLine("charge", "#budget-lines-charges", "electricite", "180");

        until(() -> plain(text("#budget-income")).equals("1 650,00 €"));
        assertThat(plain(text("#budget-charges"))).isEqualTo("180,00 €");
        assertThat(plain(text("#budget-rest"))).isEqualTo("1 470,00 €");
        assertThat(plain(text("#budget-rest-person"))).isEqualTo("735,00 €");
        assertThat(plain(text("#budget-effort"))).isEqualTo("10,9 %");
        assertThat(visible("#budget-precarity")).isTrue();

        until(() -> text("#budget-save-status").startsWith("Enregistré sur l'appareil à"));
        BudgetDto saved = core.budgets().snapshots("r1").get(0);
        assertThat(saved.householdPersons()).isEqualTo(2);
        assertThat(saved.lines()).hasSize(2);
        assertThat(saved.lines().get(0).amountCents()).isEqualTo(165_000);
    }

    @Test
    void anAmountThatIsNotOneIsShownBesideItsLineAndKept() {
        typeLine("income", "#budget-lines-incomes", "rsa", "12,3,4");
        Node line = lastLine("#budget-lines-incomes");
        until(() -> line.lookup(".field-error") != null
                && line.lookup(".field-error").isVisible());
        assertThat(((javafx.scene.control.Label) line.lookup(".field-error")).getText())
                .isEqualTo("Saisissez un montant, par exemple 1\u00a0234,56.");
        assertThat(((TextField) line.lookup(".budget-amount")).getText()).isEqualTo("12,3,4");
        assertThat(core.budgets().snapshots("r1")).isEmpty();
    }
}
