package fr.mediance.app.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZoomTest {
    final Zoom zoom = new Zoom();

    @Test
    void a_large_photo_fits_the_screen_then_zooms_in_and_out_within_bounds() {
        zoom.setViewport(800, 1000);
        zoom.setImageSize(1600, 1200);
        assertThat(zoom.scaleProperty().get()).isCloseTo(0.5, within(1e-9));
        assertThat(zoom.fittedProperty().get()).isTrue();
        assertThat(zoom.percentTextProperty().get()).isEqualTo("50 %");
        assertThat(zoom.canZoomOutProperty().get()).isFalse();

        zoom.zoomIn();
        assertThat(zoom.scaleProperty().get()).isCloseTo(0.625, within(1e-9));
        assertThat(zoom.fittedProperty().get()).isFalse();
        zoom.zoomOut();
        zoom.zoomOut();
        assertThat(zoom.scaleProperty().get()).isCloseTo(0.5, within(1e-9)); // never smaller than the whole page
        for (int i = 0; i < 30; i++) {
            zoom.zoomBy(1.5);
        }
        assertThat(zoom.scaleProperty().get()).isEqualTo(Zoom.MAX);
        assertThat(zoom.canZoomInProperty().get()).isFalse();
    }

    @Test
    void a_double_tap_toggles_between_fit_and_actual_size() {
        zoom.setViewport(800, 1000);
        zoom.setImageSize(1600, 1200);
        zoom.toggle();
        assertThat(zoom.scaleProperty().get()).isEqualTo(1.0);
        assertThat(zoom.percentTextProperty().get()).isEqualTo("100 %");
        zoom.toggle();
        assertThat(zoom.fittedProperty().get()).isTrue();
    }

    @Test
    void the_fit_follows_the_viewport_until_the_user_zooms() {
        zoom.setImageSize(1600, 1200);
        zoom.setViewport(400, 1000);
        assertThat(zoom.scaleProperty().get()).isCloseTo(0.25, within(1e-9));
        zoom.zoomBy(2);
        zoom.setViewport(800, 1000);
        assertThat(zoom.scaleProperty().get()).isCloseTo(0.5, within(1e-9)); // kept as the user set it
        zoom.fit();
        assertThat(zoom.scaleProperty().get()).isCloseTo(0.5, within(1e-9));
    }
}
