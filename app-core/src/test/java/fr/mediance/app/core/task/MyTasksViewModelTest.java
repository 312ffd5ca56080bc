package fr.mediance.app.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.TaskDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class MyTasksViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");
    /** Friday 27/11/2026, 23:59:59 in Paris (UTC+1). */
    static final Instant LAST_SECOND_OF_FRIDAY = Instant.parse("2026-11-27T22:59:59Z");

    @TempDir
    Path dir;

    FakeOfficeServer server;
    MutableClock clock = new MutableClock(LAST_SECOND_OF_FRIDAY);
    CoreContext core;
    MyTasksViewModel vm;
    List<String> opened = new ArrayList<>();
    List<String> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.serverWrite(new ResidentDto(
                "r1", "s1", "D-1", null, "Benali", "Fatima", null, null, null, null, null, null, null, "u-c1"));
        server.serverWrite(new ResidentDto(
                "r2", "s1", "D-2", null, "Martin", "Émile", null, null, null, null, null, null, null, "u-c1"));
        // a colleague's task is not in "Mes suivis"
        server.serverWrite(new TaskDto(
                "t-other",
                "s1",
                "r1",
                null,
                "u-c2",
                "Tâche d'un collègue",
                LocalDate.of(2026, 11, 27),
                TaskDto.TODO,
                null,
                null,
                null,
                null));
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = new MyTasksViewModel(core.tasks(), clock, core.zone(), TEXTS, Runnable::run, Runnable::run, opened::add);
        vm.setOnMessage(messages::add);
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    TaskItem task(String resident, String title, LocalDate due) {
        return core.tasks().create(resident, title, due).value();
    }

    List<String> titles(MyTasksViewModel.Bucket b) {
        return vm.groups().get(b.ordinal()).rows().stream()
                .map(MyTasksViewModel.Row::title)
                .toList();
    }

    @Test
    void tasks_are_grouped_by_their_due_day_in_paris_and_move_at_midnight() {
        task("r1", "Vérifier la décision FSL", LocalDate.of(2026, 11, 26));
        task("r2", "Rappeler EDF", LocalDate.of(2026, 11, 27));
        task("r1", "Envoyer l'attestation", LocalDate.of(2026, 11, 28));
        task("r2", "Relancer la CAF", LocalDate.of(2026, 11, 29)); // Sunday: end of this week
        task("r1", "Point échéancier", LocalDate.of(2026, 11, 30)); // next Monday

        vm.refresh().join();
        assertThat(titles(MyTasksViewModel.Bucket.OVERDUE)).containsExactly("Vérifier la décision FSL");
        assertThat(titles(MyTasksViewModel.Bucket.TODAY)).containsExactly("Rappeler EDF");
        assertThat(titles(MyTasksViewModel.Bucket.THIS_WEEK))
                .containsExactly("Envoyer l'attestation", "Relancer la CAF");
        assertThat(titles(MyTasksViewModel.Bucket.LATER)).containsExactly("Point échéancier");
        assertThat(vm.groups())
                .extracting(MyTasksViewModel.Group::title)
                .containsExactly("En retard (1)", "Aujourd'hui (1)", "Cette semaine (2)", "Plus tard (1)");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 aujourd'hui · 1 en retard");
        MyTasksViewModel.Row late = vm.groups().get(0).rows().get(0);
        assertThat(late.residentName()).isEqualTo("Fatima Benali");
        assertThat(late.dueText()).isEqualTo("En retard d'un jour (26/11/2026)");

        clock.set(LAST_SECOND_OF_FRIDAY.plusSeconds(1)); // Saturday 00:00 in Paris, still Friday in UTC
        vm.refresh().join();
        assertThat(titles(MyTasksViewModel.Bucket.OVERDUE)).containsExactly("Vérifier la décision FSL", "Rappeler EDF");
        assertThat(titles(MyTasksViewModel.Bucket.TODAY)).containsExactly("Envoyer l'attestation");
        assertThat(titles(MyTasksViewModel.Bucket.THIS_WEEK)).containsExactly("Relancer la CAF");
        assertThat(vm.groups().get(0).rows().get(0).dueText()).isEqualTo("En retard de 2 jours (26/11/2026)");

        clock.set(Instant.parse("2026-11-29T23:00:00Z")); // Monday 30/11 00:00: a new week
        vm.refresh().join();
        assertThat(titles(MyTasksViewModel.Bucket.TODAY)).containsExactly("Point échéancier");
        assertThat(titles(MyTasksViewModel.Bucket.THIS_WEEK)).isEmpty();
        assertThat(titles(MyTasksViewModel.Bucket.LATER)).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("1 aujourd'hui · 4 en retard");

        core.tasks().mine().forEach(t -> core.tasks().markDone(t.id()));
        task("r1", "Plus tard", LocalDate.of(2026, 12, 20));
        vm.refresh().join();
        assertThat(vm.summaryProperty().get()).isEmpty(); // nothing today nor late
        assertThat(vm.emptyProperty().get()).isFalse();
    }

    @Test
    void the_service_answers_the_same_groups() {
        task("r1", "En retard", LocalDate.of(2026, 11, 20));
        task("r1", "Aujourd'hui", LocalDate.of(2026, 11, 27));
        task("r1", "Dimanche", LocalDate.of(2026, 11, 29));
        task("r1", "Décembre", LocalDate.of(2026, 12, 7));
        LocalDate today = LocalDate.of(2026, 11, 27);
        assertThat(core.tasks().overdue(today)).extracting(TaskItem::title).containsExactly("En retard");
        assertThat(core.tasks().dueToday(today)).extracting(TaskItem::title).containsExactly("Aujourd'hui");
        assertThat(core.tasks().dueThisWeek(today)).extracting(TaskItem::title).containsExactly("Dimanche");
        assertThat(core.tasks().later(today)).extracting(TaskItem::title).containsExactly("Décembre");
        assertThat(core.tasks().openForResident("r1")).hasSize(5); // with the colleague's
    }

    @Test
    void done_and_cancel_close_a_task_with_an_undo() {
        TaskItem fsl = task("r1", "Vérifier la décision FSL", LocalDate.of(2026, 11, 27));
        vm.refresh().join();

        assertThat(vm.markDone(fsl.id()).join()).isTrue();
        assertThat(vm.undoTextProperty().get()).isEqualTo("« Vérifier la décision FSL » marqué fait.");
        assertThat(vm.emptyProperty().get()).isTrue();
        TaskDto done = (TaskDto) core.sync().pendingItems().stream()
                .filter(i -> i.entity() == EntityType.TASK)
                .findFirst()
                .map(i -> i.entityId())
                .map(id -> server.entity(EntityType.TASK, id))
                .orElse(null);
        assertThat(done).isNull(); // not sent yet: queued
        assertThat(core.tasks().mine()).isEmpty();

        assertThat(vm.undo().join()).isTrue();
        assertThat(vm.undoTextProperty().get()).isEmpty();
        assertThat(titles(MyTasksViewModel.Bucket.TODAY)).containsExactly("Vérifier la décision FSL");

        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(vm.cancel(fsl.id()).join()).isTrue();
        assertThat(vm.undoTextProperty().get()).isEqualTo("« Vérifier la décision FSL » abandonné.");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        TaskDto sent = (TaskDto) server.entity(EntityType.TASK, fsl.id());
        assertThat(sent.status()).isEqualTo(TaskDto.CANCELLED);
        assertThat(sent.closedAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_tap_opens_the_resident_file() {
        task("r2", "Relancer la CAF", LocalDate.of(2026, 11, 27));
        vm.refresh().join();
        vm.open(vm.groups().get(MyTasksViewModel.Bucket.TODAY.ordinal()).rows().get(0));
        assertThat(opened).containsExactly("r2");
    }

    @Test
    void a_task_needs_a_title_and_a_due_date() {
        assertThat(core.tasks().create("r1", " ", null).fieldErrors()).containsOnlyKeys("title", "dueDate");
        assertThat(core.tasks().markDone("unknown").message()).isEqualTo("Ce suivi n'existe pas sur cet appareil.");
    }

    @Test
    void a_task_due_in_an_implausible_year_is_refused_offline() {
        assertThat(core.tasks()
                        .create("r1", "Relancer EDF", java.time.LocalDate.of(2206, 1, 5))
                        .fieldErrors())
                .containsExactly(java.util.Map.entry(
                        "dueDate", "Date peu plausible : l'année doit être comprise entre 2000 et 2100."));
    }
}
