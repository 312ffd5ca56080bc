package fr.mediance.app.document;

import fr.mediance.app.core.document.DocumentFormViewModel;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** "Décrire le document": type, title, issuer, amount, due date, purposes, retention date; messages beside. */
public final class DocumentFormView extends BasicScreen {

    private final DocumentFormViewModel vm;
    private final ResourceBundle texts;
    private final FlowPane purposes = new FlowPane(8, 8);

    public DocumentFormView(DocumentFormViewModel vm, ResourceBundle texts) {
        super(texts.getString("document.form.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        ComboBox<CodeItem> type = CodeChoices.combo("document-type", vm.typeOptions(), vm.typeProperty());
        type.setPromptText(texts.getString("document.type.prompt"));
        type.setMinHeight(44);

        TextField title = text("document-title", vm.titleProperty(), "document.title.prompt");
        TextField issuer = text("document-issuer", vm.issuerProperty(), "document.issuer.prompt");
        TextField amount = text("document-amount", vm.amountProperty(), "document.amount.prompt");
        TextField due = text("document-due", vm.dueDateProperty(), "document.date.prompt");
        TextField retention = text("document-retention", vm.retentionProperty(), "document.date.prompt");

        purposes.setId("document-purposes");
        vm.purposeOptions().addListener((ListChangeListener<CodeItem>) c -> renderPurposes());
        vm.purposes().addListener((ListChangeListener<String>) c -> purposes.getChildren()
                .forEach(n -> {
                    if (n instanceof ToggleButton chip) {
                        chip.setSelected(vm.isPurposeSelected((String) chip.getUserData()));
                    }
                }));
        renderPurposes();
        Label purposeLabel = Ui.label(texts.getString("document.purpose"), Styles.FIELD_LABEL);
        Label purposeError = Ui.bound(vm.purposeErrorProperty(), Styles.FIELD_ERROR);
        Ui.hideWhenBlank(purposeError);
        VBox purposeField = new VBox(6, purposeLabel, purposes, purposeError);
        purposeField.getStyleClass().add(Styles.FIELD);
        purposeField.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.purposeOptions()));
        purposeField.managedProperty().bind(purposeField.visibleProperty());

        VBox retentionField = Ui.field(texts.getString("document.retention"), retention, vm.retentionErrorProperty());
        retentionField
                .getChildren()
                .add(2, Ui.label(texts.getString("document.retention.hint"), Styles.HINT, Styles.SMALL));

        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("document-form-error");
        Ui.hideWhenBlank(formError);
        Button save = Ui.button(texts.getString("document.save"), Material2AL.CHECK_CIRCLE, Styles.PRIMARY);
        save.setId("document-save");
        save.setMaxWidth(Double.MAX_VALUE);
        save.setMinHeight(48);
        save.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
        save.setOnAction(e -> vm.save());

        VBox form = Ui.card(
                Ui.field(texts.getString("document.type"), type, vm.typeErrorProperty()),
                Ui.field(texts.getString("document.title"), title, vm.titleErrorProperty()),
                Ui.field(texts.getString("document.issuer"), issuer, vm.issuerErrorProperty()),
                Ui.row(
                        Ui.field(texts.getString("document.amount"), amount, vm.amountErrorProperty()),
                        Ui.field(texts.getString("document.due"), due, vm.dueDateErrorProperty())),
                purposeField,
                retentionField);
        return Ui.page(new VBox(16, form, formError, save));
    }

    private TextField text(String id, javafx.beans.property.StringProperty value, String promptKey) {
        TextField t = new TextField();
        t.setId(id);
        t.setMinHeight(44);
        t.setPromptText(texts.getString(promptKey));
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private void renderPurposes() {
        purposes.getChildren().clear();
        for (CodeItem item : vm.purposeOptions()) {
            ToggleButton chip = new ToggleButton(item.labelOrCode());
            chip.getStyleClass().add(Styles.CHIP);
            chip.setId("purpose-" + item.code());
            chip.setUserData(item.code());
            chip.setMnemonicParsing(false);
            chip.setMinHeight(44);
            chip.setSelected(vm.isPurposeSelected(item.code()));
            chip.selectedProperty().addListener((o, a, on) -> vm.setPurposeSelected(item.code(), on));
            purposes.getChildren().add(chip);
        }
    }
}
