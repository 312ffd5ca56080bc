package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.task.TaskItem;
import fr.mediance.protocol.EntityType;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What follows the visit: the follow-up and its due date, the tasks typed by hand and those of the task rules. */
class FollowUpsViewModelTest extends VisitTestBed.ReportTest {

    FollowUpsViewModel followUps;

    @BeforeEach
    void openPart() {
        followUps = vm.followUps();
    }

    @Test
    void an_impossible_due_date_is_reported_beside_the_field_and_the_text_stays() {
        followUps.followUpDueProperty().set("31/02/2027");
        assertThat(followUps.errorProperty("followUpDue").get())
                .isEqualTo("Date invalide : utilisez le format jj/mm/aaaa.");
        assertThat(followUps.followUpDueProperty().get()).isEqualTo("31/02/2027");

        followUps.followUpDueProperty().set("28/02/2027");
        assertThat(followUps.errorProperty("followUpDue").get()).isEmpty();
    }

    @Test
    void a_due_date_typed_with_a_year_the_server_refuses_is_refused_offline_beside_the_field() {
        followUps.followUpDueProperty().set("04/12/2026");
        followUps.followUpDueProperty().set("04/12/2206");
        assertThat(followUps.errorProperty("followUpDue").get())
                .isEqualTo("Date impossible : l'année doit être comprise entre 2000 et 2100.");
        assertThat(saved().followUpDue()).isEqualTo(LocalDate.of(2026, 12, 4)); // the typo is not stored

        followUps.newTaskTitleProperty().set("Rappeler EDF");
        followUps.newTaskDueProperty().set("04/12/2206");
        assertThat(followUps.addTask()).isFalse();
        assertThat(followUps.errorProperty("task.due").get()).startsWith("Date impossible");
    }

    @Test
    void a_task_with_an_impossible_due_date_is_refused_and_the_text_stays() {
        bed.fillValid();
        followUps.newTaskTitleProperty().set("Rappeler EDF");
        followUps.newTaskDueProperty().set("31/02/2026");
        assertThat(followUps.addTask()).isFalse();
        assertThat(followUps.errorProperty("task.due").get()).startsWith("Date invalide");
        assertThat(followUps.newTaskTitleProperty().get()).isEqualTo("Rappeler EDF");
    }

    @Test
    void the_task_rules_create_the_right_tasks_with_their_due_dates_exactly_once() {
        bed.fillValidAttested();
        bed.typeAction("demande_aide", "energie", false);
        vm.actions().editor().dateProperty().set("30/11/2026");
        assertThat(vm.actions().saveAction().join()).isTrue();
        bed.typeAction("appel_creancier", "energie", false); // no rule for this type
        assertThat(vm.actions().saveAction().join()).isTrue();
        vm.orientations().newOrientation();
        vm.orientations().editor().targetProperty().set("ccas");
        assertThat(vm.orientations().saveOrientation().join()).isTrue();
        followUps.newTaskTitleProperty().set("Rappeler EDF");
        followUps.newTaskDueProperty().set("04/12/2026");
        assertThat(followUps.addTask()).isTrue();
        assertThat(saved().plannedTasks())
                .containsExactly(new VisitReport.PlannedTask("Rappeler EDF", LocalDate.of(2026, 12, 4)));
        assertThat(bed.core.tasks().mine()).isEmpty(); // nothing before the end of the visit

        assertThat(vm.complete().join()).isTrue();

        List<TaskItem> tasks = bed.core.tasks().mine();
        assertThat(tasks)
                .extracting(TaskItem::title, TaskItem::dueDate)
                .containsExactly(
                        Tuple.tuple("Rappeler EDF", LocalDate.of(2026, 12, 4)),
                        Tuple.tuple("Demander un retour sur l'orientation", LocalDate.of(2026, 12, 12)),
                        Tuple.tuple("Vérifier la décision FSL", LocalDate.of(2027, 1, 29)));
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.residentName()).isEqualTo("Fatima Benali");
            assertThat(t.assigneeId()).isEqualTo("u-c1");
            assertThat(t.visitReportId()).isEqualTo(vm.reportId());
        });
        assertThat(tasks)
                .filteredOn(t -> t.ruleCode() != null)
                .extracting(TaskItem::ruleCode)
                .containsExactlyInAnyOrder("fsl_check", "orientation_feedback");
        assertThat(bed.core.sync().pendingItems())
                .filteredOn(i -> i.entity() == EntityType.TASK)
                .hasSize(3);

        // a correction repeats the actions: the rules do not create their tasks twice
        String first = vm.reportId();
        assertThat(vm.correct().join()).isTrue();
        assertThat(vm.reportId()).isNotEqualTo(first);
        assertThat(vm.frozenProperty().get()).isFalse();
        assertThat(vm.actions().items()).hasSize(2);
        assertThat(vm.complete().join()).isTrue();
        assertThat(bed.core.tasks().mine()).hasSize(3);
    }
}
