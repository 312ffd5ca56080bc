package fr.mediance.app.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A counsellor types a report, photographs a bill, terminates the visit and sees it frozen. */
class VisitScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;
    int captures;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        core = office.signedIn(dir, "conseil1");
        byte[] jpeg = DemoOffice.jpeg();
        show(
                () -> office.compose(core, () -> {
                    captures++;
                    return CompletableFuture.supplyAsync(
                            () -> Optional.of(new CapturedImage(jpeg, "image/jpeg", "facture.jpg")));
                }),
                800,
                1280);
        until(() -> exists("#appointment-a1"));
        clickOn("#appointment-a1");
        until(() -> exists("#visit-synthesis") && "Fatima Benali".equals(text("#visit-resident")));
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

    @Test
    void type_attach_a_photo_terminate_and_see_it_frozen() {
        // the medium of a home visit is preset; choose a domain and type the synthesis
        ComboBox<?> medium = node("#visit-medium");
        assertThat(medium.getValue()).isNotNull();
        clickOn("#domain-energie");
        clickOn("#visit-synthesis").write("Facture EDF de 412 euros en retard. Echeancier demande.");
        until(() -> "Facture EDF de 412 euros en retard. Echeancier demande.".equals(saved().synthesis()));
        assertThat(saved().domains()).containsExactly("energie");
        assertThat(text("#visit-save-status")).startsWith("Enregistré sur l'appareil à");

        // a photo needs a type
        Button add = node("#visit-photo-add");
        interact(add::fire);
        until(() -> visible("#visit-photo-type-error"));
        assertThat(captures).isZero();
        ComboBox<Object> type = node("#visit-photo-type");
        interact(() -> type.setValue(type.getItems().get(0)));
        interact(add::fire);
        until(() -> lookup("#visit-photos .thumbnail-box").tryQuery().isPresent());
        until(() -> lookup("#visit-photos .image-view")
                        .queryAs(javafx.scene.image.ImageView.class)
                        .getImage()
                != null);
        assertThat(core.documents().photos(saved().id())).hasSize(1);
        assertThat(((FlowPane) node("#visit-photos")).getChildren()).hasSize(1);

        // the photo is described (issuer, amount typed in French) and the visit comes back
        String photoId = core.documents().photos(saved().id()).get(0).id();
        Button describe = node("#photo-describe-" + photoId);
        interact(describe::fire);
        until(() -> visible("#document-save"));
        clickOn("#document-issuer").write("EDF");
        clickOn("#document-amount").write("412,50");
        Button save = node("#document-save");
        interact(save::fire);
        until(() -> visible("#visit-photo-add"));
        assertThat(core.documents().find(photoId).orElseThrow().issuer()).isEqualTo("EDF");
        assertThat(core.documents().find(photoId).orElseThrow().amountCents()).isEqualTo(41_250L);

        // terminate (attested without signature): frozen, read-only
        javafx.scene.control.CheckBox attested = node("#visit-attested");
        interact(attested::fire);
        Button complete = node("#visit-complete");
        interact(complete::fire);
        until(() -> visible("#visit-frozen"));
        assertThat(text("#visit-frozen")).startsWith("Visite terminée le");
        assertThat(((TextArea) node("#visit-synthesis")).isEditable()).isFalse();
        assertThat(((ToggleButton) node("#domain-energie")).isDisabled()).isTrue();
        assertThat(visible("#visit-complete")).isFalse();
        assertThat(visible("#visit-photo-add")).isFalse();
        assertThat(saved().completed()).isTrue();
        assertThat(core.agenda().find("a1").orElseThrow().status()).isEqualTo("done");
        assertThat(text("#sync-indicator")).endsWith("en attente");
    }

    @Test
    void terminating_without_a_synthesis_shows_the_message_beside_the_field() {
        Button complete = node("#visit-complete");
        interact(complete::fire);
        until(() -> visible("#visit-form-error"));
        assertThat(text("#visit-domains-error")).isNotBlank();
        assertThat(visible("#visit-synthesis-error")).isTrue();
        assertThat(visible("#visit-frozen")).isFalse();
        assertThat(saved().completed()).isFalse();
    }
}
