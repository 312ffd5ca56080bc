package fr.mediance.app.planning;

import fr.mediance.app.core.planning.PlanningViewModel;
import fr.mediance.app.core.planning.PlanningViewModel.ResidentMode;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** "Planification": a resident (existing or new) and a home appointment for a counsellor; the planned list. */
public final class PlanningView extends BasicScreen {

    private final PlanningViewModel vm;
    private final ResourceBundle texts;
    private final VBox results = new VBox(6);
    private final VBox plannedList = new VBox(8);

    private java.util.function.Consumer<String> onEdit;

    public PlanningView(PlanningViewModel vm, ResourceBundle texts) {
        super(texts.getString("planning.title"));
        this.vm = vm;
        this.texts = texts;
    }

    /** Offers « Modifier » on each planned appointment (move, cancel, lock, checklist and safety notes). */
    public PlanningView withEdit(java.util.function.Consumer<String> onEdit) {
        this.onEdit = onEdit;
        return this;
    }

    @Override
    protected Node build() {
        // ----- resident
        ToggleGroup mode = new ToggleGroup();
        ToggleButton existing = modeButton(
                texts.getString("planning.resident.mode.existing"), ResidentMode.EXISTING, mode, Material2MZ.PERSON);
        ToggleButton created = modeButton(
                texts.getString("planning.resident.mode.new"), ResidentMode.NEW, mode, Material2MZ.PERSON_ADD);
        existing.getStyleClass().add(atlantafx.base.theme.Styles.LEFT_PILL);
        created.getStyleClass().add(atlantafx.base.theme.Styles.RIGHT_PILL);
        created.visibleProperty().bind(vm.residentCreationOfferedProperty());
        created.managedProperty().bind(created.visibleProperty());
        (vm.residentModeProperty().get() == ResidentMode.NEW ? created : existing).setSelected(true);
        mode.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                mode.selectToggle(old);
            } else {
                vm.residentModeProperty().set((ResidentMode) t.getUserData());
            }
        });
        vm.residentModeProperty()
                .addListener((o, a, m) -> (m == ResidentMode.NEW ? created : existing).setSelected(true));
        HBox modes = new HBox(existing, created);

        TextField search = new TextField();
        search.setId("planning-search");
        search.setPromptText(texts.getString("planning.resident.search.prompt"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        Label selected = Ui.label("", Styles.FIELD_LABEL);
        selected.setId("planning-selected");
        selected.textProperty()
                .bind(vm.selectedResidentProperty()
                        .map(r -> java.text.MessageFormat.format(
                                texts.getString("planning.resident.selected"), r.displayName()))
                        .orElse(""));
        selected.visibleProperty().bind(vm.selectedResidentProperty().isNotNull());
        selected.managedProperty().bind(selected.visibleProperty());
        Label residentError = Ui.bound(vm.errorProperty(PlanningViewModel.RESIDENT), Styles.FIELD_ERROR);
        residentError.setId("planning-resident-error");
        Ui.hideWhenBlank(residentError);
        vm.searchResults().addListener((ListChangeListener<Resident>) c -> renderResults());
        vm.selectedResidentProperty().addListener((o, a, b) -> renderResults());
        renderResults();
        VBox existingBox = new VBox(
                8,
                Ui.field(texts.getString("planning.resident.search"), search, null),
                results,
                selected,
                residentError);

        ComboBox<CodeItem> reason = new ComboBox<>(vm.mobilityReasons());
        reason.setId("planning-mobilityReason");
        reason.setMaxWidth(Double.MAX_VALUE);
        reason.setCellFactory(l -> CodeChoices.cell());
        reason.setButtonCell(CodeChoices.cell());
        reason.valueProperty()
                .addListener((o, a, item) -> vm.mobilityReasonProperty().set(item == null ? null : item.code()));
        vm.mobilityReasonProperty().addListener((o, a, code) -> {
            if (code == null) {
                reason.setValue(null);
            }
        });
        VBox newBox = new VBox(
                12,
                Ui.row(
                        text(PlanningViewModel.LAST_NAME, "planning.resident.lastName"),
                        text(PlanningViewModel.FIRST_NAME, "planning.resident.firstName")),
                Ui.row(text(PlanningViewModel.PHONE, "planning.resident.phone"), new VBox()),
                text(PlanningViewModel.STREET, "planning.resident.street"),
                Ui.row(
                        text(PlanningViewModel.POSTCODE, "planning.resident.postcode"),
                        text(PlanningViewModel.CITY, "planning.resident.city")),
                area(PlanningViewModel.ACCESS_NOTES, "planning.resident.accessNotes", 2),
                Ui.field(
                        texts.getString("planning.resident.mobilityReason"),
                        reason,
                        vm.errorProperty(PlanningViewModel.MOBILITY_REASON)));
        existingBox.visibleProperty().bind(vm.residentModeProperty().isEqualTo(ResidentMode.EXISTING));
        existingBox.managedProperty().bind(existingBox.visibleProperty());
        newBox.visibleProperty().bind(vm.residentModeProperty().isEqualTo(ResidentMode.NEW));
        newBox.managedProperty().bind(newBox.visibleProperty());
        VBox residentCard = Ui.card(
                Ui.label(texts.getString("planning.resident.section"), Styles.SECTION_TITLE),
                modes,
                existingBox,
                newBox);

        // ----- appointment
        ComboBox<UserItem> counsellor = new ComboBox<>(vm.counsellors());
        counsellor.setId("planning-counsellor");
        counsellor.setMaxWidth(Double.MAX_VALUE);
        counsellor.setCellFactory(l -> CodeChoices.cell(UserItem::name));
        counsellor.setButtonCell(CodeChoices.cell(UserItem::name));
        counsellor.valueProperty().bindBidirectional(vm.counsellorProperty());
        Label counsellorsHint = Ui.bound(vm.counsellorsHintProperty(), Styles.HINT);
        Ui.hideWhenBlank(counsellorsHint);
        VBox counsellorField = Ui.field(
                texts.getString("planning.appointment.counsellor"),
                counsellor,
                vm.errorProperty(PlanningViewModel.COUNSELLOR));
        counsellorField.getChildren().add(counsellorsHint);

        TextField date = (TextField) input(PlanningViewModel.DATE, new TextField());
        date.setPromptText(texts.getString("planning.appointment.date.prompt"));
        TextField start = (TextField) input(PlanningViewModel.START, new TextField());
        start.setPromptText(texts.getString("planning.appointment.start.prompt"));
        TextField duration = (TextField) input(PlanningViewModel.DURATION, new TextField());

        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("planning-form-error");
        Ui.hideWhenBlank(formError);
        Button submit = Ui.button(texts.getString("planning.submit"), Material2AL.EVENT_AVAILABLE, Styles.PRIMARY);
        submit.setId("planning-submit");
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(vm.busyProperty());
        submit.setOnAction(e -> vm.submit());

        VBox appointmentCard = Ui.card(
                Ui.label(texts.getString("planning.appointment.section"), Styles.SECTION_TITLE),
                counsellorField,
                Ui.row(
                        Ui.field(
                                texts.getString("planning.appointment.date"),
                                date,
                                vm.errorProperty(PlanningViewModel.DATE)),
                        Ui.field(
                                texts.getString("planning.appointment.start"),
                                start,
                                vm.errorProperty(PlanningViewModel.START)),
                        Ui.field(
                                texts.getString("planning.appointment.duration"),
                                duration,
                                vm.errorProperty(PlanningViewModel.DURATION))),
                area(PlanningViewModel.NOTES, "planning.appointment.notes", 2),
                formError,
                submit);

        // ----- planned list
        plannedList.setId("planning-list");
        vm.planned().addListener((ListChangeListener<PlanningViewModel.PlannedRow>) c -> renderPlanned());
        renderPlanned();
        VBox plannedCard = Ui.card(Ui.label(texts.getString("planning.list.title"), Styles.SECTION_TITLE), plannedList);

        VBox column = new VBox(16, residentCard, appointmentCard, plannedCard);
        return Ui.page(column);
    }

    private ToggleButton modeButton(String text, ResidentMode m, ToggleGroup group, org.kordamp.ikonli.Ikon icon) {
        ToggleButton b = new ToggleButton(text, Icons.of(icon));
        b.setUserData(m);
        b.setToggleGroup(group);
        b.setId("planning-mode-" + m.name().toLowerCase(java.util.Locale.ROOT));
        b.setMinHeight(44);
        b.setMnemonicParsing(false);
        return b;
    }

    private VBox text(String field, String labelKey) {
        return Ui.field(texts.getString(labelKey), input(field, new TextField()), vm.errorProperty(field));
    }

    private VBox area(String field, String labelKey, int rows) {
        TextArea a = new TextArea();
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        if (field.equals(PlanningViewModel.ACCESS_NOTES)) {
            a.setPromptText(texts.getString("planning.resident.accessNotes.prompt"));
        }
        return Ui.field(texts.getString(labelKey), input(field, a), vm.errorProperty(field));
    }

    private TextInputControl input(String field, TextInputControl control) {
        control.setId("planning-" + field);
        control.textProperty().bindBidirectional(vm.field(field));
        return control;
    }

    private void renderResults() {
        results.getChildren().clear();
        if (vm.searchResults().isEmpty()) {
            results.getChildren().add(Ui.label(texts.getString("planning.resident.none"), Styles.MUTED));
            return;
        }
        int shown = 0;
        for (Resident r : vm.searchResults()) {
            if (shown++ == 6) {
                break;
            }
            Label name = Ui.label(r.displayName(), Styles.ITEM_TITLE);
            Label address = Ui.label(r.addressLine(), Styles.MUTED, Styles.SMALL);
            VBox text = new VBox(2, name, address);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(10, Icons.of(Material2MZ.PERSON), text);
            line.setAlignment(Pos.CENTER_LEFT);
            HBox pick = line;
            pick.setMaxWidth(Double.MAX_VALUE);
            pick.setFocusTraversable(true);
            pick.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
            pick.getStyleClass().add(Styles.LIST_ITEM);
            pick.setId("resident-" + r.id());
            Resident chosen = vm.selectedResidentProperty().get();
            if (chosen != null && chosen.id().equals(r.id())) {
                pick.getStyleClass().add(Styles.CHIP_SELECTED);
            }
            pick.setOnMouseClicked(e -> vm.selectedResidentProperty().set(r));
            pick.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ENTER
                        || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                    vm.selectedResidentProperty().set(r);
                }
            });
            results.getChildren().add(pick);
        }
    }

    private void renderPlanned() {
        plannedList.getChildren().clear();
        if (vm.planned().isEmpty()) {
            plannedList.getChildren().add(Ui.label(texts.getString("planning.list.empty"), Styles.MUTED));
            return;
        }
        for (PlanningViewModel.PlannedRow row : vm.planned()) {
            Label when = Ui.label(row.when(), Styles.ITEM_TIME);
            Label who = Ui.label(row.residentName() + " · " + row.counsellorName(), Styles.ITEM_TITLE);
            Label address = Ui.label(row.address(), Styles.MUTED, Styles.SMALL);
            Label status = new Label(row.statusLabel());
            status.getStyleClass().addAll(Styles.STATUS, Styles.STATUS_PLANNED);
            VBox item = new VBox(4, when, who, address, status);
            if (onEdit != null) {
                Button edit = Ui.button(
                        texts.getString("planning.edit.title"),
                        org.kordamp.ikonli.material2.Material2AL.EDIT,
                        Styles.SECONDARY);
                edit.setId("planning-edit-" + row.appointmentId());
                edit.setMinHeight(44);
                edit.setOnAction(e -> onEdit.accept(row.appointmentId()));
                item.getChildren().add(edit);
            }
            item.getStyleClass().add(Styles.LIST_ITEM);
            plannedList.getChildren().add(item);
        }
    }

    @Override
    public void onShow() {
        vm.refresh();
    }
}
