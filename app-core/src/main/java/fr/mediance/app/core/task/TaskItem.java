package fr.mediance.app.core.task;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up task as the lists show it: what to do, for which resident (name for display), by when, and
 * whether a rule created it ({@code ruleCode}) or the counsellor typed it.
 */
public record TaskItem(
        String id,
        String residentId,
        String residentName,
        String title,
        LocalDate dueDate,
        String status,
        String ruleCode,
        String visitReportId,
        String assigneeId,
        Instant closedAt) {}
