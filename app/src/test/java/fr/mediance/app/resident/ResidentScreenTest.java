package fr.mediance.app.resident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.signature.SignaturePad;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.MandateDto;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counsellor finds a person, corrects the phone in the file, signs a mandate on the pad and sees it active; only
 * the coordination is offered "Nouvelle personne".
 */
class ResidentScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() {
        office = new DemoOffice();
        ResidentDemo.codes(office);
    }

    /** Signs in as {@code username} and opens "Personnes" with its list of people. */
    void openResidentsAs(String username) throws Exception {
        core = office.signedIn(dir, username);
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#nav-RESIDENTS"));
        interact(() -> this.<ToggleButton>node("#nav-RESIDENTS").fire());
        until(() -> exists("#resident-search") && exists("#resident-row-r4"));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        if (core != null) {
            core.close();
        }
        office.close();
    }

    /** Scrolls the page so that {@code n} is in view. */
    void reveal(Node n) {
        interact(() -> {
            Node p = n.getParent();
            while (p != null && !(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof ScrollPane sp) {
                Node content = sp.getContent();
                Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double room = content.getBoundsInLocal().getHeight()
                        - sp.getViewportBounds().getHeight();
                if (room > 0) {
                    sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 80) / room)));
                }
            }
        });
    }

    void sign(String padId) {
        SignaturePad pad = node(padId);
        reveal(pad);
        drag(pad.canvas(), MouseButton.PRIMARY)
                .moveBy(60, 25)
                .moveBy(60, -40)
                .moveBy(50, 30)
                .drop();
        until(() -> pad.signatureProperty().get() != null);
    }

    @Test
    void search_open_the_file_edit_the_phone_sign_a_mandate_and_see_it_active() throws Exception {
        openResidentsAs("conseil1");
        clickOn("#resident-search").write("bénali 06 12");
        until(() -> exists("#resident-row-r1") && !exists("#resident-row-r2"));
        clickOn("#resident-row-r1");
        until(() -> exists("#resident-file-name") && "Fatima Benali".equals(text("#resident-file-name")));

        TextField phone = node("#resident-phone");
        assertThat(phone.getText()).isEqualTo("06 12 34 56 78");
        interact(() -> phone.setText(""));
        clickOn(phone).write("07 11 22 33 44");
        until(() -> "07 11 22 33 44"
                .equals(core.residentFiles().file("r1").orElseThrow().resident().phone()));
        assertThat(text("#resident-save-status")).startsWith("Enregistré sur l'appareil à");

        interact(() -> this.<ToggleButton>node("#resident-tab-consents").fire());
        until(() -> exists("#resident-mandate-open"));
        interact(() -> this.<Button>node("#resident-mandate-open").fire());
        until(() -> exists("#mandate-demarche-energie"));
        clickOn("#mandate-demarche-energie");
        ComboBox<fr.mediance.app.core.reference.CodeItem> duration = node("#mandate-duration");
        until(() -> duration.getItems().size() == 4);
        interact(() -> duration.setValue(duration.getItems().get(1)));
        until(() -> text("#mandate-endDate").startsWith("Jusqu'au "));
        reveal(node("#mandate-place"));
        clickOn("#mandate-place").write("Marseille");
        reveal(node("#mandate-declaration"));
        clickOn("#mandate-declaration");
        sign("#mandate-resident-pad");
        sign("#mandate-agent-pad");
        interact(() -> this.<Button>node("#mandate-sign").fire());

        until(() ->
                core.mandates().mandates("r1").size() == 1 && exists("#resident-mandates") && !exists("#mandate-sign"));
        MandateDto m = core.mandates().mandates("r1").get(0);
        assertThat(m.demarches()).containsExactly("energie");
        assertThat(m.place()).isEqualTo("Marseille");
        until(() -> exists("#resident-mandate-" + m.id() + "-state"));
        assertThat(text("#resident-mandate-" + m.id() + "-state")).isEqualTo("Actif");
        assertThat(core.documents().readBytes(m.residentSignatureDocumentId())).isPresent();
        assertThat(core.mandates().activeCovering("r1", "energie", m.startDate()))
                .hasSize(1);
    }

    @Test
    void a_counsellor_is_offered_a_new_person() throws Exception {
        openResidentsAs("conseil1");
        assertThat(visible("#resident-new")).isTrue();
        clickOn("#resident-search").write("Zorro");
        until(() -> exists("#resident-search-empty"));
        assertThat(visible("#resident-search")).isTrue();
    }

    @Test
    void a_missing_last_name_is_shown_beside_the_field_and_a_new_person_opens_their_file() throws Exception {
        openResidentsAs("coord");
        assertThat(visible("#resident-new")).isTrue();
        clickOn("#resident-search").write("Zorro");
        until(() -> exists("#resident-search-empty"));
        clickOn("#resident-new");
        until(() -> visible("#resident-new-card"));
        assertThat(this.<TextField>node("#resident-new-lastName").getText()).isEqualTo("Zorro");
        interact(() -> this.<TextField>node("#resident-new-lastName").setText(""));
        clickOn("#resident-new-firstName").write("Diego");
        interact(() -> this.<Button>node("#resident-new-create").fire());
        until(() -> visible("#resident-new-lastName-error"));
        assertThat(text("#resident-new-lastName-error")).isEqualTo("Ce champ est obligatoire.");
        assertThat(this.<TextField>node("#resident-new-firstName").getText()).isEqualTo("Diego");
        clickOn("#resident-new-lastName").write("de la Vega");
        interact(() -> this.<Button>node("#resident-new-create").fire());
        until(() -> exists("#resident-file-name") && "Diego de la Vega".equals(text("#resident-file-name")));
    }
}
