package fr.mediance.app.agenda;

import java.util.ResourceBundle;

import fr.mediance.app.core.agenda.AgendaViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** "Mes rendez-vous": today or the week, one card per appointment; a tap (or Enter) opens the visit. */
public final class AgendaView extends BasicScreen {

    private final AgendaViewModel vm;
    private final ResourceBundle texts;
    private final VBox list = new VBox(10);

    public AgendaView(AgendaViewModel vm, ResourceBundle texts) {
        super(texts.getString("agenda.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton today = segment(texts.getString("agenda.today"), AgendaViewModel.Range.TODAY, group, "agenda-today");
        ToggleButton week = segment(texts.getString("agenda.week"), AgendaViewModel.Range.WEEK, group, "agenda-week");
        today.getStyleClass().add(atlantafx.base.theme.Styles.LEFT_PILL);
        week.getStyleClass().add(atlantafx.base.theme.Styles.RIGHT_PILL);
        (vm.rangeProperty().get() == AgendaViewModel.Range.WEEK ? week : today).setSelected(true);
        group.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                group.selectToggle(old);
            } else {
                vm.rangeProperty().set((AgendaViewModel.Range) t.getUserData());
            }
        });
        HBox segments = new HBox(today, week);
        segments.getStyleClass().add(Styles.TABS);

        Label heading = Ui.bound(vm.headingProperty(), Styles.SECTION_TITLE);
        heading.setId("agenda-heading");

        list.setId("agenda-list");
        vm.items().addListener((ListChangeListener<AgendaViewModel.Row>) c -> render());
        vm.emptyTextProperty().addListener((o, a, b) -> render());
        render();

        VBox column = new VBox(14, segments, heading, list);
        return Ui.page(column);
    }

    private ToggleButton segment(String text, AgendaViewModel.Range range, ToggleGroup group, String id) {
        ToggleButton b = new ToggleButton(text);
        b.setUserData(range);
        b.setToggleGroup(group);
        b.setId(id);
        b.setMinHeight(44);
        b.setPrefWidth(150);
        return b;
    }

    private void render() {
        list.getChildren().clear();
        if (vm.items().isEmpty()) {
            VBox empty = Ui.emptyState(Material2AL.EVENT_AVAILABLE, vm.emptyTextProperty().get(), texts.getString("agenda.empty.hint"));
            empty.setId("agenda-empty");
            list.getChildren().add(empty);
            return;
        }
        for (AgendaViewModel.Row row : vm.items()) {
            if (!row.dayText().isEmpty()) {
                Label day = Ui.label(row.dayText(), Styles.SECTION_TITLE);
                day.setPadding(new javafx.geometry.Insets(8, 0, 0, 2));
                list.getChildren().add(day);
            }
            list.getChildren().add(item(row));
        }
    }

    private Node item(AgendaViewModel.Row row) {
        Label time = new Label(row.timeRange(), Icons.of(Material2AL.ACCESS_TIME, 18));
        time.getStyleClass().add(Styles.ITEM_TIME);
        time.setMinWidth(Label.USE_PREF_SIZE);
        Label type = new Label(row.typeLabel());
        type.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
        Label status = new Label(row.statusLabel());
        status.getStyleClass().addAll(Styles.STATUS, switch (row.statusKind()) {
            case DONE -> Styles.STATUS_DONE;
            case CANCELLED -> Styles.STATUS_CANCELLED;
            case PLANNED -> Styles.STATUS_PLANNED;
        });
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(10, 4, time, type, status);
        top.setAlignment(Pos.CENTER_LEFT);
        if (!row.reportLabel().isEmpty()) {
            Label report = new Label(row.reportLabel());
            report.getStyleClass().addAll(Styles.STATUS);
            top.getChildren().add(report);
        }
        Label name = Ui.label(row.residentName(), Styles.ITEM_TITLE);
        Label address = new Label(row.address(), Icons.of(Material2MZ.PLACE, 18));
        address.setWrapText(true);
        address.setMinHeight(Label.USE_PREF_SIZE);
        address.getStyleClass().add(Styles.MUTED);
        VBox middle = new VBox(6, top, name, address);
        if (!row.accessNotes().isEmpty()) {
            Label access = new Label(row.accessNotes(), Icons.of(Material2AL.INFO, 18));
            access.setWrapText(true);
            access.setMinHeight(Label.USE_PREF_SIZE);
            access.getStyleClass().add(Styles.HINT);
            middle.getChildren().add(access);
        }
        HBox.setHgrow(middle, Priority.ALWAYS);
        middle.setMinWidth(0);
        VBox left = new VBox();

        Node chevron = Icons.of(Material2AL.CHEVRON_RIGHT);
        HBox card = new HBox(12, middle, chevron);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add(Styles.LIST_ITEM);
        card.setFocusTraversable(true);
        card.setAccessibleRole(AccessibleRole.BUTTON);
        card.setAccessibleText(texts.getString("agenda.open") + " " + row.residentName() + " " + row.timeRange());
        card.setId("appointment-" + row.appointmentId());
        card.setOnMouseClicked(e -> vm.open(row.appointmentId()));
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                vm.open(row.appointmentId());
                e.consume();
            }
        });
        return card;
    }

    @Override
    public void onShow() {
        vm.refresh();
    }
}
