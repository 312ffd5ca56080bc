package fr.mediance.app.core.office;

import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.task.TaskItem;
import fr.mediance.app.core.visit.VisitReport;
import java.util.List;

/**
 * One received report opened by the office: its fields, the resident (may be null), its photos and the
 * follow-up tasks it created.
 */
public record ReportDetail(
        ReceivedReport summary, VisitReport report, Resident resident, List<PhotoItem> photos, List<TaskItem> tasks) {
    public ReportDetail {
        photos = photos == null ? List.of() : List.copyOf(photos);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public ReportDetail(ReceivedReport summary, VisitReport report, Resident resident, List<PhotoItem> photos) {
        this(summary, report, resident, photos, List.of());
    }
}
