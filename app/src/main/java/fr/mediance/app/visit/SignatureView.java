package fr.mediance.app.visit;

import fr.mediance.app.core.visit.SignatureViewModel;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.signature.SignaturePad;
import fr.mediance.app.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** The signature card: the resident signs on the pad (where the device has one), or the visit is attested. */
final class SignatureView {
    private final SignatureViewModel vm;
    private final VisitFields fields;

    SignatureView(SignatureViewModel vm, VisitFields fields) {
        this.vm = vm;
        this.fields = fields;
    }

    VBox build() {
        CheckBox attested = new CheckBox(fields.text("visit.attested"));
        attested.setId("visit-attested");
        attested.setWrapText(true);
        attested.selectedProperty().bindBidirectional(vm.attestedProperty());
        attested.disableProperty().bind(vm.frozenProperty());
        Label done = Ui.label(fields.text("visit.signature.done"), Styles.STATUS, Styles.STATUS_DONE);
        done.setId("visit-signed");
        Ui.showWhen(done, vm.documentIdProperty().isNotNull());
        Label error = fields.listError(vm.errorProperty());
        error.setId("visit-signature-error");
        VBox card = Ui.card(Ui.label(fields.text("visit.section.signature"), Styles.SECTION_TITLE), done);
        if (vm.available()) {
            SignaturePad pad =
                    new SignaturePad(fields.text("visit.signature.hint"), fields.text("visit.signature.clear"));
            pad.setId("visit-signature-pad");
            Button keep = Ui.button(fields.text("visit.signature.keep"), Material2AL.CHECK, Styles.PRIMARY);
            keep.setId("visit-signature-keep");
            keep.disableProperty().bind(pad.emptyProperty());
            keep.setOnAction(e -> vm.sign(pad.signature()).thenAccept(ok -> {
                if (ok) {
                    pad.clear();
                }
            }));
            VBox drawing = new VBox(10, pad, keep);
            Ui.showWhen(
                    drawing,
                    vm.frozenProperty().not().and(vm.documentIdProperty().isNull()));
            Button redo = Ui.button(fields.text("visit.signature.redo"), Material2AL.EDIT, Styles.SECONDARY);
            redo.setId("visit-signature-redo");
            redo.setOnAction(e -> vm.clear());
            Ui.showWhen(
                    redo, vm.frozenProperty().not().and(vm.documentIdProperty().isNotNull()));
            card.getChildren().addAll(drawing, redo);
        }
        card.getChildren().addAll(attested, error);
        card.setId("visit-signature");
        return card;
    }
}
