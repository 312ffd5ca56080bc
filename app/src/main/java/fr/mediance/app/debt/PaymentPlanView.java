package fr.mediance.app.debt;

import fr.mediance.app.core.debt.PaymentPlanViewModel;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Échéanciers »: the household's payment plans (next instalment, what remains, late), and the form of one plan:
 * creditor, debts, status and agreement day, « Calculer » from the total, the number of instalments, the first one
 * and the interval, then each instalment with its payment, the late ones flagged with « Créer une relance ».
 */
public final class PaymentPlanView extends BasicScreen {
    private final PaymentPlanViewModel vm;
    private final ResourceBundle texts;

    public PaymentPlanView(PaymentPlanViewModel vm, ResourceBundle texts, String residentName) {
        super(
                residentName == null || residentName.isBlank()
                        ? texts.getString("plan.title")
                        : texts.getString("plan.title") + " · " + residentName);
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        VBox list = list();
        VBox form = form();
        Ui.showWhen(list, vm.editingProperty().not());
        Ui.showWhen(form, vm.editingProperty());
        return Ui.page(new VBox(16, list, form));
    }

    private VBox list() {
        VBox items = new VBox(6);
        items.setId("plan-list");
        Runnable render = () -> {
            items.getChildren().clear();
            if (vm.plans().isEmpty()) {
                items.getChildren().add(Ui.label(texts.getString("plan.list.empty"), Styles.MUTED));
            }
            for (PaymentPlanViewModel.PlanItem p : vm.plans()) {
                VBox text = new VBox(
                        2,
                        Ui.label(p.title(), Styles.ITEM_TITLE),
                        Ui.label(p.next(), Styles.MUTED),
                        Ui.label(p.remaining(), Styles.MUTED));
                if (p.late()) {
                    Label late = Ui.label(texts.getString("plan.item.late"), Styles.STATUS, Styles.STATUS_CANCELLED);
                    late.setGraphic(Icons.of(Material2MZ.WARNING));
                    text.getChildren().add(late);
                }
                HBox.setHgrow(text, Priority.ALWAYS);
                Button open = Ui.iconButton(Material2AL.EDIT, p.title());
                open.setMinSize(44, 44);
                open.setOnAction(e -> vm.open(p.id()));
                HBox row = new HBox(8, Icons.of(Material2AL.EVENT_NOTE), text, open);
                row.setAlignment(Pos.CENTER_LEFT);
                row.setId("plan-item-" + p.id());
                row.getStyleClass().add(Styles.LIST_ITEM);
                row.setOnMouseClicked(e -> vm.open(p.id()));
                items.getChildren().add(row);
            }
        };
        vm.plans().addListener((ListChangeListener<PaymentPlanViewModel.PlanItem>) c -> render.run());
        render.run();
        Button add = Ui.button(texts.getString("plan.new"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("plan-new");
        add.setMinHeight(44);
        add.disableProperty().bind(vm.loadedProperty().not());
        add.setOnAction(e -> vm.newPlan(List.of()));
        return Ui.card(Ui.label(texts.getString("plan.heading"), Styles.SECTION_TITLE), items, add);
    }

    private VBox form() {
        Button back = Ui.button(texts.getString("plan.back"), Material2AL.ARROW_BACK, Styles.SECONDARY);
        back.setId("plan-back");
        back.setMinHeight(44);
        back.setOnAction(e -> vm.close());

        ComboBox<CodeItem> creditor = CodeChoices.combo("plan-creditor", vm.creditors(), vm.creditorProperty());
        creditor.setMinHeight(44);

        ComboBox<String> status = new ComboBox<>(FXCollections.observableArrayList(vm.statuses()));
        status.setId("plan-status");
        status.setMinHeight(44);
        CodeChoices.showLabels(status, vm::statusLabel);
        status.valueProperty().bindBidirectional(vm.statusProperty());

        Label suggestion = Ui.bound(vm.suggestionProperty(), Styles.REMINDER);
        suggestion.setId("plan-suggestion");
        suggestion.setGraphic(Icons.of(Material2AL.INFO));
        Ui.hideWhenBlank(suggestion);

        Button compute = Ui.button(texts.getString("plan.compute"), Material2AL.CALCULATE, Styles.SECONDARY);
        compute.setId("plan-compute");
        compute.setMinHeight(44);
        compute.setOnAction(e -> vm.compute());

        Label late = Ui.bound(vm.lateSummaryProperty(), Styles.REMINDER);
        late.setId("plan-late");
        late.setGraphic(Icons.of(Material2MZ.WARNING));
        Ui.hideWhenBlank(late);

        ComboBox<PaymentPlanViewModel.DocumentChoice> confirmation = new ComboBox<>(vm.documents());
        confirmation.setId("plan-confirmation");
        confirmation.setMinHeight(44);
        CodeChoices.showLabels(confirmation, PaymentPlanViewModel.DocumentChoice::label);
        confirmation.valueProperty().bindBidirectional(vm.confirmationProperty());

        TextField note = new TextField();
        note.setId("plan-note");
        note.setMinHeight(44);
        note.textProperty().bindBidirectional(vm.noteProperty());

        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("plan-form-error");
        Ui.hideWhenBlank(formError);
        Button save = Ui.button(texts.getString("plan.save"), Material2AL.CHECK_CIRCLE, Styles.PRIMARY);
        save.setId("plan-save");
        save.setMinHeight(48);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());

        Label debtsError = Ui.bound(vm.error("debtIds"), Styles.FIELD_ERROR);
        debtsError.setId("plan-debts-error");
        Ui.hideWhenBlank(debtsError);
        Label instalmentsError = Ui.bound(vm.error("instalments"), Styles.FIELD_ERROR);
        instalmentsError.setId("plan-instalments-error");
        Ui.hideWhenBlank(instalmentsError);

        return Ui.card(
                new HBox(8, Ui.label(texts.getString("plan.form.heading"), Styles.SECTION_TITLE), Ui.spacer(), back),
                Ui.row(
                        Ui.field(texts.getString("plan.creditor"), creditor, vm.error("creditor")),
                        Ui.field(texts.getString("plan.status"), status, vm.error("status")),
                        field("plan.agreedOn", "agreedOn", vm.agreedOnProperty())),
                suggestion,
                Ui.label(texts.getString("plan.debts"), Styles.FIELD_LABEL),
                debts(),
                debtsError,
                Ui.row(
                        field("plan.total", "totalCents", vm.totalProperty()),
                        field("plan.count", "count", vm.countProperty())),
                Ui.row(
                        field("plan.firstDue", "firstDue", vm.firstDueProperty()),
                        field("plan.everyMonths", "everyMonths", vm.everyMonthsProperty())),
                compute,
                Ui.label(texts.getString("plan.instalments"), Styles.SECTION_TITLE),
                late,
                instalmentsError,
                instalments(),
                Ui.field(texts.getString("plan.confirmation"), confirmation, vm.error("confirmationDocumentId")),
                Ui.field(texts.getString("plan.note"), note, vm.error("note")),
                formError,
                new FlowPane(8, 8, save));
    }

    private Node debts() {
        VBox pane = new VBox(8);
        pane.setId("plan-debts");
        Runnable render = () -> {
            pane.getChildren().clear();
            if (vm.debts().isEmpty()) {
                pane.getChildren().add(Ui.label(texts.getString("plan.debts.none"), Styles.HINT));
            }
            for (PaymentPlanViewModel.DebtChoice debt : vm.debts()) {
                javafx.scene.control.CheckBox chip = new javafx.scene.control.CheckBox(debt.label());
                chip.setId("plan-debt-" + debt.id());
                chip.setMinHeight(44);
                chip.setWrapText(true);
                chip.setMaxWidth(Double.MAX_VALUE);
                chip.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                chip.setMnemonicParsing(false);
                chip.selectedProperty().bindBidirectional(debt.selectedProperty());
                pane.getChildren().add(chip);
            }
        };
        vm.debts().addListener((ListChangeListener<PaymentPlanViewModel.DebtChoice>) c -> render.run());
        render.run();
        return pane;
    }

    private Node instalments() {
        VBox box = new VBox(8);
        box.setId("plan-instalments");
        Runnable render = () -> {
            box.getChildren().clear();
            if (vm.instalments().isEmpty()) {
                box.getChildren().add(Ui.label(texts.getString("plan.instalments.empty"), Styles.HINT));
            }
            for (PaymentPlanViewModel.InstalmentRow row : vm.instalments()) {
                box.getChildren().add(instalment(row));
            }
        };
        vm.instalments().addListener((ListChangeListener<PaymentPlanViewModel.InstalmentRow>) c -> render.run());
        render.run();
        return box;
    }

    private Node instalment(PaymentPlanViewModel.InstalmentRow row) {
        int i = row.index();
        String prefix = "instalments[" + i + "].";
        Label number =
                Ui.label(fr.mediance.app.core.Texts.format(texts, "plan.instalment.n", i + 1), Styles.ITEM_TITLE);
        Label late = Ui.label(texts.getString("plan.instalment.late"), Styles.STATUS, Styles.STATUS_CANCELLED);
        late.setGraphic(Icons.of(Material2MZ.WARNING));
        Ui.showWhen(late, row.lateProperty());
        Label reminder = Ui.bound(row.reminderProperty(), Styles.STATUS, Styles.STATUS_DONE);
        reminder.setId("plan-reminder-" + i);
        Ui.hideWhenBlank(reminder);
        Button remind = Ui.button(texts.getString("plan.reminder.create"), Material2AL.ALARM_ADD, Styles.SECONDARY);
        remind.setId("plan-remind-" + i);
        remind.setMinHeight(44);
        Ui.showWhen(remind, row.lateProperty().and(row.reminderProperty().isEmpty()));
        remind.setOnAction(e -> vm.createReminder(row));
        HBox head = new HBox(8, number, late, reminder);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(
                6,
                head,
                Ui.row(
                        instalmentField("plan.instalment.due", prefix + "dueDate", i, row.dueDateProperty()),
                        instalmentField("plan.instalment.amount", prefix + "amountCents", i, row.amountProperty())),
                Ui.row(
                        instalmentField("plan.instalment.paidOn", prefix + "paidOn", i, row.paidOnProperty()),
                        instalmentField("plan.instalment.paid", prefix + "paidCents", i, row.paidProperty())),
                remind);
        card.setId("plan-instalment-" + i);
        card.getStyleClass().add(Styles.LIST_ITEM);
        return card;
    }

    private VBox instalmentField(String labelKey, String field, int index, StringProperty value) {
        TextField t = new TextField();
        t.setId("plan-" + field.substring(field.indexOf('.') + 1) + "-" + index);
        t.setMinHeight(44);
        t.textProperty().bindBidirectional(value);
        return Ui.field(texts.getString(labelKey), t, vm.error(field));
    }

    private VBox field(String labelKey, String field, StringProperty value) {
        TextField t = new TextField();
        t.setId("plan-" + field);
        t.setMinHeight(44);
        t.textProperty().bindBidirectional(value);
        return Ui.field(texts.getString(labelKey), t, vm.error(field));
    }
}
