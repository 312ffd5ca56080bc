package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.signature.Signature;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resident's signature, or the attestation without one. */
class SignatureViewModelTest extends VisitTestBed.ReportTest {

    SignatureViewModel signature;

    @BeforeEach
    void openPart() {
        signature = vm.signature();
    }

    @Test
    void terminating_requires_the_resident_signature_or_the_attestation() {
        bed.fillValid();
        assertThat(vm.complete().join()).isFalse();
        assertThat(signature.errorProperty().get())
                .isEqualTo("Faites signer la personne, ou cochez « Visite attestée sans signature ».");
        assertThat(bed.saved().completed()).isFalse();

        assertThat(signature.sign(new Signature(300, 120, List.of())).join()).isFalse(); // nothing drawn
        assertThat(signature.sign(new Signature(
                        300, 120, List.of(List.of(new Signature.Point(1, 1), new Signature.Point(40, 30))))))
                .isCompletedWithValue(true);
        assertThat(signature.errorProperty().get()).isEmpty();
        assertThat(vm.complete().join()).isTrue();
        assertThat(bed.saved().residentSignatureDocumentId()).isEqualTo("sig-1");
        assertThat(bed.saved().completed()).isTrue();
    }

    @Test
    void the_attestation_clears_the_message_and_signing_again_forgets_the_drawing() {
        bed.fillValid();
        vm.complete().join();
        signature.attestedProperty().set(true);
        assertThat(signature.errorProperty().get()).isEmpty();

        signature
                .sign(new Signature(300, 120, List.of(List.of(new Signature.Point(1, 1), new Signature.Point(9, 9)))))
                .join();
        assertThat(bed.saved().residentSignatureDocumentId()).isEqualTo("sig-1");
        signature.clear();
        assertThat(signature.documentIdProperty().get()).isNull();
        assertThat(bed.saved().residentSignatureDocumentId()).isNull();
    }
}
