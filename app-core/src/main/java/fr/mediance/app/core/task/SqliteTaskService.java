package fr.mediance.app.core.task;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Tasks in the local database; each change is queued whole for the server. */
public final class SqliteTaskService implements TaskService {
    /**
     * Local status of a task typed on a visit draft: kept with the draft, never listed nor sent; it becomes
     * {@link TaskDto#TODO} when the visit is terminated.
     */
    public static final String PLANNED = "planned";

    private static final String SELECT = """
            SELECT t.*, r.last_name, r.first_name FROM tasks t LEFT JOIN residents r ON r.id = t.resident_id
            """;
    private static final String ORDER = " ORDER BY t.due_date IS NULL, t.due_date, t.title, t.id";

    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;

    public SqliteTaskService(StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
    }

    private static TaskItem item(Row r) {
        String name = r.string("last_name") == null && r.string("first_name") == null
                ? ""
                : Resident.displayName(r.string("last_name"), r.string("first_name"));
        return new TaskItem(
                r.string("id"),
                r.string("resident_id"),
                name,
                r.string("title"),
                r.date("due_date"),
                r.string("status"),
                r.string("rule_code"),
                r.string("visit_report_id"),
                r.string("assignee_id"),
                r.instant("closed_at"));
    }

    private static Optional<TaskItem> find(Tx tx, String id) {
        return tx.queryOne(SELECT + " WHERE t.id = ?", SqliteTaskService::item, id);
    }

    @Override
    public Outcome<TaskItem> create(String residentId, String title, LocalDate dueDate) {
        return createOnce(UUID.randomUUID().toString(), residentId, title, dueDate, null);
    }

    @Override
    public Optional<TaskItem> task(String taskId) {
        return store.db().read(tx -> find(tx, taskId));
    }

    @Override
    public Outcome<TaskItem> createOnce(
            String taskId, String residentId, String title, LocalDate dueDate, String sourceId) {
        AccountInfo me = account.get();
        FormErrors e = new FormErrors().required("title", title).maxLength("title", title, Limits.MAX_SHORT_TEXT);
        if (dueDate == null) {
            e.add("dueDate", CoreMessages.get("visit.task.due.required"));
        }
        e.plausibleDate("dueDate", dueDate);
        if (!e.isEmpty()) {
            return e.toOutcome();
        }
        return store.db().inTransaction(tx -> {
            Optional<TaskItem> already = find(tx, taskId);
            if (already.isPresent()) {
                return Outcome.ok(already.get());
            }
            Optional<ResidentDto> r = Records.load(tx, EntityType.RESIDENT, residentId == null ? "" : residentId)
                    .map(ResidentDto.class::cast);
            if (r.isEmpty()) {
                return Outcome.failed(CoreMessages.get("task.resident.unknown"));
            }
            Instant now = clock.instant();
            TaskDto t = new TaskDto(
                    taskId,
                    r.get().structureId() == null ? me.structureId() : r.get().structureId(),
                    residentId,
                    null,
                    me.userId(),
                    Texts.clean(title),
                    dueDate,
                    TaskDto.TODO,
                    null,
                    sourceId,
                    now,
                    null);
            Records.upsert(tx, t, null, now, null);
            outbox.enqueue(tx, t, summary(tx, t));
            return Outcome.ok(find(tx, t.id()).orElseThrow());
        });
    }

    @Override
    public Outcome<TaskItem> markDone(String taskId) {
        return setStatus(taskId, TaskDto.DONE);
    }

    @Override
    public Outcome<TaskItem> cancel(String taskId) {
        return setStatus(taskId, TaskDto.CANCELLED);
    }

    @Override
    public Outcome<TaskItem> reopen(String taskId) {
        return setStatus(taskId, TaskDto.TODO);
    }

    private Outcome<TaskItem> setStatus(String taskId, String status) {
        return store.db().inTransaction(tx -> {
            Optional<TaskDto> found = Records.load(tx, EntityType.TASK, taskId == null ? "" : taskId)
                    .map(TaskDto.class::cast)
                    .filter(t -> !PLANNED.equals(t.status()));
            if (found.isEmpty()) {
                return Outcome.failed(CoreMessages.get("task.notFound"));
            }
            TaskDto t = found.get();
            if (status.equals(t.status())) {
                return Outcome.ok(find(tx, taskId).orElseThrow());
            }
            Instant now = clock.instant();
            TaskDto changed = new TaskDto(
                    t.id(),
                    t.structureId(),
                    t.residentId(),
                    t.visitReportId(),
                    t.assigneeId(),
                    t.title(),
                    t.dueDate(),
                    status,
                    t.ruleCode(),
                    t.sourceId(),
                    t.createdAt(),
                    TaskDto.TODO.equals(status) ? null : now);
            Records.upsert(tx, changed, null, now, null);
            outbox.enqueue(tx, changed, summary(tx, changed));
            return Outcome.ok(find(tx, taskId).orElseThrow());
        });
    }

    private static String summary(Tx tx, TaskDto t) {
        String name = Records.load(tx, EntityType.RESIDENT, t.residentId() == null ? "" : t.residentId())
                .map(ResidentDto.class::cast)
                .map(r -> Resident.displayName(r.lastName(), r.firstName()))
                .orElse("");
        return CoreMessages.get("summary.task", name);
    }

    private List<TaskItem> mineWhere(String condition, Object... params) {
        String me = account.get().userId();
        Object[] all = new Object[params.length + 2];
        all[0] = me;
        all[1] = TaskDto.TODO;
        System.arraycopy(params, 0, all, 2, params.length);
        return store.db()
                .read(tx -> tx.query(
                        SELECT + " WHERE t.assignee_id = ? AND t.status = ?" + condition + ORDER,
                        SqliteTaskService::item,
                        all));
    }

    @Override
    public List<TaskItem> teamOpen() {
        return store.db()
                .read(tx -> tx.query(SELECT + " WHERE t.status = ?" + ORDER, SqliteTaskService::item, TaskDto.TODO));
    }

    @Override
    public List<TaskItem> mine() {
        return mineWhere("");
    }

    @Override
    public List<TaskItem> overdue(LocalDate today) {
        return mineWhere(" AND t.due_date < ?", today.toString());
    }

    @Override
    public List<TaskItem> dueToday(LocalDate today) {
        return mineWhere(" AND t.due_date = ?", today.toString());
    }

    @Override
    public List<TaskItem> dueThisWeek(LocalDate today) {
        return mineWhere(
                " AND t.due_date > ? AND t.due_date <= ?",
                today.toString(),
                endOfWeek(today).toString());
    }

    @Override
    public List<TaskItem> later(LocalDate today) {
        return mineWhere(
                " AND (t.due_date IS NULL OR t.due_date > ?)", endOfWeek(today).toString());
    }

    /** The Sunday that ends the week of {@code day} (weeks start on Monday in France). */
    public static LocalDate endOfWeek(LocalDate day) {
        return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    @Override
    public List<TaskItem> openForResident(String residentId) {
        return store.db()
                .read(tx -> tx.query(
                        SELECT + " WHERE t.resident_id = ? AND t.status = ?" + ORDER,
                        SqliteTaskService::item,
                        residentId,
                        TaskDto.TODO));
    }
}
