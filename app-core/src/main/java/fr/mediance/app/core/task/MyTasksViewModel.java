package fr.mediance.app.core.task;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.visit.FrenchInput;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Mes suivis": the signed-in counsellor's open tasks across residents, in four groups by due date in the
 * structure's time zone ("En retard", "Aujourd'hui", "Cette semaine", "Plus tard"), each with its count. A tap
 * on a task opens the resident's file; "Fait" and "Annuler" close a task and offer to undo it for a moment.
 */
public final class MyTasksViewModel {

    public enum Bucket {
        OVERDUE,
        TODAY,
        THIS_WEEK,
        LATER
    }

    /** One task as listed: {@code dueText} is "Échéance : 27/11/2026" or "En retard de 3 jours". */
    public record Row(
            String taskId,
            String residentId,
            String residentName,
            String title,
            String dueText,
            boolean fromRule,
            Bucket bucket) {}

    /** A group with its title ("En retard (2)") and rows; empty groups are still given (with no rows). */
    public record Group(Bucket bucket, String title, int count, List<Row> rows) {
        public Group {
            rows = List.copyOf(rows);
        }
    }

    private final TaskService tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final Consumer<String> openResidentFile;
    private Consumer<String> onMessage = m -> {};

    private final ObservableList<Group> groups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private String undoTaskId;

    public MyTasksViewModel(
            TaskService tasks,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx,
            Consumer<String> openResidentFile) {
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        this.openResidentFile = Objects.requireNonNull(openResidentFile);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Reads the tasks again (on show, after a sync). Completes on the FX executor. */
    public CompletableFuture<Void> refresh() {
        return work.supply(
                        "loading the open tasks",
                        tasks::mine,
                        this::show,
                        e -> onMessage.accept(text("tasks.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    private void show(List<TaskItem> items) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate endOfWeek = SqliteTaskService.endOfWeek(today);
        List<List<Row>> rows = new ArrayList<>();
        for (int i = 0; i < Bucket.values().length; i++) {
            rows.add(new ArrayList<>());
        }
        for (TaskItem t : items) {
            Bucket b = bucket(t.dueDate(), today, endOfWeek);
            rows.get(b.ordinal())
                    .add(new Row(
                            t.id(),
                            t.residentId(),
                            t.residentName(),
                            t.title(),
                            dueText(t.dueDate(), today),
                            t.ruleCode() != null,
                            b));
        }
        List<Group> out = new ArrayList<>();
        for (Bucket b : Bucket.values()) {
            List<Row> r = rows.get(b.ordinal());
            out.add(new Group(b, text("tasks.group." + b.name().toLowerCase(Locale.ROOT), r.size()), r.size(), r));
        }
        groups.setAll(out);
        int overdue = rows.get(Bucket.OVERDUE.ordinal()).size();
        int todayCount = rows.get(Bucket.TODAY.ordinal()).size();
        summary.set(todayCount + overdue == 0 ? "" : text("tasks.summary", todayCount, overdue));
        empty.set(items.isEmpty());
        loaded.set(true);
    }

    /** The group of a due date seen on {@code today} (weeks end on Sunday). */
    public static Bucket bucket(LocalDate due, LocalDate today, LocalDate endOfWeek) {
        if (due == null) {
            return Bucket.LATER;
        }
        if (due.isBefore(today)) {
            return Bucket.OVERDUE;
        }
        if (due.isEqual(today)) {
            return Bucket.TODAY;
        }
        return due.isAfter(endOfWeek) ? Bucket.LATER : Bucket.THIS_WEEK;
    }

    private String dueText(LocalDate due, LocalDate today) {
        if (due == null) {
            return text("tasks.due.none");
        }
        if (due.isBefore(today)) {
            long days = ChronoUnit.DAYS.between(due, today);
            return days == 1
                    ? text("tasks.due.late.one", FrenchInput.format(due))
                    : text("tasks.due.late", days, FrenchInput.format(due));
        }
        return text("tasks.due", FrenchInput.format(due));
    }

    /** Opens the resident's file of a task. */
    public void open(Row row) {
        if (row != null && row.residentId() != null) {
            openResidentFile.accept(row.residentId());
        }
    }

    public CompletableFuture<Boolean> markDone(String taskId) {
        return close(taskId, () -> tasks.markDone(taskId), "tasks.done.toast");
    }

    public CompletableFuture<Boolean> cancel(String taskId) {
        return close(taskId, () -> tasks.cancel(taskId), "tasks.cancelled.toast");
    }

    private CompletableFuture<Boolean> close(String taskId, Supplier<Outcome<TaskItem>> action, String toastKey) {
        return work.supply(
                        "closing a task",
                        () -> changed(action.get()),
                        c -> {
                            if (c.outcome().isOk()) {
                                undoTaskId = taskId;
                                undoText.set(text(toastKey, c.outcome().value().title()));
                                show(c.mine());
                            } else {
                                onMessage.accept(c.outcome().message());
                            }
                        },
                        e -> onMessage.accept(text("tasks.save.failed")))
                .thenApply(c -> c.outcome().isOk())
                .exceptionally(e -> false);
    }

    /** Undoes the last "Fait" or "Annuler": the task is open again. */
    public CompletableFuture<Boolean> undo() {
        String id = undoTaskId;
        if (id == null) {
            return CompletableFuture.completedFuture(false);
        }
        undoTaskId = null;
        undoText.set("");
        return work.supply(
                        "reopening a task",
                        () -> changed(tasks.reopen(id)),
                        c -> {
                            if (c.outcome().isOk()) {
                                show(c.mine());
                            } else {
                                onMessage.accept(c.outcome().message());
                            }
                        },
                        e -> onMessage.accept(text("tasks.save.failed")))
                .thenApply(c -> c.outcome().isOk())
                .exceptionally(e -> false);
    }

    /** The undo offer is dismissed (timeout or another action). */
    public void dismissUndo() {
        undoTaskId = null;
        undoText.set("");
    }

    /** A task's change and, when it was saved, the open tasks read again. */
    private record Changed(Outcome<TaskItem> outcome, List<TaskItem> mine) {}

    private Changed changed(Outcome<TaskItem> o) {
        return new Changed(o, o.isOk() ? tasks.mine() : null);
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }

    public ObservableList<Group> groups() {
        return groups;
    }

    /** "2 aujourd'hui · 1 en retard"; empty when nothing is due today or late. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "« Vérifier la décision FSL » marqué fait." while an undo is offered, else empty. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
