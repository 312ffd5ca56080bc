package fr.mediance.app.rounds;

import fr.mediance.app.core.rounds.RequestQueueViewModel;
import fr.mediance.app.core.rounds.RequestQueueViewModel.Mode;
import fr.mediance.app.core.rounds.RequestQueueViewModel.Row;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.HomeVisits;
import java.time.LocalDate;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Demandes à visiter » (coordination): the requests waiting for a home visit, urgent first, each with who, where,
 * what visit and when the person can receive; the requests without a wish apart; the wish edited in place. From here:
 * « Proposer la semaine » and « Personnes à prévenir ».
 */
public final class RequestQueueView extends BasicScreen {
    private final RequestQueueViewModel vm;
    private final ResourceBundle texts;
    private final Runnable onPropose;
    private final Runnable onInform;

    public RequestQueueView(RequestQueueViewModel vm, ResourceBundle texts, Runnable onPropose, Runnable onInform) {
        super(texts.getString("queue.title"));
        this.vm = vm;
        this.texts = texts;
        this.onPropose = onPropose;
        this.onInform = onInform;
    }

    @Override
    public void onShow() {
        vm.refresh();
    }

    @Override
    protected Node build() {
        Button propose = Ui.button(texts.getString("queue.propose"), Material2AL.DATE_RANGE, Styles.PRIMARY);
        propose.setId("queue-propose");
        propose.setMinHeight(44);
        propose.setOnAction(e -> onPropose.run());
        Button inform = Ui.button(texts.getString("queue.inform"), Material2AL.CALL, Styles.SECONDARY);
        inform.setId("queue-inform");
        inform.setMinHeight(44);
        inform.setOnAction(e -> onInform.run());
        FlowPane actions = new FlowPane(12, 8, propose, inform);

        ToggleGroup group = new ToggleGroup();
        ToggleButton waiting = segment(texts.getString("queue.mode.waiting"), Mode.WAITING, group, "queue-waiting");
        ToggleButton none =
                segment(texts.getString("queue.mode.withoutWish"), Mode.WITHOUT_WISH, group, "queue-without");
        waiting.getStyleClass().add(atlantafx.base.theme.Styles.LEFT_PILL);
        none.getStyleClass().add(atlantafx.base.theme.Styles.RIGHT_PILL);
        (vm.modeProperty().get() == Mode.WAITING ? waiting : none).setSelected(true);
        group.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                group.selectToggle(old);
            } else {
                vm.modeProperty().set((Mode) t.getUserData());
            }
        });
        HBox segments = new HBox(waiting, none);
        segments.getStyleClass().add(Styles.TABS);

        CheckBox urgent = new CheckBox(texts.getString("queue.filter.urgent"));
        urgent.setId("queue-urgent-only");
        urgent.selectedProperty().bindBidirectional(vm.urgentOnlyProperty());
        CheckBox known = new CheckBox(texts.getString("queue.filter.counsellorKnown"));
        known.setId("queue-counsellor-known");
        known.selectedProperty().bindBidirectional(vm.counsellorKnownProperty());
        FlowPane filters = new FlowPane(16, 8, segments, urgent, known);
        filters.setAlignment(Pos.CENTER_LEFT);

        Label summary = Ui.bound(vm.summaryProperty(), Styles.HINT);
        summary.setId("queue-summary");
        Label error = Ui.bound(vm.errorProperty(), Styles.FORM_ERROR);
        Ui.hideWhenBlank(error);

        VBox editor = editor();
        Ui.showWhen(editor, vm.editingProperty().isNotNull());

        VBox list = new VBox(8);
        list.setId("queue-list");
        Runnable fill = () -> {
            list.getChildren().clear();
            if (vm.rows().isEmpty()) {
                list.getChildren().add(Ui.label(texts.getString("queue.empty"), Styles.HINT));
            }
            for (Row r : vm.rows()) {
                list.getChildren().add(row(r));
            }
        };
        vm.rows().addListener((ListChangeListener<Row>) c -> fill.run());
        fill.run();

        VBox column = new VBox(12, actions, filters, summary, error, editor, list);
        column.setId("queue-root");
        return Ui.page(column);
    }

    private static ToggleButton segment(String text, Mode mode, ToggleGroup group, String id) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(mode);
        b.setToggleGroup(group);
        b.setMinHeight(44);
        b.setFocusTraversable(true);
        b.getStyleClass().add(Styles.TAB);
        return b;
    }

    private Node row(Row r) {
        Label name = Ui.label(r.name() + (r.fileNumber().isEmpty() ? "" : " · " + r.fileNumber()), Styles.ITEM_TITLE);
        FlowPane who = new FlowPane(8, 4, name);
        who.setAlignment(Pos.CENTER_LEFT);
        if (!r.deadlineText().isEmpty()) {
            Label deadline = Ui.label(
                    r.deadlineText(), Styles.STATUS, r.overdue() ? Styles.STATUS_CANCELLED : Styles.STATUS_WAITING);
            deadline.setId("queue-deadline-" + r.requestId());
            who.getChildren().add(deadline);
        }
        HBox.setHgrow(who, Priority.ALWAYS);
        HBox head = new HBox(8, who);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = Ui.card(head);
        card.setId("queue-row-" + r.requestId());
        card.setSpacing(4);
        String where = r.neighbourhood().isEmpty() ? r.visit() : r.neighbourhood() + " · " + r.visit();
        card.getChildren().add(Ui.label(where));
        if (!r.availability().isEmpty()) {
            card.getChildren()
                    .add(Ui.label(
                            java.text.MessageFormat.format(texts.getString("queue.availability"), r.availability()),
                            Styles.MUTED));
        }
        for (String s : new String[] {r.avoid(), r.counsellor(), r.mobility()}) {
            if (!s.isEmpty()) {
                card.getChildren().add(Ui.label(s, Styles.MUTED));
            }
        }
        if (!r.located()) {
            Label where2 = Ui.label(texts.getString("queue.noLocation"), Styles.FORM_ERROR);
            where2.setGraphic(fr.mediance.app.shell.Icons.of(Material2AL.LOCATION_OFF));
            where2.setId("queue-nolocation-" + r.requestId());
            card.getChildren().add(where2);
        }
        Button edit = Ui.button(
                texts.getString(r.wish() == null ? "queue.addWish" : "queue.edit"), Material2AL.EDIT, Styles.SECONDARY);
        edit.setId("queue-edit-" + r.requestId());
        edit.setMinHeight(44);
        edit.setOnAction(e -> vm.edit(r));
        edit.setMinWidth(Button.USE_PREF_SIZE);
        head.getChildren().add(edit);
        return card;
    }

    private VBox editor() {
        Label title = Ui.label(texts.getString("queue.wish.title"), Styles.CARD_TITLE);
        Label who = Ui.label("", Styles.HINT);
        who.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.editingProperty().get() == null
                                ? ""
                                : vm.editingProperty().get().name() + " · "
                                        + vm.editingProperty().get().fileNumber(),
                        vm.editingProperty()));

        ComboBox<String> kind = new ComboBox<>();
        kind.setId("wish-kind");
        kind.getItems().setAll(HomeVisits.KINDS);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : vm.kindLabel(code);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        Label usual = Ui.bound(vm.usualProperty(), Styles.HINT);
        TextField minutes = new TextField();
        minutes.setId("wish-minutes");
        minutes.textProperty().bindBidirectional(vm.minutesProperty());

        FlowPane halfDays = new FlowPane(8, 8);
        for (String code : HomeVisits.HALF_DAYS) {
            ToggleButton t = new ToggleButton(vm.halfDayLabel(code));
            t.setId("wish-" + code);
            t.setMinHeight(44);
            t.getStyleClass().add(Styles.CHIP);
            t.selectedProperty().bindBidirectional(vm.halfDayProperty(code));
            halfDays.getChildren().add(t);
        }

        FlowPane avoid = new FlowPane(8, 8);
        avoid.setId("wish-avoid-dates");
        Runnable fillAvoid = () -> {
            avoid.getChildren().clear();
            for (LocalDate d : vm.avoidDates()) {
                Button b = Ui.button(vm.dateText(d), Material2MZ.REMOVE_CIRCLE_OUTLINE, Styles.CHIP);
                b.setAccessibleText(texts.getString("queue.wish.avoid.remove") + " " + vm.dateText(d));
                b.setMinHeight(44);
                b.setOnAction(e -> vm.removeAvoidDate(d));
                avoid.getChildren().add(b);
            }
        };
        vm.avoidDates().addListener((ListChangeListener<LocalDate>) c -> fillAvoid.run());
        fillAvoid.run();
        TextField avoidInput = new TextField();
        avoidInput.setId("wish-avoid-input");
        avoidInput.setPromptText(texts.getString("queue.wish.avoid.prompt"));
        avoidInput.textProperty().bindBidirectional(vm.avoidInputProperty());
        avoidInput.setOnAction(e -> vm.addAvoidDate());
        Button add = Ui.button(texts.getString("queue.wish.avoid.add"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("wish-avoid-add");
        add.setMinHeight(44);
        add.setOnAction(e -> vm.addAvoidDate());
        HBox avoidRow = new HBox(8, avoidInput, add);
        HBox.setHgrow(avoidInput, Priority.ALWAYS);

        Label error = Ui.bound(vm.wishErrorProperty(), Styles.FORM_ERROR);
        error.setId("wish-error");
        Ui.hideWhenBlank(error);
        Button save = Ui.button(texts.getString("queue.wish.save"), Material2MZ.SAVE, Styles.PRIMARY);
        save.setId("wish-save");
        save.setMinHeight(44);
        save.setOnAction(e -> vm.saveWish());
        Button cancel = Ui.button(texts.getString("queue.wish.cancel"), null, Styles.SECONDARY);
        cancel.setId("wish-cancel");
        cancel.setMinHeight(44);
        cancel.setOnAction(e -> vm.closeEditor());

        VBox card = Ui.card(
                title,
                who,
                Ui.row(
                        Ui.field(texts.getString("queue.wish.kind"), kind, null),
                        Ui.field(texts.getString("queue.wish.minutes"), minutes, null)),
                usual,
                Ui.label(texts.getString("queue.wish.availability"), Styles.FIELD_LABEL),
                halfDays,
                Ui.label(texts.getString("queue.wish.avoid"), Styles.FIELD_LABEL),
                avoid,
                avoidRow,
                error,
                new HBox(12, save, cancel));
        card.setId("wish-editor");
        card.setSpacing(8);
        return card;
    }
}
