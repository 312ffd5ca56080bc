package fr.mediance.app.agenda;

import fr.mediance.app.core.agenda.AgendaViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Mes rendez-vous": one day or one week (Monday to Sunday, a heading and a count per day), previous / next /
 * today; one card per appointment with its type, status and reason; a tap (or Enter) opens the visit,
 * "Préparer" the appointment's panel.
 */
public final class AgendaView extends BasicScreen {

    private final AgendaViewModel vm;
    private final ResourceBundle texts;
    private final VBox list = new VBox(10);

    private Runnable newFile;
    private Runnable contact;
    private fr.mediance.app.core.agenda.AgendaChangesViewModel changes;

    public AgendaView(AgendaViewModel vm, ResourceBundle texts) {
        super(texts.getString("agenda.title"));
        this.vm = vm;
        this.texts = texts;
    }

    /**
     * The intake buttons above the day: "Nouveau dossier" (when the account may create one; null: not offered) and
     * "Contact sans rendez-vous". In the page rather than the app bar, so that the title stays readable on a phone.
     */
    public AgendaView withIntake(Runnable newFile, Runnable contact) {
        this.newFile = newFile;
        this.contact = contact;
        return this;
    }

    /** « 3 changements depuis hier » above the day (the counsellor's agenda); read each time the agenda shows. */
    public AgendaView withChanges(fr.mediance.app.core.agenda.AgendaChangesViewModel changes) {
        this.changes = changes;
        return this;
    }

    private Node intake() {
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 8);
        row.setId("agenda-intake");
        if (newFile != null) {
            Button b = Ui.button(texts.getString("newResident.action"), Material2MZ.PERSON_ADD, Styles.SECONDARY);
            b.setId("agenda-new-resident");
            b.setMinHeight(44);
            b.setOnAction(e -> newFile.run());
            row.getChildren().add(b);
        }
        if (contact != null) {
            Button c = Ui.button(texts.getString("contact.action"), Material2AL.ADD_IC_CALL, Styles.SECONDARY);
            c.setId("agenda-contact");
            c.setMinHeight(44);
            c.setOnAction(e -> contact.run());
            row.getChildren().add(c);
        }
        return row;
    }

    @Override
    protected Node build() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton day = segment(texts.getString("agenda.day.tab"), AgendaViewModel.Range.DAY, group, "agenda-today");
        ToggleButton week =
                segment(texts.getString("agenda.week.tab"), AgendaViewModel.Range.WEEK, group, "agenda-week");
        day.getStyleClass().add(atlantafx.base.theme.Styles.LEFT_PILL);
        week.getStyleClass().add(atlantafx.base.theme.Styles.RIGHT_PILL);
        (vm.rangeProperty().get() == AgendaViewModel.Range.WEEK ? week : day).setSelected(true);
        group.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                group.selectToggle(old);
            } else {
                vm.rangeProperty().set((AgendaViewModel.Range) t.getUserData());
            }
        });
        vm.rangeProperty().addListener((o, a, r) -> (r == AgendaViewModel.Range.WEEK ? week : day).setSelected(true));
        HBox segments = new HBox(day, week);
        segments.getStyleClass().add(Styles.TABS);

        Button previous = Ui.iconButton(Material2AL.CHEVRON_LEFT, "");
        previous.setId("agenda-previous");
        previous.accessibleTextProperty().bind(vm.previousTextProperty());
        previous.setOnAction(e -> vm.previous());
        Button next = Ui.iconButton(Material2AL.CHEVRON_RIGHT, "");
        next.setId("agenda-next");
        next.accessibleTextProperty().bind(vm.nextTextProperty());
        next.setOnAction(e -> vm.next());
        for (Button b : new Button[] {previous, next}) {
            b.setMinSize(44, 44);
            b.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
        }
        Button today = Ui.button(texts.getString("agenda.back.today"), Material2MZ.TODAY);
        today.setId("agenda-go-today");
        today.setMinHeight(44);
        today.visibleProperty().bind(vm.showingTodayProperty().not());
        today.managedProperty().bind(today.visibleProperty());
        today.setOnAction(e -> vm.goToToday());
        HBox tools = new HBox(12, segments, Ui.spacer(), today);
        tools.setAlignment(Pos.CENTER_LEFT);

        Label heading = Ui.bound(vm.headingProperty(), Styles.SECTION_TITLE);
        heading.setId("agenda-heading");
        heading.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(heading, Priority.ALWAYS);
        heading.setAlignment(Pos.CENTER);
        heading.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        HBox navigation = new HBox(4, previous, heading, next);
        navigation.setAlignment(Pos.CENTER);

        list.setId("agenda-list");
        vm.days().addListener((ListChangeListener<AgendaViewModel.Day>) c -> render());
        vm.emptyTextProperty().addListener((o, a, b) -> render());
        render();

        VBox column = new VBox(14, tools, navigation, list);
        if (newFile != null || contact != null) {
            column.getChildren().add(0, intake());
        }
        if (changes != null) {
            column.getChildren().add(0, AgendaChangesBanner.of(changes, texts));
        }
        return Ui.page(column);
    }

    private ToggleButton segment(String text, AgendaViewModel.Range range, ToggleGroup group, String id) {
        ToggleButton b = new ToggleButton(text);
        b.setUserData(range);
        b.setToggleGroup(group);
        b.setId(id);
        b.setMinHeight(44);
        b.setPrefWidth(120);
        return b;
    }

    private void render() {
        list.getChildren().clear();
        boolean week = vm.rangeProperty().get() == AgendaViewModel.Range.WEEK;
        if (!week && vm.items().isEmpty()) {
            VBox empty = Ui.emptyState(
                    Material2AL.EVENT_AVAILABLE, vm.emptyTextProperty().get(), texts.getString("agenda.empty.hint"));
            empty.setId("agenda-empty");
            list.getChildren().add(empty);
            return;
        }
        for (AgendaViewModel.Day d : vm.days()) {
            if (week) {
                list.getChildren().add(dayHeader(d));
            } else {
                Label count = Ui.label(d.countText(), Styles.MUTED, Styles.SMALL);
                count.setId("agenda-count-" + d.date());
                list.getChildren().add(count);
            }
            for (AgendaViewModel.Row row : d.rows()) {
                list.getChildren().add(item(row));
            }
        }
    }

    /** "Lundi 30 novembre · 2 rendez-vous": a tap shows that day alone. */
    private Node dayHeader(AgendaViewModel.Day d) {
        Label title = new Label(d.title());
        title.getStyleClass().add(Styles.SECTION_TITLE);
        title.setWrapText(true);
        title.setMinHeight(Label.USE_PREF_SIZE);
        Label count = new Label(d.countText());
        count.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
        count.setId("agenda-count-" + d.date());
        VBox text = new VBox(2, title, count);
        HBox header = new HBox(10, text, Ui.spacer(), Icons.of(Material2AL.CHEVRON_RIGHT, 18));
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 4, 0, 2));
        header.setMinHeight(44);
        header.getStyleClass().add("agenda-day");
        if (d.today()) {
            header.getStyleClass().add("agenda-today");
        }
        header.setId("agenda-day-" + d.date());
        header.setFocusTraversable(true);
        header.setAccessibleRole(AccessibleRole.BUTTON);
        header.setAccessibleText(java.text.MessageFormat.format(texts.getString("agenda.day.open"), d.title()));
        header.setOnMouseClicked(e -> vm.showDay(d.date()));
        header.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                vm.showDay(d.date());
                e.consume();
            }
        });
        return header;
    }

    static Ikon typeIcon(String type) {
        return switch (type == null ? "" : type) {
            case "desk" -> Material2AL.BUSINESS;
            case "phone" -> Material2MZ.PHONE;
            case "video" -> Material2MZ.VIDEOCAM;
            default -> Material2AL.HOME;
        };
    }

    static String statusStyle(AgendaViewModel.StatusKind kind) {
        return switch (kind) {
            case DONE -> Styles.STATUS_DONE;
            case ABSENT, CANCELLED -> Styles.STATUS_CANCELLED;
            case PROPOSED -> Styles.STATUS_WAITING;
            case CONFIRMED -> Styles.STATUS_PLANNED;
        };
    }

    private Node item(AgendaViewModel.Row row) {
        Label time = new Label(row.timeRange(), Icons.of(Material2AL.ACCESS_TIME, 18));
        time.getStyleClass().add(Styles.ITEM_TIME);
        time.setMinWidth(Label.USE_PREF_SIZE);
        Label type = new Label(row.typeLabel(), Icons.of(typeIcon(row.type()), 18));
        type.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
        type.setId("appointment-" + row.appointmentId() + "-type");
        Label status = new Label(row.statusLabel());
        status.getStyleClass().addAll(Styles.STATUS, statusStyle(row.statusKind()));
        FlowPane top = new FlowPane(10, 4, time, type, status);
        top.setAlignment(Pos.CENTER_LEFT);
        if (!row.reportLabel().isEmpty()) {
            Label report = new Label(row.reportLabel());
            report.getStyleClass().addAll(Styles.STATUS);
            top.getChildren().add(report);
        }
        if (!row.overlapLabel().isEmpty()) {
            Label overlap = new Label(row.overlapLabel(), Icons.of(Material2MZ.WARNING, 16));
            overlap.getStyleClass().addAll(Styles.STATUS, Styles.STATUS_CANCELLED);
            overlap.setId("appointment-" + row.appointmentId() + "-overlap");
            top.getChildren().add(overlap);
        }
        Label name = Ui.label(row.residentName(), Styles.ITEM_TITLE);
        Label address = new Label(row.address(), Icons.of(Material2MZ.PLACE, 18));
        address.setWrapText(true);
        address.setMinHeight(Label.USE_PREF_SIZE);
        address.getStyleClass().add(Styles.MUTED);
        VBox middle = new VBox(6, top, name, address);
        if (!row.statusReason().isEmpty()) {
            Label reason = Ui.label(
                    java.text.MessageFormat.format(texts.getString("appointment.status.reason"), row.statusReason()),
                    Styles.HINT);
            reason.setId("appointment-" + row.appointmentId() + "-reason");
            middle.getChildren().add(reason);
        }
        if (!row.accessNotes().isEmpty() && row.homeVisit()) {
            Label access = new Label(row.accessNotes(), Icons.of(Material2AL.INFO, 18));
            access.setWrapText(true);
            access.setMinHeight(Label.USE_PREF_SIZE);
            access.getStyleClass().add(Styles.HINT);
            middle.getChildren().add(access);
        }
        HBox.setHgrow(middle, Priority.ALWAYS);
        middle.setMinWidth(0);

        Button prepare = Ui.button(texts.getString("agenda.prepare"), Material2AL.ASSIGNMENT);
        prepare.setId("appointment-" + row.appointmentId() + "-prepare");
        prepare.getStyleClass().add("prepare-button");
        prepare.setAccessibleText(texts.getString("agenda.prepare") + " " + row.residentName());
        prepare.setMinHeight(44);
        prepare.setMinWidth(44);
        prepare.setOnAction(e -> vm.prepare(row.appointmentId()));
        HBox card = new HBox(12, middle, prepare);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add(Styles.LIST_ITEM);
        if (row.homeVisit()) {
            card.getStyleClass().add("home-visit");
        }
        if (row.statusKind() == AgendaViewModel.StatusKind.ABSENT
                || row.statusKind() == AgendaViewModel.StatusKind.CANCELLED) {
            card.getStyleClass().add("appointment-off");
        }
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
        if (changes != null) {
            changes.refresh();
        }
    }
}
