package fr.mediance.app.energy;

import fr.mediance.app.core.energy.DebtFormViewModel;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.EnergyRecords;
import java.util.ResourceBundle;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The form of a debt: category, creditor, customer number, invoices, amount and fees, dates and status; for an
 * unpaid energy bill also its contract, the 20-day notice and the procedure's stages (hidden for other debts).
 */
public final class DebtFormView extends BasicScreen {
    private final DebtFormViewModel vm;
    private final ResourceBundle texts;

    public DebtFormView(DebtFormViewModel vm, ResourceBundle texts) {
        super(texts.getString("debts.form.title"));
        this.vm = vm;
        this.texts = texts;
    }

    private TextField text(String id, StringProperty value, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setMinHeight(44);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private VBox field(String key, Control control, String errorField) {
        return Ui.field(texts.getString(key), control, vm.errorProperty(errorField));
    }

    @Override
    protected Node build() {
        ComboBox<DebtFormViewModel.ContractChoice> contract = new ComboBox<>(vm.contracts());
        contract.setId("debt-contract");
        contract.setMinHeight(44);
        CodeChoices.showLabels(contract, DebtFormViewModel.ContractChoice::label);
        Runnable fromModel = () -> contract.setValue(vm.contracts().stream()
                .filter(c -> c.id().equals(vm.contractIdProperty().get()))
                .findFirst()
                .orElse(null));
        vm.contractIdProperty().addListener((o, a, b) -> fromModel.run());
        vm.contracts().addListener((ListChangeListener<DebtFormViewModel.ContractChoice>) c -> fromModel.run());
        contract.valueProperty().addListener((o, a, c) -> {
            if (c != null) {
                vm.contractIdProperty().set(c.id());
            }
        });
        fromModel.run();
        ComboBox<CodeItem> category = CodeChoices.combo("debt-category", vm.categories(), vm.categoryProperty());
        category.setMinHeight(44);
        ComboBox<CodeItem> creditor = CodeChoices.combo("debt-creditor", vm.creditors(), vm.creditorProperty());
        creditor.setMinHeight(44);
        TextField customer = text("debt-customer", vm.customerNumberProperty(), "");
        TextField invoices =
                text("debt-invoices", vm.invoicesProperty(), texts.getString("debts.form.invoices.prompt"));
        TextField amount = text("debt-amount", vm.amountProperty(), "1 234,56 €");
        TextField fees = text("debt-fees", vm.feesProperty(), "0,00 €");
        String day = "jj/mm/aaaa";
        TextField issue = text("debt-issue", vm.issueDateProperty(), day);
        TextField due = text("debt-due", vm.dueDateProperty(), day);
        TextField first = text("debt-first-reminder", vm.firstReminderProperty(), day);
        TextField second = text("debt-second-letter", vm.secondLetterProperty(), day);
        TextField fslFiled = text("debt-fsl-filed", vm.fslFiledProperty(), day);
        TextField fslAid = text("debt-fsl-aid", vm.fslAidProperty(), day);
        TextField complaint = text("debt-complaint", vm.complaintProperty(), day);
        ComboBox<CodeItem> status = CodeChoices.combo(
                "debt-status",
                Choices.of("status", EnergyRecords.DEBT_STATUSES, x -> vm.label("status", x)),
                vm.statusProperty());
        status.setMinHeight(44);
        Label aided = Ui.bound(vm.aidedHintProperty(), Styles.REMINDER);
        aided.setId("debt-aided");
        Ui.hideWhenBlank(aided);

        VBox stages = new VBox(4);
        stages.setId("debt-stages");
        Runnable renderStages = () -> {
            stages.getChildren().clear();
            for (String line : vm.stageLines()) {
                stages.getChildren().add(Ui.label(line, Styles.LIST_ITEM));
            }
        };
        vm.stageLines().addListener((ListChangeListener<String>) c -> renderStages.run());
        renderStages.run();
        ComboBox<CodeItem> stage = CodeChoices.combo(
                "debt-new-stage",
                Choices.of("stage", EnergyRecords.STAGES, x -> vm.label("stage", x)),
                vm.newStageProperty());
        stage.setMinHeight(44);
        TextField stageDate = text("debt-new-stage-date", vm.newStageDateProperty(), day);
        Button addStage = Ui.button(texts.getString("energy.form.addStage"), Material2AL.ADD, Styles.SECONDARY);
        addStage.setId("debt-add-stage");
        addStage.setMinHeight(44);
        addStage.setOnAction(e -> vm.addStage());

        Button save = Ui.button(texts.getString("energy.form.save"), Material2MZ.SAVE, Styles.PRIMARY);
        save.setId("debt-save");
        save.setMinHeight(44);
        save.setOnAction(e -> vm.save());
        save.visibleProperty().bind(vm.mayWriteProperty());
        save.managedProperty().bind(vm.mayWriteProperty());

        VBox contractField = field("energy.form.contract", contract, "contractId");
        VBox secondField = field("energy.form.secondLetter", second, "secondLetter");
        VBox bill = Ui.card(
                Ui.label(texts.getString("debts.form.title"), Styles.SECTION_TITLE),
                Ui.row(
                        field("debts.form.category", category, "category"),
                        field("energy.form.creditor", creditor, "creditor")),
                contractField,
                Ui.row(
                        field("debts.form.customer", customer, "customerNumber"),
                        field("debts.form.invoices", invoices, "invoices")),
                Ui.row(field("energy.form.amount", amount, "amount"), field("debts.form.fees", fees, "fees")),
                field("energy.form.status", status, "status"),
                aided,
                Ui.row(field("debts.form.issueDate", issue, "issueDate"), field("energy.form.dueDate", due, "dueDate")),
                Ui.row(field("energy.form.firstReminder", first, "firstReminder"), secondField),
                Ui.row(
                        field("energy.form.fslFiled", fslFiled, "fslFiled"),
                        field("energy.form.fslAid", fslAid, "fslAid")),
                field("debts.form.complaint", complaint, "complaint"));
        VBox procedure = Ui.card(
                Ui.label(texts.getString("energy.form.stages"), Styles.SECTION_TITLE),
                stages,
                Ui.row(
                        field("energy.form.newStage", stage, "newStage"),
                        field("energy.form.newStageDate", stageDate, "newStageDate")),
                addStage);
        for (Node energyOnly : new Node[] {contractField, secondField, procedure}) {
            energyOnly.visibleProperty().bind(vm.energyDebtProperty());
            energyOnly.managedProperty().bind(vm.energyDebtProperty());
        }
        VBox page = new VBox(14, bill, procedure, save);
        page.setId("debt-form");
        return Ui.page(page);
    }
}
