package fr.mediance.app.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.AppComposition;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.task.TaskItem;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.ActionDto;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole home visit on a tablet: from the agenda to "Terminer la visite", with the energy block, an action on
 * behalf covered by the resident's mandate, an orientation and the attestation; then the follow-ups in
 * "Mes suivis".
 */
class WholeVisitTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;
    AppComposition app;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        FullReportDemo.seed(office.server, LocalDate.now(DemoOffice.PARIS));
        core = office.signedIn(dir, "conseil1");
        app = show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#appointment-a1"));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    VisitReport saved() {
        return core.visits().openForAppointment("a1").orElseThrow();
    }

    @SuppressWarnings("unchecked")
    void choose(String comboId, String code) {
        ComboBox<CodeItem> combo = node(comboId);
        until(() -> combo.getItems().stream().anyMatch(c -> c.code().equals(code)));
        interact(() -> combo.setValue(combo.getItems().stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow()));
    }

    void type(String fieldId, String text) {
        TextField field = node(fieldId);
        interact(() -> field.setText(text));
    }

    void fire(String id) {
        Button b = node(id);
        interact(b::fire);
    }

    void check(String id) {
        CheckBox c = node(id);
        interact(c::fire);
    }

    @Test
    void a_whole_visit_from_the_agenda_to_terminer_la_visite_and_its_follow_ups() {
        clickOn("#appointment-a1");
        until(() -> exists("#visit-synthesis") && "Fatima Benali".equals(text("#visit-resident")));
        assertThat(((ComboBox<?>) node("#visit-medium")).getValue()).isNotNull(); // a home visit
        assertThat(visible("#visit-energy")).isTrue();

        // the contact
        clickOn("#person-resident");
        clickOn("#domain-energie");
        until(() -> exists("#motif-impaye_elec"));
        clickOn("#motif-impaye_elec");
        clickOn("#visit-synthesis").write("Facture EDF de 412,50 euros impayee. Demande FSL preparee.");
        type("#visit-duration", "50");

        // the energy block: the power is asked only once the supply is limited
        check("#energy-meters");
        interact(() -> ((ToggleButton) node("#energy-linky-yes")).fire());
        assertThat(visible("#energy-kva")).isFalse();
        choose("#energy-supply", "limited");
        until(() -> visible("#energy-kva"));
        type("#energy-kva", "3");
        interact(() -> ((ToggleButton) node("#eco-thermostat")).fire());

        // an action on behalf: the resident's mandate covering energy is offered and chosen
        fire("#visit-action-add");
        until(() -> visible("#action-editor"));
        choose("#action-type", "demande_aide");
        choose("#action-domain", "energie");
        type("#action-target", "Conseil départemental (FSL)");
        type("#action-amount-requested", "41 2,50 €x");
        check("#action-onbehalf");
        until(() -> ((ComboBox<?>) node("#action-mandate")).getValue() != null);
        fire("#action-save");
        until(() -> visible("#action-amount-requested-error"));
        assertThat(text("#action-amount-requested-error")).startsWith("Montant invalide");
        assertThat(((TextField) node("#action-amount-requested")).getText()).isEqualTo("41 2,50 €x");
        type("#action-amount-requested", "412,50");
        fire("#action-save");
        until(() -> !visible("#action-editor"));
        until(() -> saved().actions().size() == 1);
        ActionDto action = saved().actions().get(0);
        assertThat(action.onBehalf()).isTrue();
        assertThat(action.mandateId()).isEqualTo("m-r1");
        assertThat(action.amountRequestedCents()).isEqualTo(41_250L);
        assertThat(((VBox) node("#visit-actions")).getChildren()).hasSize(1);

        // an orientation, with the resident's consent to transmit
        fire("#visit-orientation-add");
        until(() -> visible("#orientation-editor"));
        choose("#orientation-target", "ccas");
        choose("#orientation-mode", "warm");
        check("#orientation-consent");
        fire("#orientation-save");
        until(() -> saved().orientations().size() == 1);

        // a follow-up typed by hand
        type("#task-title", "Rappeler EDF Solidarité");
        type(
                "#task-due",
                LocalDate.now(DemoOffice.PARIS)
                        .plusDays(3)
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        fire("#task-add");
        until(() -> saved().plannedTasks().size() == 1);

        // terminating asks for the signature (drawn on the pad) or the attestation
        assertThat(exists("#visit-signature-pad")).isTrue();
        assertThat(((Button) node("#visit-signature-keep")).isDisabled()).isTrue(); // nothing drawn yet
        fire("#visit-complete");
        until(() -> visible("#visit-signature-error"));
        assertThat(saved().completed()).isFalse();
        check("#visit-attested");
        until(() -> saved().visitAttested());
        fire("#visit-complete");
        until(() -> visible("#visit-frozen"));

        VisitReport done = saved();
        assertThat(done.completed()).isTrue();
        assertThat(done.personsPresent()).containsExactly("resident");
        assertThat(done.motifs()).containsExactly("impaye_elec");
        assertThat(done.durationMinutes()).isEqualTo(50);
        assertThat(done.energy().limitedKva()).isEqualTo(3L);
        assertThat(done.energy().linky()).isTrue();
        assertThat(visible("#visit-action-add")).isFalse();
        assertThat(visible("#visit-correct")).isTrue();
        assertThat(((TextField) node("#visit-duration")).isEditable()).isFalse();

        // the follow-ups appear in "Mes suivis"
        LocalDate today = LocalDate.now(DemoOffice.PARIS);
        assertThat(core.tasks().mine())
                .extracting(TaskItem::title)
                .containsExactlyInAnyOrder(
                        "Rappeler EDF Solidarité", "Demander un retour sur l'orientation", "Vérifier la décision FSL");
        assertThat(core.tasks().mine())
                .filteredOn(t -> t.title().equals("Vérifier la décision FSL"))
                .singleElement()
                .extracting(TaskItem::dueDate)
                .isEqualTo(today.plusDays(60));
        interact(() -> app.shell().open("TASKS"));
        until(() -> exists("#tasks-groups")
                && lookup("#tasks-groups .list-item").queryAll().size() == 3);
        assertThat(lookup("#tasks-groups .label").queryAllAs(javafx.scene.control.Label.class).stream()
                        .map(javafx.scene.control.Label::getText))
                .contains(
                        "Vérifier la décision FSL", "Rappeler EDF Solidarité", "Demander un retour sur l'orientation");
    }
}
