package fr.mediance.protocol;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up task (domain brief §2.16): assigned to a counsellor, about a resident, due on a date, status
 * todo, done or cancelled. {@code ruleCode} names the "task_rule" that created it (null if typed by hand) and
 * {@code sourceId} what triggered it (an action id); {@code visitReportId} the contact it came from.
 */
public record TaskDto(
        String id,
        String structureId,
        String residentId,
        String visitReportId,
        String assigneeId,
        String title,
        LocalDate dueDate,
        String status,
        String ruleCode,
        String sourceId,
        Instant createdAt,
        Instant closedAt)
        implements EntityDto {
    public static final String TODO = "todo";
    public static final String DONE = "done";
    public static final String CANCELLED = "cancelled";
}
