package fr.mediance.app.task;

import fr.mediance.app.core.task.MyTasksViewModel;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Screen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Mes suivis": the open tasks in four groups (late, today, this week, later); a tap opens the resident's
 * file, "Fait" and "Abandonner" close a task, and "Annuler" in the bar below undoes it for a few seconds.
 */
public final class MyTasksView implements Screen {
    private final MyTasksViewModel vm;
    private final ResourceBundle texts;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final VBox groups = new VBox(16);
    private final PauseTransition undoTimeout = new PauseTransition(Duration.seconds(8));
    private Node node;

    public MyTasksView(MyTasksViewModel vm, ResourceBundle texts) {
        this.vm = vm;
        this.texts = texts;
        title.set(texts.getString("tasks.title"));
    }

    @Override
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    @Override
    public void onShow() {
        vm.refresh();
    }

    private Node build() {
        Label summary = Ui.bound(vm.summaryProperty(), Styles.MUTED);
        summary.setId("tasks-summary");
        Ui.hideWhenBlank(summary);
        VBox empty = Ui.emptyState(
                Material2AL.ALARM_ON, texts.getString("tasks.empty"), texts.getString("tasks.empty.hint"));
        empty.setId("tasks-empty");
        empty.visibleProperty().bind(vm.emptyProperty());
        empty.managedProperty().bind(empty.visibleProperty());
        groups.setId("tasks-groups");
        groups.visibleProperty().bind(vm.emptyProperty().not());
        groups.managedProperty().bind(groups.visibleProperty());
        vm.groups().addListener((ListChangeListener<MyTasksViewModel.Group>) c -> render());
        render();

        Label undoText = Ui.bound(vm.undoTextProperty());
        HBox.setHgrow(undoText, Priority.ALWAYS);
        undoText.setMaxWidth(Double.MAX_VALUE);
        Button undo = Ui.button(texts.getString("tasks.undo"), Material2MZ.UNDO, Styles.SECONDARY);
        undo.setId("tasks-undo");
        undo.setOnAction(e -> {
            undoTimeout.stop();
            vm.undo();
        });
        HBox bar = new HBox(12, undoText, undo);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.SNACKBAR);
        bar.setId("tasks-undo-bar");
        bar.setMaxHeight(HBox.USE_PREF_SIZE);
        bar.setMaxWidth(560);
        bar.visibleProperty().bind(vm.undoTextProperty().isNotEmpty());
        undoTimeout.setOnFinished(e -> vm.dismissUndo());
        vm.undoTextProperty().addListener((o, a, b) -> {
            if (b.isEmpty()) {
                undoTimeout.stop();
            } else {
                undoTimeout.playFromStart();
            }
        });
        StackPane root = new StackPane(Ui.page(new VBox(16, summary, empty, groups)), bar);
        StackPane.setAlignment(bar, Pos.BOTTOM_CENTER);
        StackPane.setMargin(bar, new javafx.geometry.Insets(0, 12, 16, 12));
        return root;
    }

    private void render() {
        groups.getChildren().clear();
        for (MyTasksViewModel.Group g : vm.groups()) {
            if (g.count() == 0) {
                continue;
            }
            Label heading = Ui.label(g.title(), Styles.SECTION_TITLE);
            if (g.bucket() == MyTasksViewModel.Bucket.OVERDUE) {
                heading.getStyleClass().add(Styles.FIELD_ERROR);
            }
            VBox card = Ui.card(heading);
            card.setId("tasks-group-" + g.bucket().name().toLowerCase(java.util.Locale.ROOT));
            for (MyTasksViewModel.Row row : g.rows()) {
                card.getChildren().add(row(row));
            }
            groups.getChildren().add(card);
        }
    }

    private Node row(MyTasksViewModel.Row row) {
        Label what = Ui.label(row.title(), Styles.ITEM_TITLE);
        Label who = new Label(row.residentName(), Icons.of(Material2MZ.PERSON, 16));
        who.getStyleClass().add(Styles.MUTED);
        Label due = Ui.label(
                row.dueText(),
                Styles.SMALL,
                row.bucket() == MyTasksViewModel.Bucket.OVERDUE ? Styles.FIELD_ERROR : Styles.MUTED);
        VBox text = new VBox(2, what, who, due);
        if (row.fromRule()) {
            Label rule = Ui.label(texts.getString("tasks.rule"), Styles.STATUS, Styles.STATUS_PLANNED);
            text.getChildren().add(rule);
        }
        text.setCursor(Cursor.HAND);
        text.setOnMouseClicked(e -> vm.open(row));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button done = Ui.button(texts.getString("tasks.done"), Material2AL.CHECK, Styles.PRIMARY);
        done.setId("task-done-" + row.taskId());
        done.setOnAction(e -> vm.markDone(row.taskId()));
        Button cancel = Ui.button(texts.getString("tasks.cancel"), Material2AL.CLOSE, Styles.SECONDARY);
        cancel.setId("task-cancel-" + row.taskId());
        cancel.setOnAction(e -> vm.cancel(row.taskId()));
        VBox buttons = new VBox(8, done, cancel);
        done.setMaxWidth(Double.MAX_VALUE);
        cancel.setMaxWidth(Double.MAX_VALUE);
        // the buttons keep their words; the task's text wraps instead
        done.setMinWidth(Button.USE_PREF_SIZE);
        cancel.setMinWidth(Button.USE_PREF_SIZE);
        buttons.setMinWidth(VBox.USE_PREF_SIZE);
        text.setMinWidth(0);
        HBox box = new HBox(12, text, buttons);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(Styles.LIST_ITEM);
        box.setId("task-" + row.taskId());
        return box;
    }
}
