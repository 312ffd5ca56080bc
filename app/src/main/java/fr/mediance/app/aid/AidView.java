package fr.mediance.app.aid;

import fr.mediance.app.core.aid.AidService;
import fr.mediance.app.core.aid.AidViewModel;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Demandes d'aide »: the household's applications, a new one (kind and département), and the one opened in a
 * form with its documents checklist and the département's FSL rules.
 */
public final class AidView extends BasicScreen {
    private final AidViewModel vm;
    private final ResourceBundle texts;

    public AidView(AidViewModel vm, ResourceBundle texts, String residentName) {
        super(
                residentName == null || residentName.isBlank()
                        ? texts.getString("aid.title")
                        : texts.getString("aid.title") + " · " + residentName);
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        return Ui.page(new VBox(16, list(), newApplication(), form()));
    }

    private Node list() {
        VBox list = new VBox(8);
        list.setId("aid-list");
        Runnable render = () -> {
            list.getChildren().clear();
            if (vm.items().isEmpty()) {
                list.getChildren().add(Ui.label(texts.getString("aid.none"), Styles.HINT));
            }
            for (AidViewModel.Item item : vm.items()) {
                Button open = Ui.button(texts.getString("budget.show"), Material2MZ.VISIBILITY, Styles.SECONDARY);
                open.setMinHeight(44);
                open.setId("aid-open-" + item.id());
                open.setOnAction(e -> vm.open(item.id()));
                VBox row = new VBox(
                        4, Ui.label(item.title(), Styles.ITEM_TITLE), Ui.label(item.detail(), Styles.MUTED), open);
                row.getStyleClass().add(Styles.LIST_ITEM);
                list.getChildren().add(row);
            }
        };
        vm.items().addListener((ListChangeListener<AidViewModel.Item>) c -> render.run());
        render.run();
        return Ui.card(Ui.label(texts.getString("aid.list"), Styles.SECTION_TITLE), list);
    }

    private Node newApplication() {
        ComboBox<CodeItem> kind = new ComboBox<>(vm.kinds());
        kind.setId("aid-new-kind");
        kind.setMinHeight(44);
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setPromptText(texts.getString("aid.new.kind"));
        CodeChoices.showLabels(kind, CodeItem::labelOrCode);
        TextField departement = new TextField();
        departement.setId("aid-new-departement");
        departement.setMinHeight(44);
        departement.setPromptText("13");
        Button start = Ui.button(texts.getString("aid.start"), Material2AL.ADD, Styles.PRIMARY);
        start.setId("aid-start");
        start.setMinHeight(44);
        start.disableProperty().bind(kind.valueProperty().isNull());
        start.setOnAction(e -> vm.start(
                kind.getValue().code(),
                departement.getText().isBlank() ? null : departement.getText().strip()));
        return Ui.card(
                Ui.label(texts.getString("aid.new"), Styles.SECTION_TITLE),
                Ui.row(
                        Ui.field(texts.getString("aid.new.kind"), kind, null),
                        Ui.field(texts.getString("aid.new.departement"), departement, null)),
                start);
    }

    private Node form() {
        Label title = Ui.bound(vm.formTitleProperty(), Styles.SECTION_TITLE);
        title.setId("aid-form-title");
        Label rule = Ui.bound(vm.ruleTextProperty(), Styles.HINT);
        rule.setId("aid-rule");
        Ui.hideWhenBlank(rule);
        Label warning = Ui.bound(vm.filingWarningProperty(), Styles.REMINDER);
        warning.setId("aid-filing-warning");
        warning.setGraphic(Icons.of(Material2MZ.WARNING));
        Ui.hideWhenBlank(warning);

        ComboBox<String> status = new ComboBox<>(FXCollections.observableArrayList(vm.statuses()));
        status.setId("aid-status");
        CodeChoices.showLabels(status, vm::statusLabel);
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setMinHeight(44);
        ComboBox<String> paidTo = new ComboBox<>(FXCollections.observableArrayList(vm.paidToOptions()));
        paidTo.setId("aid-paidTo");
        CodeChoices.showLabels(paidTo, vm::paidToLabel);
        paidTo.valueProperty().bindBidirectional(vm.paidToProperty());
        paidTo.setMinHeight(44);

        VBox checklist = new VBox(6);
        checklist.setId("aid-checklist");
        Runnable render = () -> checklist
                .getChildren()
                .setAll(vm.checklist().stream().map(this::checklistItem).toList());
        vm.checklist().addListener((ListChangeListener<AidService.ChecklistItem>) c -> render.run());
        Label summary = Ui.bound(vm.checklistSummaryProperty(), Styles.MUTED);
        summary.setId("aid-checklist-summary");

        TextArea note = new TextArea();
        note.setId("aid-note");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(vm.noteProperty());

        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("aid-form-error");
        Ui.hideWhenBlank(formError);
        Button save = Ui.button(texts.getString("aid.save"), Material2AL.CHECK_CIRCLE, Styles.PRIMARY);
        save.setId("aid-save");
        save.setMinHeight(48);
        save.setMaxWidth(Double.MAX_VALUE);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());

        VBox form = Ui.card(
                title,
                rule,
                warning,
                Ui.row(
                        Ui.field(
                                texts.getString("aid.departement"),
                                text("departement", vm.departementProperty()),
                                vm.error("departement")),
                        Ui.field(texts.getString("aid.status"), status, vm.error("status"))),
                Ui.field(
                        texts.getString("aid.instructingBody"),
                        text("instructingBody", vm.instructingBodyProperty()),
                        vm.error("instructingBody")),
                Ui.row(
                        Ui.field(
                                texts.getString("aid.requested"),
                                text("requested", vm.requestedProperty()),
                                vm.error("requestedCents")),
                        Ui.field(
                                texts.getString("aid.submittedOn"),
                                text("submittedOn", vm.submittedOnProperty()),
                                vm.error("submittedOn"))),
                Ui.field(
                        texts.getString("aid.missingDocumentsDueOn"),
                        text("missingDocumentsDueOn", vm.missingDocumentsDueOnProperty()),
                        vm.error("missingDocumentsDueOn")),
                Ui.label(texts.getString("aid.debts"), Styles.FIELD_LABEL),
                debts(),
                Ui.label(texts.getString("aid.checklist"), Styles.FIELD_LABEL),
                summary,
                checklist,
                Ui.row(
                        Ui.field(
                                texts.getString("aid.decidedOn"),
                                text("decidedOn", vm.decidedOnProperty()),
                                vm.error("decidedOn")),
                        Ui.field(
                                texts.getString("aid.granted"),
                                text("granted", vm.grantedProperty()),
                                vm.error("grantedCents"))),
                Ui.row(
                        Ui.field(texts.getString("aid.paidTo"), paidTo, vm.error("paidTo")),
                        Ui.field(
                                texts.getString("aid.refusalReason"),
                                text("refusalReason", vm.refusalReasonProperty()),
                                vm.error("refusalReason"))),
                Ui.field(texts.getString("aid.note"), note, vm.error("note")),
                formError,
                save);
        form.setId("aid-form");
        Ui.showWhen(form, vm.editingProperty());
        return form;
    }

    /** The household's debts as chips: those the application is for are selected. */
    private Node debts() {
        javafx.scene.layout.FlowPane pane = new javafx.scene.layout.FlowPane(8, 8);
        pane.setId("aid-debts");
        Runnable render = () -> {
            pane.getChildren().clear();
            if (vm.debts().isEmpty()) {
                pane.getChildren().add(Ui.label(texts.getString("aid.debts.none"), Styles.HINT));
            }
            for (AidViewModel.DebtChoice debt : vm.debts()) {
                javafx.scene.control.ToggleButton chip = new javafx.scene.control.ToggleButton(debt.label());
                chip.getStyleClass().add(Styles.CHIP);
                chip.setId("aid-debt-" + debt.id());
                chip.setMinHeight(44);
                chip.setMnemonicParsing(false);
                chip.setSelected(vm.chosenDebts().contains(debt.id()));
                chip.selectedProperty().addListener((o, a, on) -> vm.toggleDebt(debt.id(), on));
                pane.getChildren().add(chip);
            }
        };
        vm.debts().addListener((ListChangeListener<AidViewModel.DebtChoice>) c -> render.run());
        vm.chosenDebts().addListener((ListChangeListener<String>) c -> pane.getChildren()
                .forEach(n -> {
                    if (n instanceof javafx.scene.control.ToggleButton chip) {
                        chip.setSelected(vm.chosenDebts().contains(chip.getId().substring("aid-debt-".length())));
                    }
                }));
        render.run();
        return pane;
    }

    private Node checklistItem(AidService.ChecklistItem item) {
        Label name = Ui.label(item.label());
        name.setGraphic(Icons.of(item.provided() ? Material2AL.CHECK_CIRCLE : Material2MZ.RADIO_BUTTON_UNCHECKED));
        Label state = Ui.label(
                texts.getString(item.provided() ? "aid.checklist.provided" : "aid.checklist.missing"),
                item.provided() ? Styles.STATUS_DONE : Styles.STATUS_WAITING,
                Styles.STATUS);
        VBox row = new VBox(2, name, state);
        row.getStyleClass().add("aid-checklist-item");
        return row;
    }

    private TextField text(String id, StringProperty value) {
        TextField t = new TextField();
        t.setId("aid-" + id);
        t.setMinHeight(44);
        t.textProperty().bindBidirectional(value);
        return t;
    }
}
