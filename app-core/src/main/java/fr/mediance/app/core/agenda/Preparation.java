package fr.mediance.app.core.agenda;

import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import java.util.List;
import java.util.Optional;

/**
 * What the counsellor reads before leaving for an appointment: the appointment (address, access and safety
 * notes, checklist), the resident's last completed contact, their open follow-up tasks by due date, and their
 * documents whose due date or retention date is near.
 */
public record Preparation(
        AgendaItem appointment,
        Optional<VisitReportDto> lastContact,
        List<TaskDto> openTasks,
        List<DocumentDto> documentsDue) {
    public Preparation {
        openTasks = List.copyOf(openTasks);
        documentsDue = List.copyOf(documentsDue);
    }
}
