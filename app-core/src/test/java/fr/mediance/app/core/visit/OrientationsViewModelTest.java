package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The orientations of a visit towards partners. */
class OrientationsViewModelTest extends VisitTestBed.ReportTest {

    OrientationsViewModel orientations;
    OrientationEditor editor;

    @BeforeEach
    void openPart() {
        orientations = vm.orientations();
        editor = orientations.editor();
    }

    @Test
    void an_orientation_needs_a_target_and_the_typed_text_stays_meanwhile() {
        bed.fillValid();
        orientations.newOrientation();
        editor.reasonProperty().set("Aide alimentaire");
        assertThat(orientations.saveOrientation().join()).isFalse();
        assertThat(editor.errorProperty("target").get()).isEqualTo("Choisissez vers qui la personne est orientée.");
        assertThat(editor.reasonProperty().get()).isEqualTo("Aide alimentaire");
        editor.targetProperty().set("ccas");
        editor.consentProperty().set(true);
        assertThat(orientations.saveOrientation().join()).isTrue();
        assertThat(bed.saved().orientations()).singleElement().satisfies(o -> {
            assertThat(o.target()).isEqualTo("ccas");
            assertThat(o.consentToTransmit()).isTrue();
        });
    }

    @Test
    void an_impossible_date_is_reported_beside_its_field() {
        orientations.newOrientation();
        editor.targetProperty().set("ccas");
        editor.dateProperty().set("31/02/2026");
        assertThat(orientations.saveOrientation().join()).isFalse();
        assertThat(editor.errorProperty("date").get()).startsWith("Date invalide");
        assertThat(orientations.items()).isEmpty();
    }
}
