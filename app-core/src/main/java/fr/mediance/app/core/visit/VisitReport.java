package fr.mediance.app.core.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The report of one visit: a draft while {@code completedAt} is null (editable, local only), then frozen.
 * {@code medium} is a code of the "medium" list, {@code domains} codes of the "domain" list.
 * Use the {@code with*} methods to change a field of a draft, then {@link VisitService#saveDraft}.
 */
public record VisitReport(String id, String appointmentId, String residentId, String counsellorId, String medium,
                          List<String> domains, String synthesis, String followUp, LocalDate followUpDue,
                          Instant startedAt, Instant updatedAt, Instant completedAt, String supersedes,
                          Long version) {
    public VisitReport {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /** Completed reports are read-only. */
    public boolean completed() {
        return completedAt != null;
    }

    /** Whether the server has acknowledged the report. */
    public boolean acknowledged() {
        return version != null;
    }

    public VisitReport withMedium(String value) {
        return new VisitReport(id, appointmentId, residentId, counsellorId, value, domains, synthesis, followUp,
                followUpDue, startedAt, updatedAt, completedAt, supersedes, version);
    }

    public VisitReport withDomains(List<String> value) {
        return new VisitReport(id, appointmentId, residentId, counsellorId, medium, value, synthesis, followUp,
                followUpDue, startedAt, updatedAt, completedAt, supersedes, version);
    }

    public VisitReport withSynthesis(String value) {
        return new VisitReport(id, appointmentId, residentId, counsellorId, medium, domains, value, followUp,
                followUpDue, startedAt, updatedAt, completedAt, supersedes, version);
    }

    public VisitReport withFollowUp(String value) {
        return new VisitReport(id, appointmentId, residentId, counsellorId, medium, domains, synthesis, value,
                followUpDue, startedAt, updatedAt, completedAt, supersedes, version);
    }

    public VisitReport withFollowUpDue(LocalDate value) {
        return new VisitReport(id, appointmentId, residentId, counsellorId, medium, domains, synthesis, followUp,
                value, startedAt, updatedAt, completedAt, supersedes, version);
    }

    @Override
    public String toString() {
        return "VisitReport[id=" + id + ", appointmentId=" + appointmentId + ", completed=" + completed() + "]";
    }
}
