package fr.mediance.app.overindebtedness;

import fr.mediance.app.core.overindebtedness.OverindebtednessViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** « Surendettement »: the household's Banque de France file, its stage, decisions and the deadline that matters. */
public final class OverindebtednessView extends BasicScreen {
    private final OverindebtednessViewModel vm;
    private final ResourceBundle texts;

    public OverindebtednessView(OverindebtednessViewModel vm, ResourceBundle texts, String residentName) {
        super(
                residentName == null || residentName.isBlank()
                        ? texts.getString("overindebtedness.title")
                        : texts.getString("overindebtedness.title") + " · " + residentName);
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        Label deadline = Ui.bound(vm.deadlineProperty(), Styles.REMINDER);
        deadline.setId("overindebtedness-deadline");
        deadline.setGraphic(Icons.of(Material2MZ.SCHEDULE));
        Ui.hideWhenBlank(deadline);

        ComboBox<String> channel = new ComboBox<>(FXCollections.observableArrayList(vm.channels()));
        channel.setId("overindebtedness-channel");
        CodeChoices.showLabels(channel, vm::channelLabel);
        channel.valueProperty().bindBidirectional(vm.channelProperty());
        channel.setMinHeight(44);
        ComboBox<String> status = new ComboBox<>(FXCollections.observableArrayList(vm.statuses()));
        status.setId("overindebtedness-status");
        CodeChoices.showLabels(status, vm::statusLabel);
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setMinHeight(44);
        CheckBox coDepositor = new CheckBox(texts.getString("overindebtedness.coDepositor"));
        coDepositor.selectedProperty().bindBidirectional(vm.coDepositorProperty());
        coDepositor.setMinHeight(44);
        CheckBox ficp = new CheckBox(texts.getString("overindebtedness.ficp"));
        ficp.setId("overindebtedness-ficp");
        ficp.selectedProperty().bindBidirectional(vm.ficpProperty());
        ficp.setMinHeight(44);
        TextArea note = new TextArea();
        note.setId("overindebtedness-note");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(vm.noteProperty());

        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("overindebtedness-form-error");
        Ui.hideWhenBlank(formError);
        Button save = Ui.button(texts.getString("overindebtedness.save"), Material2AL.CHECK_CIRCLE, Styles.PRIMARY);
        save.setId("overindebtedness-save");
        save.setMinHeight(48);
        save.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
        save.setOnAction(e -> vm.save());
        Button begin = Ui.button(texts.getString("overindebtedness.begin"), Material2AL.ADD, Styles.SECONDARY);
        begin.setId("overindebtedness-begin");
        begin.setMinHeight(48);
        begin.setOnAction(e -> vm.begin());

        VBox form = Ui.card(
                Ui.label(texts.getString("overindebtedness.heading"), Styles.SECTION_TITLE),
                deadline,
                Ui.row(
                        Ui.field(texts.getString("overindebtedness.channel"), channel, vm.error("channel")),
                        Ui.field(texts.getString("overindebtedness.status"), status, vm.error("status"))),
                coDepositor,
                Ui.row(
                        field("overindebtedness.startedOn", "startedOn", vm.startedOnProperty()),
                        field("overindebtedness.filedOn", "filedOn", vm.filedOnProperty())),
                Ui.row(
                        field(
                                "overindebtedness.admissibilityDecisionOn",
                                "admissibilityDecisionOn",
                                vm.admissibilityDecisionOnProperty()),
                        field(
                                "overindebtedness.orientationDecisionOn",
                                "orientationDecisionOn",
                                vm.orientationDecisionOnProperty())),
                Ui.row(
                        field("overindebtedness.planMonths", "planMonths", vm.planMonthsProperty()),
                        field(
                                "overindebtedness.monthlyRepayment",
                                "monthlyRepaymentCents",
                                vm.monthlyRepaymentProperty())),
                field("overindebtedness.resteAVivre", "resteAVivreCents", vm.resteAVivreProperty()),
                ficp,
                Ui.field(texts.getString("overindebtedness.note"), note, vm.error("note")),
                formError,
                new FlowPane(8, 8, save, begin));
        return Ui.page(new VBox(16, form));
    }

    private VBox field(String labelKey, String field, StringProperty value) {
        TextField t = new TextField();
        t.setId("overindebtedness-" + field);
        t.setMinHeight(44);
        t.textProperty().bindBidirectional(value);
        return Ui.field(texts.getString(labelKey), t, vm.error(field));
    }
}
