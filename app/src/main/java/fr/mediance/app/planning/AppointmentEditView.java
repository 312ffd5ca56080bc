package fr.mediance.app.planning;

import fr.mediance.app.core.planning.AppointmentEditViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.AppointmentPlanning;
import java.util.ResourceBundle;
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
 * The coordination's changes to one planned appointment: « Déplacer » (day, time, length), « Annuler le
 * rendez-vous » with its reason, « Verrouiller » / « Déverrouiller », and the checklist and safety notes.
 */
public final class AppointmentEditView extends BasicScreen {
    private final AppointmentEditViewModel vm;
    private final ResourceBundle texts;

    public AppointmentEditView(AppointmentEditViewModel vm, ResourceBundle texts) {
        super(texts.getString("planning.edit.title"));
        this.vm = vm;
        this.texts = texts;
    }

    private TextField text(String field, String id) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(vm.field(field));
        return t;
    }

    private TextArea area(String field, String id) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setPrefRowCount(3);
        t.setWrapText(true);
        t.textProperty().bindBidirectional(vm.field(field));
        return t;
    }

    private static Button action(String text, org.kordamp.ikonli.Ikon icon, String style, String id, Runnable run) {
        Button b = Ui.button(text, icon, style);
        b.setId(id);
        b.setMinHeight(44);
        b.setOnAction(e -> run.run());
        return b;
    }

    @Override
    protected Node build() {
        Label heading = Ui.bound(vm.headingProperty(), Styles.CARD_TITLE);
        heading.setId("edit-heading");
        Label locked = new Label(texts.getString("planning.locked"), Icons.of(Material2AL.LOCK, 16));
        locked.getStyleClass().addAll(Styles.STATUS, Styles.STATUS_WAITING);
        locked.setId("edit-locked");
        Ui.showWhen(locked, vm.lockedProperty());
        Button lock = action("", Material2AL.LOCK, Styles.SECONDARY, "edit-lock", vm::toggleLock);
        lock.textProperty().bind(vm.lockTextProperty());

        Label warning = new Label(null, Icons.of(Material2MZ.WARNING, 18));
        warning.textProperty().bind(vm.overlapWarningProperty());
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.REMINDER);
        warning.setId("edit-overlap");
        Ui.hideWhenBlank(warning);
        VBox move = Ui.card(
                heading,
                locked,
                Ui.row(
                        Ui.field(
                                texts.getString("nextAppointment.date"),
                                text(AppointmentEditViewModel.DATE, "edit-date"),
                                vm.errorProperty(AppointmentEditViewModel.DATE)),
                        Ui.field(
                                texts.getString("nextAppointment.start"),
                                text(AppointmentEditViewModel.START, "edit-start"),
                                vm.errorProperty(AppointmentEditViewModel.START)),
                        Ui.field(
                                texts.getString("nextAppointment.duration"),
                                text(AppointmentEditViewModel.DURATION, "edit-duration"),
                                vm.errorProperty(AppointmentEditViewModel.DURATION))),
                warning,
                Ui.row(
                        action(
                                texts.getString("planning.reschedule"),
                                Material2AL.EVENT,
                                Styles.PRIMARY,
                                "edit-reschedule",
                                vm::reschedule),
                        lock));

        ComboBox<String> who = new ComboBox<>();
        who.setId("edit-cancel-status");
        who.getItems().setAll(AppointmentPlanning.CANCELLED_BY_STRUCTURE, AppointmentPlanning.CANCELLED_BY_RESIDENT);
        fr.mediance.app.shell.CodeChoices.showLabels(who, code -> texts.getString("appointment.status." + code));
        who.valueProperty().bindBidirectional(vm.cancelStatusProperty());
        VBox cancel = Ui.card(
                Ui.field(
                        texts.getString("planning.cancel.reason"),
                        text(AppointmentEditViewModel.REASON, "edit-reason"),
                        vm.errorProperty(AppointmentEditViewModel.REASON)),
                who,
                action(
                        texts.getString("planning.cancel"),
                        Material2AL.EVENT_BUSY,
                        Styles.SECONDARY,
                        "edit-cancel",
                        vm::cancel));

        VBox details = Ui.card(
                Ui.field(
                        texts.getString("planning.checklist"),
                        area(AppointmentEditViewModel.CHECKLIST, "edit-checklist"),
                        vm.errorProperty(AppointmentEditViewModel.CHECKLIST)),
                Ui.field(
                        texts.getString("planning.safetyNotes"),
                        area(AppointmentEditViewModel.SAFETY, "edit-safety"),
                        vm.errorProperty(AppointmentEditViewModel.SAFETY)),
                action(
                        texts.getString("planning.saveDetails"),
                        Material2AL.CHECK,
                        Styles.SECONDARY,
                        "edit-save-details",
                        vm::saveDetails));
        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("edit-form-error");
        Ui.hideWhenBlank(formError);
        return Ui.page(new VBox(16, move, cancel, details, formError));
    }
}
