package fr.mediance.app.visit;

import fr.mediance.app.core.visit.FollowUpsViewModel;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** The follow-ups card: the tasks typed by hand (title and due date), which become tasks once the visit ends. */
final class FollowUpsView {
    private final FollowUpsViewModel vm;
    private final VisitFields fields;

    FollowUpsView(FollowUpsViewModel vm, VisitFields fields) {
        this.vm = vm;
        this.fields = fields;
    }

    VBox build() {
        VBox list = fields.itemList(
                "visit-tasks",
                6,
                vm.plannedTasks(),
                "visit.tasks.empty",
                (i, t) -> fields.item("planned-task-" + i, vm.taskText(t), List.of(), null, () -> vm.removeTask(i)));
        TextField title = fields.text("task-title", vm.newTaskTitleProperty());
        TextField due = fields.date("task-due", vm.newTaskDueProperty());
        due.setPrefColumnCount(10);
        Button add = Ui.button(fields.text("visit.task.add"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("task-add");
        add.setOnAction(e -> vm.addTask());
        VBox form = new VBox(
                10,
                Ui.row(
                        Ui.field(fields.text("visit.task.title"), title, vm.errorProperty("task.title")),
                        Ui.field(fields.text("visit.task.due"), due, vm.errorProperty("task.due"))),
                add);
        Ui.showWhen(form, vm.frozenProperty().not());
        return Ui.card(
                Ui.label(fields.text("visit.section.tasks"), Styles.SECTION_TITLE),
                Ui.label(fields.text("visit.tasks.hint"), Styles.HINT),
                list,
                fields.listError(vm.errorProperty("tasks")),
                form);
    }
}
