package fr.mediance.app.energy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.AppComposition;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.task.TaskItem;
import fr.mediance.app.resident.ResidentDemo;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.app.theme.Theme;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A counsellor records a household's electricity contract (a wrong PDL said beside the field), a reduced supply in its
 * history, an unpaid bill typed the French way, then reads « Énergie : droits et échéances » and creates a follow-up
 * from one of its dates; the screens are shot at tablet, phone and desktop sizes.
 */
class EnergyScreenTest extends UiTest {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    record Size(String name, double width, double height) {}

    static final List<Size> SIZES =
            List.of(new Size("tablet", 800, 1280), new Size("phone", 390, 844), new Size("desktop", 1366, 768));

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;
    AppComposition app;

    @BeforeEach
    void setUp() {
        office = new DemoOffice();
        ResidentDemo.codes(office);
        office.server.serverWrite(new CodeDto("creditor_category", "energie", "Énergie", null, 1, true));
        office.server.addPartner("edf", "fournisseur_energie", "EDF", "energie");
        office.server.addPartner("engie", "fournisseur_energie", "Engie", "energie");
        office.server.serverWrite(new CodeDto("creditor_category", "loyer", "Loyer / charges", null, 4, true));
        office.server.addPartner("logirem", "bailleur_social", "Logirem", "loyer");
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        if (core != null) {
            core.close();
        }
        office.close();
    }

    void openEnergyOfBenali() throws Exception {
        core = office.signedIn(dir, "conseil1");
        app = show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#nav-RESIDENTS"));
        interact(() -> this.<ToggleButton>node("#nav-RESIDENTS").fire());
        until(() -> exists("#resident-row-r1"));
        clickOn("#resident-row-r1");
        until(() -> exists("#resident-tab-energy"));
        interact(() -> this.<ToggleButton>node("#resident-tab-energy").fire());
        until(() -> exists("#energy-section") && exists("#energy-contract-add"));
    }

    void type(String query, String text) {
        interact(() -> this.<TextField>node(query).setText(text));
    }

    void choose(String query, String code) {
        ComboBox<CodeItem> box = node(query);
        until(() -> box.getItems().stream().anyMatch(i -> i.code().equals(code)));
        interact(() -> box.setValue(box.getItems().stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow()));
    }

    void fire(String query) {
        interact(() -> this.<Button>node(query).fire());
    }

    @Test
    void a_contract_a_reduced_supply_and_an_unpaid_bill_give_the_legal_clock_and_a_follow_up() throws Exception {
        openEnergyOfBenali();
        assertThat(text("#energy-clock .label")).isEqualTo("Aucun impayé en cours : pas d'échéance à suivre.");

        fire("#energy-contract-add");
        until(() -> exists("#contract-form"));
        choose("#contract-supplier", "edf");
        type("#contract-kva", "6");
        type("#contract-delivery-point", "1234");
        fire("#contract-save");
        until(() -> "Le PDL compte 14 chiffres.".equals(text("#contract-delivery-point-error")));
        assertThat(core.energy().contracts("r1")).isEmpty();
        type("#contract-delivery-point", "12345678901234");
        type("#contract-cheque-year", "2026");
        type("#contract-cheque-amount", "194,00 €");
        fire("#contract-save");
        until(() -> core.energy().contracts("r1").size() == 1 && visible("#contract-add-state"));
        choose("#contract-new-state", "limited");
        until(() -> visible("#contract-new-kva"));
        type("#contract-new-kva", "3");
        fire("#contract-add-state");
        until(() -> core.energy().contracts("r1").get(0).supplyStates().size() == 1);
        until(() -> text("#contract-current-state").startsWith("Puissance réduite à 3 kVA depuis le"));
        shoot("energy-contract");
        interact(() -> lookup("#back").queryButton().fire());
        EnergyContractDto c = core.energy().contracts("r1").get(0);
        until(() -> exists("#energy-contract-" + c.id()));

        LocalDate today = LocalDate.now(DemoOffice.PARIS);
        fire("#energy-debt-add");
        until(() -> exists("#debt-form"));
        type("#debt-amount", "1 234,56 €");
        type("#debt-issue", DAY.format(today.minusDays(20)));
        type("#debt-first-reminder", DAY.format(today.minusDays(25)));
        fire("#debt-save");
        until(() -> text("#debt-first-reminder-error").startsWith("La première relance précède"));
        type("#debt-first-reminder", DAY.format(today.minusDays(5)));
        type("#debt-second-letter", DAY.format(today.minusDays(1)));
        shoot("energy-debt");
        fire("#debt-save");
        try {
            until(() -> core.energy().debts("r1").size() == 1);
        } catch (AssertionError e) {
            shoot("energy-debt-failed");
            throw new AssertionError(
                    text("#debt-amount-error") + "|" + text("#debt-issue-error") + "|"
                            + text("#debt-second-letter-error") + "|" + text("#debt-contract-error"),
                    e);
        }
        until(() -> exists("#energy-section"));
        DebtDto d = core.energy().debts("r1").get(0);
        assertThat(d.amountCents()).isEqualTo(123_456L);
        assertThat(d.creditor()).isEqualTo("edf");

        until(() -> exists("#energy-debt-" + d.id()) && followUps().size() >= 1);
        assertThat(lookup("#energy-clock .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .anyMatch(t -> t.startsWith("Réduction ou coupure au plus tôt le "));
        shoot("energy-section");
        Button followUp = followUps().get(0);
        interact(followUp::fire);
        until(() -> !core.tasks().openForResident("r1").isEmpty());
        TaskItem task = core.tasks().openForResident("r1").get(0);
        assertThat(task.title()).startsWith("Électricité · EDF : ");
        assertThat(task.dueDate()).isAfterOrEqualTo(today);
    }

    @Test
    void a_rent_arrear_is_added_from_the_debts_section_without_the_energy_procedure() throws Exception {
        openEnergyOfBenali();
        interact(() -> this.<ToggleButton>node("#resident-tab-debts").fire());
        until(() -> exists("#debts-section"));
        assertThat(text("#debts-summary")).isEqualTo("Aucune dette enregistrée.");
        assertThat(this.<Button>node("#debts-add").isDisabled()).isTrue();
        choose("#debts-new-category", "loyer");
        fire("#debts-add");
        until(() -> exists("#debt-form")
                && this.<ComboBox<CodeItem>>node("#debt-creditor").getItems().size() == 1);
        assertThat(visible("#debt-contract")).isFalse();
        assertThat(visible("#debt-second-letter")).isFalse();
        assertThat(visible("#debt-new-stage")).isFalse();
        choose("#debt-creditor", "logirem");
        type("#debt-customer", "LOC-4521");
        type("#debt-invoices", "Avis d'échéance 09/2026, 10/2026");
        type("#debt-amount", "1 240,00 €");
        type("#debt-fees", "trente-cinq");
        type("#debt-issue", "01/09/2026");
        fire("#debt-save");
        until(() -> !text("#debt-fees-error").isEmpty());
        assertThat(this.<TextField>node("#debt-fees").getText()).isEqualTo("trente-cinq");
        type("#debt-fees", "35,00");
        shoot("debt-rent");
        fire("#debt-save");
        until(() -> core.energy().debts("r1").size() == 1 && exists("#debts-section"));
        DebtDto d = core.energy().debts("r1").get(0);
        assertThat(d.creditorCategory()).isEqualTo("loyer");
        assertThat(d.contractId()).isNull();
        assertThat(d.feesCents()).isEqualTo(3_500L);
        until(() -> exists("#debts-item-" + d.id()));
        assertThat(text("#debts-summary")).isEqualTo("1\u00a0275,00\u00a0€ dus en tout (1 dette)");
        shoot("debts-section");
    }

    /** The « Créer une relance » buttons of the dates still to come. */
    List<Button> followUps() {
        return lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> b.getId() != null && b.getId().startsWith("energy-followup-"))
                .toList();
    }

    /** Shoots the current screen at every size into target/screenshots (the top of the page). */
    void shoot(String screen) throws IOException {
        Path out = Path.of(System.getProperty("mediance.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        for (Size size : SIZES) {
            Scene[] scene = new Scene[1];
            interact(() -> {
                stage.getScene().setRoot(new Pane());
                if (app.shell().getScene() != null) {
                    app.shell().getScene().setRoot(new Pane());
                }
                scene[0] = new Scene(app.shell(), size.width(), size.height());
                Theme.style(scene[0]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> scene[0].snapshot(null));
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> lookup(".scroll-pane").queryAllAs(ScrollPane.class).forEach(p -> p.setVvalue(0)));
            WritableImage[] image = new WritableImage[1];
            interact(() -> image[0] = scene[0].snapshot(null));
            File file = out.resolve(screen + "-" + size.name() + ".png").toFile();
            ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file);
            assertThat(file).exists();
        }
        interact(() -> {
            app.shell().getScene().setRoot(new Pane());
            stage.getScene().setRoot(app.shell());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
