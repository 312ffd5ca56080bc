package fr.mediance.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.AppComposition;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.task.TaskItem;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Mes suivis" on a phone: late and today's tasks, "Fait" then "Annuler". */
class MyTasksScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;
    AppComposition app;
    TaskItem late;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        core = office.signedIn(dir, "conseil1");
        LocalDate today = LocalDate.now(DemoOffice.PARIS);
        late = core.tasks()
                .create("r1", "Vérifier la décision FSL", today.minusDays(2))
                .value();
        core.tasks().create("r2", "Rappeler la CAF", today).value();
        app = show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 390, 844);
        until(() -> exists("#nav-TASKS"));
        interact(() -> app.shell().open("TASKS"));
        until(() -> exists("#task-" + late.id()));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    @Test
    void a_task_marked_done_can_be_undone() {
        assertThat(visible("#tasks-group-overdue")).isTrue();
        assertThat(visible("#tasks-group-today")).isTrue();
        assertThat(text("#tasks-summary")).isEqualTo("1 aujourd'hui · 1 en retard");

        Button done = node("#task-done-" + late.id());
        interact(done::fire);
        until(() -> !exists("#task-" + late.id()) && visible("#tasks-undo-bar"));
        assertThat(core.tasks().overdue(LocalDate.now(DemoOffice.PARIS))).isEmpty();

        Button undo = node("#tasks-undo");
        interact(undo::fire);
        until(() -> exists("#task-" + late.id()) && !visible("#tasks-undo-bar"));
        assertThat(core.tasks().overdue(LocalDate.now(DemoOffice.PARIS)))
                .extracting(TaskItem::title)
                .containsExactly("Vérifier la décision FSL");
    }
}
