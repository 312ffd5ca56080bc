package fr.mediance.app.core.office;

import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.visit.VisitReport;

import java.util.List;

/** One received report opened by the office: its fields, the resident (may be null) and its photos. */
public record ReportDetail(ReceivedReport summary, VisitReport report, Resident resident, List<PhotoItem> photos) {
    public ReportDetail {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
