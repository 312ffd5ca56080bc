package fr.mediance.app.planning;

import fr.mediance.app.core.planning.RoundsSettingsViewModel;
import fr.mediance.app.core.planning.RoundsSettingsViewModel.DayRow;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.CounsellorScheduleDto;
import java.time.LocalDate;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Réglages des tournées »: the office (address, point, how it was placed) and the travel estimate, then a
 * counsellor picked in a list with their worked days and hours, lunch break and days off. Online only: offline the
 * view says so and its buttons are off; a refused field shows its message beside it.
 */
public final class RoundsSettingsView extends BasicScreen {
    private final RoundsSettingsViewModel vm;
    private final ResourceBundle texts;

    public RoundsSettingsView(RoundsSettingsViewModel vm, ResourceBundle texts) {
        super(texts.getString("roundsSettings.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        BooleanBinding off = vm.busyProperty().or(Bindings.not(vm.onlineProperty()));
        Label explain = Ui.label(texts.getString("roundsSettings.explain"), Styles.HINT);
        explain.setWrapText(true);
        Label offline = Ui.label(texts.getString("roundsSettings.offline"), Styles.FORM_ERROR);
        offline.setId("rounds-offline");
        offline.setWrapText(true);
        Ui.showWhen(offline, Bindings.not(vm.onlineProperty()));
        Label message = Ui.bound(vm.messageProperty(), Styles.HINT);
        message.setId("rounds-message");
        message.setWrapText(true);
        Ui.hideWhenBlank(message);
        Label error = Ui.bound(vm.errorProperty(), Styles.FORM_ERROR);
        error.setId("rounds-error");
        error.setWrapText(true);
        Ui.hideWhenBlank(error);

        // ----- the office and travel
        Label place = Ui.bound(vm.officePlaceProperty(), Styles.HINT);
        place.setId("rounds-office-place");
        place.setWrapText(true);
        Label hint = Ui.label(texts.getString("roundsSettings.officeHint"), Styles.HINT);
        hint.setWrapText(true);
        Label travelNote = Ui.bound(vm.travelNoteProperty(), Styles.HINT);
        travelNote.setWrapText(true);
        Button saveSettings =
                Ui.button(texts.getString("roundsSettings.saveSettings"), Material2MZ.SAVE, Styles.PRIMARY);
        saveSettings.setId("rounds-save-settings");
        saveSettings.disableProperty().bind(off);
        saveSettings.setOnAction(e -> vm.saveSettings());
        VBox office = Ui.card(
                Ui.label(texts.getString("roundsSettings.office"), Styles.CARD_TITLE),
                explain,
                offline,
                field("roundsSettings.officeAddress", RoundsSettingsViewModel.OFFICE_ADDRESS),
                Ui.row(
                        field("roundsSettings.officeLatitude", RoundsSettingsViewModel.OFFICE_LATITUDE),
                        field("roundsSettings.officeLongitude", RoundsSettingsViewModel.OFFICE_LONGITUDE)),
                hint,
                place,
                Ui.label(texts.getString("roundsSettings.travel"), Styles.CARD_TITLE),
                Ui.row(
                        field("roundsSettings.detourFactor", RoundsSettingsViewModel.DETOUR),
                        field("roundsSettings.speedKmh", RoundsSettingsViewModel.SPEED)),
                travelNote,
                saveSettings);

        // ----- a counsellor's hours
        ComboBox<CounsellorScheduleDto> who = new ComboBox<>(vm.schedules());
        who.setId("rounds-counsellor");
        who.setMaxWidth(Double.MAX_VALUE);
        who.setConverter(new StringConverter<>() {
            @Override
            public String toString(CounsellorScheduleDto s) {
                return s == null ? "" : s.displayName();
            }

            @Override
            public CounsellorScheduleDto fromString(String text) {
                return null;
            }
        });
        who.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CounsellorScheduleDto s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.displayName() + " — " + vm.describe(s));
            }
        });
        who.valueProperty().bindBidirectional(vm.selectedProperty());
        Label summary = new Label();
        summary.setId("rounds-schedule-summary");
        summary.getStyleClass().add(Styles.HINT);
        summary.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.selectedProperty().get() == null
                                ? ""
                                : vm.describe(vm.selectedProperty().get()),
                        vm.selectedProperty()));
        Label none = Ui.label(texts.getString("roundsSettings.noCounsellor"), Styles.HINT);
        Ui.showWhen(none, Bindings.isEmpty(vm.schedules()).and(vm.loadedProperty()));

        VBox days = new VBox(6);
        days.setId("rounds-days");
        for (DayRow d : vm.days()) {
            days.getChildren().add(dayRow(d));
        }

        FlowPane daysOff = new FlowPane(8, 8);
        daysOff.setId("rounds-days-off");
        Runnable fillDaysOff = () -> {
            daysOff.getChildren().clear();
            if (vm.daysOff().isEmpty()) {
                daysOff.getChildren().add(Ui.label(texts.getString("roundsSettings.noDaysOff"), Styles.HINT));
            }
            for (LocalDate d : vm.daysOff()) {
                daysOff.getChildren().add(dayOff(d));
            }
        };
        vm.daysOff().addListener((ListChangeListener<LocalDate>) c -> fillDaysOff.run());
        fillDaysOff.run();
        TextField from = new TextField();
        from.setId("rounds-day-off-from");
        from.setPromptText("21/12/2026");
        from.textProperty().bindBidirectional(vm.dayOffFromProperty());
        TextField to = new TextField();
        to.setId("rounds-day-off-to");
        to.textProperty().bindBidirectional(vm.dayOffToProperty());
        Button add = Ui.button(texts.getString("roundsSettings.addDaysOff"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("rounds-add-days-off");
        add.setOnAction(e -> vm.addDaysOff());
        Label daysOffError = Ui.bound(vm.errorOf(RoundsSettingsViewModel.DAYS_OFF), Styles.FIELD_ERROR);
        daysOffError.setId("rounds-days-off-error");
        daysOffError.setWrapText(true);
        Ui.hideWhenBlank(daysOffError);

        Button saveSchedule =
                Ui.button(texts.getString("roundsSettings.saveSchedule"), Material2MZ.SAVE, Styles.PRIMARY);
        saveSchedule.setId("rounds-save-schedule");
        saveSchedule.disableProperty().bind(off.or(vm.selectedProperty().isNull()));
        saveSchedule.setOnAction(e -> vm.saveSchedule());

        VBox hours = Ui.card(
                Ui.label(texts.getString("roundsSettings.counsellors"), Styles.CARD_TITLE),
                none,
                who,
                summary,
                days,
                Ui.label(texts.getString("roundsSettings.lunch"), Styles.CARD_TITLE),
                Ui.row(
                        field("roundsSettings.lunchEarliest", RoundsSettingsViewModel.LUNCH_EARLIEST),
                        field("roundsSettings.lunchLatest", RoundsSettingsViewModel.LUNCH_LATEST),
                        field("roundsSettings.lunchMinutes", RoundsSettingsViewModel.LUNCH_MINUTES)),
                Ui.label(texts.getString("roundsSettings.daysOff"), Styles.CARD_TITLE),
                Ui.row(
                        Ui.field(texts.getString("roundsSettings.dayOffFrom"), from, null),
                        Ui.field(texts.getString("roundsSettings.dayOffTo"), to, null),
                        bottom(add)),
                daysOffError,
                daysOff,
                saveSchedule);
        Ui.showWhen(hours, vm.loadedProperty());

        VBox column = new VBox(16, message, error, office, hours);
        column.setId("rounds-root");
        return Ui.page(column);
    }

    private Node field(String labelKey, String name) {
        TextField input = new TextField();
        input.setId("rounds-" + name);
        input.textProperty().bindBidirectional(vm.field(name));
        return Ui.field(texts.getString(labelKey), input, vm.errorOf(name));
    }

    /** A worked day: its box, its two times, and its error under them. */
    private Node dayRow(DayRow d) {
        CheckBox worked = new CheckBox(d.label());
        worked.setId("rounds-day-" + d.code());
        worked.setMinWidth(110);
        worked.selectedProperty().bindBidirectional(d.workedProperty());
        TextField start = new TextField();
        start.setId("rounds-day-" + d.code() + "-start");
        start.setPrefColumnCount(5);
        start.setPromptText("08:30");
        start.setAccessibleText(d.label() + " — " + texts.getString("roundsSettings.start"));
        start.textProperty().bindBidirectional(d.startProperty());
        start.disableProperty().bind(Bindings.not(d.workedProperty()));
        TextField end = new TextField();
        end.setId("rounds-day-" + d.code() + "-end");
        end.setPrefColumnCount(5);
        end.setPromptText("17:00");
        end.setAccessibleText(d.label() + " — " + texts.getString("roundsSettings.end"));
        end.textProperty().bindBidirectional(d.endProperty());
        end.disableProperty().bind(Bindings.not(d.workedProperty()));
        HBox times = new HBox(
                8,
                worked,
                Ui.label(texts.getString("roundsSettings.start"), Styles.HINT),
                start,
                Ui.label(texts.getString("roundsSettings.end"), Styles.HINT),
                end);
        times.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label error = Ui.bound(d.errorProperty(), Styles.FIELD_ERROR);
        error.setId("rounds-day-" + d.code() + "-error");
        error.setWrapText(true);
        Ui.hideWhenBlank(error);
        return new VBox(2, times, error);
    }

    private Node dayOff(LocalDate d) {
        Button remove = Ui.iconButton(Material2AL.CLOSE, texts.getString("roundsSettings.removeDayOff"));
        remove.setId("rounds-remove-" + d);
        remove.setOnAction(e -> vm.removeDayOff(d));
        HBox chip = new HBox(4, Ui.label(vm.dateText(d)), remove);
        chip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        chip.getStyleClass().add(Styles.CHIP);
        return chip;
    }

    private static Node bottom(Node n) {
        VBox box = new VBox(n);
        box.setAlignment(javafx.geometry.Pos.BOTTOM_LEFT);
        return box;
    }
}
