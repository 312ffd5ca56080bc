package fr.mediance.app.agenda;

import fr.mediance.app.core.agenda.NextAppointmentViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Prochain rendez-vous »: date, start, length, type, address (the resident's) and what to prepare; beside it the
 * resident's availability and the counsellor's own appointments of that day, and a warning when the slot overlaps
 * one of them (she may still save).
 */
public final class NextAppointmentView extends BasicScreen {
    private final NextAppointmentViewModel vm;
    private final ResourceBundle texts;

    public NextAppointmentView(NextAppointmentViewModel vm, ResourceBundle texts) {
        super(texts.getString("nextAppointment.title"));
        this.vm = vm;
        this.texts = texts;
    }

    private TextField text(String field, String id) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(vm.field(field));
        return t;
    }

    @Override
    protected Node build() {
        Label who = new Label();
        who.textProperty().bind(vm.residentNameProperty().map(n -> withName("nextAppointment.with", n)));
        who.getStyleClass().add(Styles.CARD_TITLE);
        who.setId("next-resident");
        Label availability = new Label(null, Icons.of(Material2MZ.SCHEDULE, 18));
        availability.textProperty().bind(vm.availabilityProperty());
        availability.setWrapText(true);
        availability.setId("next-availability");

        TextField date = text(NextAppointmentViewModel.DATE, "next-date");
        TextField start = text(NextAppointmentViewModel.START, "next-start");
        TextField duration = text(NextAppointmentViewModel.DURATION, "next-duration");
        ComboBox<fr.mediance.app.core.reference.CodeItem> type =
                CodeChoices.combo("next-type", vm.types(), vm.typeProperty());
        TextField address = text(NextAppointmentViewModel.ADDRESS, "next-address");
        TextArea checklist = new TextArea();
        checklist.setId("next-checklist");
        checklist.setPrefRowCount(3);
        checklist.setWrapText(true);
        checklist.textProperty().bindBidirectional(vm.field(NextAppointmentViewModel.CHECKLIST));

        Label warning = new Label(null, Icons.of(Material2MZ.WARNING, 18));
        warning.textProperty().bind(vm.overlapWarningProperty());
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.REMINDER);
        warning.setId("next-overlap");
        Ui.hideWhenBlank(warning);

        Label dayHeading = Ui.bound(vm.dayHeadingProperty(), Styles.SECTION_TITLE);
        dayHeading.setId("next-day-heading");
        ListView<String> day = new ListView<>(vm.dayAppointments());
        day.setId("next-day");
        day.setFocusTraversable(false);
        // every appointment of the day in view (a working day holds a handful), one row each
        day.prefHeightProperty()
                .bind(javafx.beans.binding.Bindings.size(vm.dayAppointments())
                        .multiply(48)
                        .add(4));
        Ui.showWhen(day, javafx.beans.binding.Bindings.isNotEmpty(vm.dayAppointments()));

        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("next-form-error");
        Ui.hideWhenBlank(formError);
        Button save = Ui.button(texts.getString("nextAppointment.save"), Material2AL.EVENT_AVAILABLE, Styles.PRIMARY);
        save.setId("next-save");
        save.setMinHeight(44);
        save.setMaxWidth(Double.MAX_VALUE);
        save.setOnAction(e -> vm.save());

        VBox form = Ui.card(
                who,
                availability,
                Ui.row(
                        Ui.field(
                                texts.getString("nextAppointment.date"),
                                date,
                                vm.errorProperty(NextAppointmentViewModel.DATE)),
                        Ui.field(
                                texts.getString("nextAppointment.start"),
                                start,
                                vm.errorProperty(NextAppointmentViewModel.START)),
                        Ui.field(
                                texts.getString("nextAppointment.duration"),
                                duration,
                                vm.errorProperty(NextAppointmentViewModel.DURATION))),
                warning,
                Ui.field(
                        texts.getString("nextAppointment.type"), type, vm.errorProperty(NextAppointmentViewModel.TYPE)),
                Ui.field(
                        texts.getString("nextAppointment.address"),
                        address,
                        vm.errorProperty(NextAppointmentViewModel.ADDRESS)),
                Ui.field(
                        texts.getString("nextAppointment.checklist"),
                        checklist,
                        vm.errorProperty(NextAppointmentViewModel.CHECKLIST)));
        VBox dayCard = Ui.card(dayHeading, day);
        VBox column = new VBox(16, form, dayCard, formError, save);
        return Ui.page(column);
    }

    private String withName(String key, String value) {
        return value == null || value.isBlank() ? "" : java.text.MessageFormat.format(texts.getString(key), value);
    }
}
