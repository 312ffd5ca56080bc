package fr.mediance.app.visit;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.visit.OrientationEditor;
import fr.mediance.app.core.visit.OrientationsViewModel;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.ListNames;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** The orientations card: the orientations of the report, and the form of one orientation. */
final class OrientationsView {
    private final OrientationsViewModel vm;
    private final VisitFields fields;

    OrientationsView(OrientationsViewModel vm, VisitFields fields) {
        this.vm = vm;
        this.fields = fields;
    }

    VBox build() {
        VBox list = fields.itemList(
                "visit-orientations",
                8,
                vm.items(),
                "visit.orientations.empty",
                (i, o) -> fields.item(
                        "orientation-" + o.id(),
                        vm.orientationTitle(o),
                        vm.orientationDetails(o),
                        () -> vm.editOrientation(o.id()),
                        () -> vm.removeOrientation(o.id())));

        OrientationEditor ed = vm.editor();
        ComboBox<CodeItem> target =
                fields.combo("orientation-target", vm.options(ListNames.ORIENTATION_TARGET), ed.targetProperty());
        TextArea reason = fields.area("orientation-reason", ed.reasonProperty(), 2);
        TextField date = fields.date("orientation-date", ed.dateProperty());
        ComboBox<CodeItem> mode =
                fields.combo("orientation-mode", vm.options(ListNames.ORIENTATION_MODE), ed.modeProperty());
        CheckBox consent = new CheckBox(fields.text("visit.orientation.consent"));
        consent.setId("orientation-consent");
        consent.setWrapText(true);
        consent.selectedProperty().bindBidirectional(ed.consentProperty());
        ComboBox<CodeItem> feedback =
                fields.combo("orientation-feedback", vm.options(ListNames.ORIENTATION_FEEDBACK), ed.feedbackProperty());
        Button save = Ui.button(fields.text("visit.orientation.save"), Material2AL.CHECK, Styles.PRIMARY);
        save.setId("orientation-save");
        save.setOnAction(e -> vm.saveOrientation());
        Button cancel = Ui.button(fields.text("visit.cancel"), null, Styles.SECONDARY);
        cancel.setOnAction(e -> vm.cancelOrientation());
        VBox editor = new VBox(
                10,
                Ui.row(
                        Ui.field(fields.text("visit.orientation.target"), target, ed.errorProperty("target")),
                        Ui.field(fields.text("visit.orientation.date"), date, ed.errorProperty("date"))),
                Ui.field(fields.text("visit.orientation.reason"), reason, ed.errorProperty("reason")),
                Ui.row(
                        Ui.field(fields.text("visit.orientation.mode"), mode, ed.errorProperty("mode")),
                        Ui.field(fields.text("visit.orientation.feedback"), feedback, ed.errorProperty("feedback"))),
                consent,
                VisitFields.buttons(save, cancel));
        editor.getStyleClass().add(Styles.LIST_ITEM);
        editor.setId("orientation-editor");
        Ui.showWhen(editor, ed.openProperty());
        Button add = Ui.button(fields.text("visit.orientation.add"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("visit-orientation-add");
        add.setOnAction(e -> vm.newOrientation());
        Ui.showWhen(add, vm.frozenProperty().not().and(ed.openProperty().not()));
        return Ui.card(
                Ui.label(fields.text("visit.section.orientations"), Styles.SECTION_TITLE),
                list,
                fields.listError(vm.errorProperty()),
                editor,
                add);
    }
}
