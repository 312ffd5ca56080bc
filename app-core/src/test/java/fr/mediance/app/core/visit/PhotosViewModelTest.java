package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.sync.Delivery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The photographed documents of a visit and where each stands on its way to the office. */
class PhotosViewModelTest extends VisitTestBed.ReportTest {

    PhotosViewModel photos;

    @Override
    VisitTestBed open(Path dir) {
        return VisitTestBed.simple(dir);
    }

    @BeforeEach
    void openPart() {
        photos = vm.photos();
    }

    @Test
    void a_photo_needs_a_document_type() {
        assertThat(photos.addPhoto().join()).isFalse();
        assertThat(photos.errorProperty().get()).isEqualTo("Indiquez le type de ce document.");
        assertThat(photos.rows()).isEmpty();
    }

    @Test
    void a_photo_is_attached_with_its_type_then_removed() {
        photos.newPhotoTypeProperty().set("facture");

        assertThat(photos.addPhoto().join()).isTrue();

        assertThat(photos.rows()).hasSize(1);
        PhotosViewModel.PhotoRow row = photos.rows().get(0);
        assertThat(row.typeLabel()).isEqualTo("Facture");
        assertThat(photos.photoBytes(row.documentId()).join())
                .hasValueSatisfying(b -> assertThat(b).startsWith(0xFF, 0xD8));
        assertThat(bed.core.documents().photos(vm.reportId())).hasSize(1);

        assertThat(photos.removePhoto(row.documentId()).join()).isTrue();
        assertThat(photos.rows()).isEmpty();
        assertThat(bed.core.documents().photos(vm.reportId())).isEmpty();
    }

    @Test
    void each_photo_says_where_it_stands_on_its_way_to_the_office() {
        photos.newPhotoTypeProperty().set("facture");
        assertThat(photos.addPhoto().join()).isTrue();
        assertThat(photos.rows().get(0).stateText()).isEqualTo("Sur l'appareil");
        assertThat(photos.rows().get(0).showsProgress()).isFalse();

        bed.fillValidAttested();
        assertThat(vm.complete().join()).isTrue();
        assertThat(photos.rows().get(0).stateText()).isEqualTo("En attente");
        assertThat(photos.rows().get(0).delivery()).isEqualTo(Delivery.QUEUED);
        assertThat(vm.deliveryTextProperty().get())
                .isEqualTo("En attente d'envoi : le compte rendu partira à la prochaine synchronisation.");

        List<String> seen = new ArrayList<>();
        photos.rows().addListener((javafx.collections.ListChangeListener<PhotosViewModel.PhotoRow>)
                c -> photos.rows().forEach(r -> seen.add(r.stateText())));
        assertThat(bed.core.sync().syncNow().join().ok()).isTrue();

        assertThat(photos.rows().get(0).stateText()).isEqualTo("Reçue par le bureau");
        assertThat(photos.rows().get(0).percent()).isEqualTo(100);
        assertThat(seen).last().isEqualTo("Reçue par le bureau");
        assertThat(vm.deliveryTextProperty().get()).isEqualTo("Compte rendu et photos reçus par le bureau.");
        assertThat(seen).allMatch(t -> t.equals("Reçue par le bureau") || t.matches("Envoi \\d+ %|En attente"));
    }

    @Test
    void a_closed_report_stops_following_its_photos() {
        photos.newPhotoTypeProperty().set("facture");
        photos.addPhoto().join();
        bed.fillValidAttested();
        vm.complete().join();
        vm.dispose();

        bed.core.sync().syncNow().join();

        assertThat(photos.rows().get(0).stateText()).isEqualTo("En attente");
        vm.watchTransfers(true); // shown again: read afresh
        assertThat(photos.rows().get(0).stateText()).isEqualTo("Reçue par le bureau");
    }

    @Test
    void a_cancelled_capture_adds_nothing() {
        bed.nextCapture = Optional.empty();
        photos.newPhotoTypeProperty().set("facture");
        assertThat(photos.addPhoto().join()).isFalse();
        assertThat(photos.rows()).isEmpty();
        assertThat(photos.capturingProperty().get()).isFalse();
    }
}
