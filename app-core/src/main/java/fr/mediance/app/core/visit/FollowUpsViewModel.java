package fr.mediance.app.core.visit;

import fr.mediance.protocol.Limits;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What follows the visit: the follow-up to do and its due date, and the tasks typed by hand (title and due date,
 * not before the visit), which become tasks when the visit is terminated.
 */
public final class FollowUpsViewModel implements ReportPart {

    private final VisitSession session;
    private final StringProperty followUp = new SimpleStringProperty(this, "followUp", "");
    private final StringProperty followUpDue = new SimpleStringProperty(this, "followUpDue", "");
    private final ObservableList<VisitReport.PlannedTask> plannedTasks = FXCollections.observableArrayList();
    private final ObservableList<VisitReport.PlannedTask> plannedTasksView =
            FXCollections.unmodifiableObservableList(plannedTasks);
    private final StringProperty newTaskTitle = new SimpleStringProperty(this, "newTaskTitle", "");
    private final StringProperty newTaskDue = new SimpleStringProperty(this, "newTaskDue", "");
    private final ErrorLines errors = new ErrorLines("followUp", "followUpDue", "tasks", "task.title", "task.due");

    FollowUpsViewModel(VisitSession session) {
        this.session = session;
        session.autosave(followUp, followUpDue, plannedTasks);
        newTaskTitle.addListener((o, a, b) -> errors.set("task.title", ""));
        newTaskDue.addListener((o, a, b) -> errors.set("task.due", ""));
    }

    @Override
    public void show(VisitReport r) {
        followUp.set(VisitSession.nullToEmpty(r.followUp()));
        followUpDue.set(FrenchInput.format(r.followUpDue()));
        plannedTasks.setAll(r.plannedTasks());
    }

    @Override
    public VisitReport into(VisitReport d) {
        LocalDate due = parseDue().orElse(d.followUpDue());
        return d.withFollowUp(followUp.get())
                .withFollowUpDue(VisitSession.blank(followUpDue.get()) ? null : due)
                .withPlannedTasks(List.copyOf(plannedTasks));
    }

    /** The due date typed, if it is a real date; sets the field's error otherwise. */
    private Optional<LocalDate> parseDue() {
        String typed = followUpDue.get() == null ? "" : followUpDue.get().trim();
        if (typed.isEmpty()) {
            errors.set("followUpDue", "");
            return Optional.empty();
        }
        errors.set("followUpDue", VisitSession.dateError(session::text, typed, "visit.error.followup.due.invalid"));
        return FrenchInput.date(typed);
    }

    @Override
    public void checkInput() {
        errors.set(
                "followUp",
                session.tooLong(followUp.get(), Limits.MAX_LONG_TEXT).orElse(""));
        parseDue();
    }

    @Override
    public boolean unreadable() {
        return errors.has("followUpDue") || errors.has("followUp");
    }

    @Override
    public void showRequired(Map<String, String> found) {
        for (String f : new String[] {"followUp", "followUpDue"}) {
            if (found.containsKey(f)) {
                errors.set(f, found.get(f));
            }
        }
        errors.set("tasks", session.firstOf(found, "task.", "visit.error.task.item"));
    }

    /** Adds the task typed (title and due date, not before the visit); the fields are emptied. */
    public boolean addTask() {
        if (!session.editable()) {
            return false;
        }
        String title = newTaskTitle.get() == null ? "" : newTaskTitle.get().strip();
        boolean ok = true;
        if (title.isEmpty()) {
            errors.set("task.title", session.text("visit.error.task.title.required"));
            ok = false;
        } else if (title.length() > Limits.MAX_SHORT_TEXT) {
            errors.set("task.title", session.text("visit.error.text.too.long", Limits.MAX_SHORT_TEXT, title.length()));
            ok = false;
        }
        Optional<LocalDate> due = FrenchInput.date(newTaskDue.get());
        if (VisitSession.blank(newTaskDue.get())) {
            errors.set("task.due", session.text("visit.error.task.due.required"));
            ok = false;
        } else if (due.isEmpty()) {
            errors.set("task.due", VisitSession.dateError(session::text, newTaskDue.get(), "visit.error.date.invalid"));
            ok = false;
        } else if (due.get().isBefore(session.visitDay())) {
            errors.set("task.due", session.text("visit.error.task.due.past"));
            ok = false;
        }
        if (!ok) {
            return false;
        }
        plannedTasks.add(new VisitReport.PlannedTask(title, due.get()));
        newTaskTitle.set("");
        newTaskDue.set("");
        errors.set("tasks", "");
        return true;
    }

    public void removeTask(int index) {
        if (!session.frozen.get() && index >= 0 && index < plannedTasks.size()) {
            plannedTasks.remove(index);
        }
    }

    /** "Rappeler EDF — 04/12/2026". */
    public String taskText(VisitReport.PlannedTask t) {
        return session.text("visit.task.line", t.title(), FrenchInput.format(t.due()));
    }

    public StringProperty followUpProperty() {
        return followUp;
    }

    /** The due date as typed, dd/MM/yyyy (blank for none). */
    public StringProperty followUpDueProperty() {
        return followUpDue;
    }

    public ObservableList<VisitReport.PlannedTask> plannedTasks() {
        return plannedTasksView;
    }

    public StringProperty newTaskTitleProperty() {
        return newTaskTitle;
    }

    /** dd/MM/yyyy. */
    public StringProperty newTaskDueProperty() {
        return newTaskDue;
    }

    public ReadOnlyBooleanProperty frozenProperty() {
        return session.frozen.getReadOnlyProperty();
    }

    /** The error beside a field: followUp, followUpDue, tasks, task.title, task.due. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }
}
