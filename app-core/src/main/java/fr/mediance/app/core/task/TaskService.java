package fr.mediance.app.core.task;

import fr.mediance.app.core.Outcome;
import java.time.LocalDate;
import java.util.List;

/**
 * Follow-up tasks ("Mes suivis"): created by hand or by the rules when a visit is terminated, then done,
 * cancelled or reopened by their assignee; every change is queued for the office. Lists are of the signed-in
 * counsellor's open tasks across residents, by due date (then title). Methods block briefly on the local
 * database: call them off the FX thread.
 */
public interface TaskService {
    /** A task typed by hand for a resident, assigned to the signed-in counsellor. Fields: title, dueDate. */
    Outcome<TaskItem> create(String residentId, String title, LocalDate dueDate);

    /**
     * A task with a given id (one derived from what it is about, {@code sourceId}), assigned to the signed-in
     * counsellor, created once: when a task with that id is already on the device, whatever its status, it is
     * answered and nothing is written. Fields: title, dueDate.
     */
    Outcome<TaskItem> createOnce(String taskId, String residentId, String title, LocalDate dueDate, String sourceId);

    /** The task with this id, whatever its status or assignee. */
    java.util.Optional<TaskItem> task(String taskId);

    Outcome<TaskItem> markDone(String taskId);

    /** Cancels a task (its closing time is kept). */
    Outcome<TaskItem> cancel(String taskId);

    /** Back to "to do" (an undo of done or cancel). */
    Outcome<TaskItem> reopen(String taskId);

    /** Every open task of the signed-in counsellor, tasks without a due date last. */
    List<TaskItem> mine();

    /** Open tasks due before {@code today}. */
    List<TaskItem> overdue(LocalDate today);

    List<TaskItem> dueToday(LocalDate today);

    /** Open tasks due after today until the end of this week (Sunday). */
    List<TaskItem> dueThisWeek(LocalDate today);

    /** Open tasks due after this week, or without a due date. */
    List<TaskItem> later(LocalDate today);

    /**
     * Every open task held on this device, whoever it is assigned to (the coordination's view of the team), by due
     * date (so the overdue ones first), tasks without a due date last.
     */
    List<TaskItem> teamOpen();

    /** Open tasks about one resident, whoever they are assigned to. */
    List<TaskItem> openForResident(String residentId);
}
