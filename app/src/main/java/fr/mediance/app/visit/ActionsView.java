package fr.mediance.app.visit;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.visit.ActionEditor;
import fr.mediance.app.core.visit.ActionsViewModel;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.ListNames;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** The actions card: the actions of the report, and the form of one action (with "pour le compte de"). */
final class ActionsView {
    private final ActionsViewModel vm;
    private final VisitFields fields;

    ActionsView(ActionsViewModel vm, VisitFields fields) {
        this.vm = vm;
        this.fields = fields;
    }

    VBox build() {
        VBox list = fields.itemList(
                "visit-actions",
                8,
                vm.items(),
                "visit.actions.empty",
                (i, a) -> fields.item(
                        "action-" + a.id(),
                        vm.actionTitle(a),
                        vm.actionDetails(a),
                        () -> vm.editAction(a.id()),
                        () -> vm.removeAction(a.id())));

        ActionEditor ed = vm.editor();
        ComboBox<CodeItem> type = fields.combo("action-type", vm.options(ListNames.ACTION_TYPE), ed.typeProperty());
        ComboBox<CodeItem> domain = fields.combo("action-domain", vm.domainOptions(), ed.domainProperty());
        TextField target = fields.text("action-target", ed.targetProperty());
        TextField date = fields.date("action-date", ed.dateProperty());
        ComboBox<CodeItem> result =
                fields.combo("action-result", vm.options(ListNames.ACTION_RESULT), ed.resultProperty());
        TextField requested = fields.text("action-amount-requested", ed.amountRequestedProperty());
        requested.setPromptText(fields.text("visit.action.amount.prompt"));
        TextField obtained = fields.text("action-amount-obtained", ed.amountObtainedProperty());
        obtained.setPromptText(fields.text("visit.action.amount.prompt"));
        TextField reference = fields.text("action-reference", ed.referenceProperty());
        CheckBox onBehalf = new CheckBox(fields.text("visit.action.onbehalf.check"));
        onBehalf.setId("action-onbehalf");
        onBehalf.selectedProperty().bindBidirectional(ed.onBehalfProperty());
        ComboBox<ActionEditor.MandateChoice> mandate = new ComboBox<>(ed.mandateOptions());
        mandate.setId("action-mandate");
        mandate.setPromptText(fields.text("visit.choose"));
        mandate.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ActionEditor.MandateChoice m) {
                return m == null ? "" : m.label();
            }

            @Override
            public ActionEditor.MandateChoice fromString(String s) {
                return null;
            }
        });
        Runnable mandateFromModel = () -> mandate.setValue(ed.mandateOptions().stream()
                .filter(m -> m.id().equals(ed.mandateIdProperty().get()))
                .findFirst()
                .orElse(null));
        ed.mandateIdProperty().addListener((o, a, b) -> mandateFromModel.run());
        ed.mandateOptions().addListener((ListChangeListener<ActionEditor.MandateChoice>) c -> mandateFromModel.run());
        mandate.valueProperty().addListener((o, a, m) -> {
            if (m != null && !m.id().equals(ed.mandateIdProperty().get())) {
                ed.mandateIdProperty().set(m.id());
            }
        });
        VBox mandateField = Ui.field(fields.text("visit.action.mandate"), mandate, ed.errorProperty("mandate"));
        VBox onBehalfBox = new VBox(6, onBehalf, mandateField);
        Ui.showWhen(mandateField, ed.onBehalfProperty());
        TextArea note = fields.area("action-note", ed.noteProperty(), 2);

        Button save = Ui.button(fields.text("visit.action.save"), Material2AL.CHECK, Styles.PRIMARY);
        save.setId("action-save");
        save.setOnAction(e -> vm.saveAction());
        Button cancel = Ui.button(fields.text("visit.cancel"), null, Styles.SECONDARY);
        cancel.setId("action-cancel");
        cancel.setOnAction(e -> vm.cancelAction());
        VBox editor = new VBox(
                10,
                Ui.row(
                        Ui.field(fields.text("visit.action.type"), type, ed.errorProperty("type")),
                        Ui.field(fields.text("visit.action.domain"), domain, ed.errorProperty("domain"))),
                Ui.row(
                        Ui.field(fields.text("visit.action.target"), target, ed.errorProperty("target")),
                        Ui.field(fields.text("visit.action.date"), date, ed.errorProperty("date"))),
                Ui.row(
                        Ui.field(
                                fields.text("visit.action.amount.requested"),
                                requested,
                                ed.errorProperty("amountRequested")),
                        Ui.field(
                                fields.text("visit.action.amount.obtained"),
                                obtained,
                                ed.errorProperty("amountObtained")),
                        Ui.field(fields.text("visit.action.result"), result, ed.errorProperty("result"))),
                Ui.field(fields.text("visit.action.reference"), reference, ed.errorProperty("reference")),
                onBehalfBox,
                Ui.field(fields.text("visit.action.note"), note, ed.errorProperty("note")),
                VisitFields.buttons(save, cancel));
        editor.getStyleClass().add(Styles.LIST_ITEM);
        editor.setId("action-editor");
        Ui.showWhen(editor, ed.openProperty());

        Button add = Ui.button(fields.text("visit.action.add"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("visit-action-add");
        add.setOnAction(e -> vm.newAction());
        Ui.showWhen(add, vm.frozenProperty().not().and(ed.openProperty().not()));
        return Ui.card(
                Ui.label(fields.text("visit.section.actions"), Styles.SECTION_TITLE),
                list,
                fields.listError(vm.errorProperty()),
                editor,
                add);
    }
}
