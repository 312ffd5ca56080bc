package fr.mediance.app.core.visit;

import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.CheckInDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.VisitReportDto;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The report of one contact (home visit, desk, phone...): a draft while {@code completedAt} is null (editable,
 * local only), then frozen; a correction is a new report whose {@code supersedes} names it.
 * {@code medium} is a code of the "medium" list, {@code domains} codes of the "domain" list, {@code motifs} of
 * "motif", {@code personsPresent} of "person_present". {@code plannedTasks} are the follow-up tasks typed by
 * hand on the draft: they become tasks when the visit is terminated. Use the {@code with*} methods to change
 * a field of a draft, then {@link VisitService#saveDraft}.
 */
public record VisitReport(
        String id,
        String appointmentId,
        String residentId,
        String counsellorId,
        String medium,
        List<String> domains,
        String synthesis,
        String followUp,
        LocalDate followUpDue,
        Instant startedAt,
        Instant updatedAt,
        Instant completedAt,
        String supersedes,
        Long version,
        String place,
        Integer durationMinutes,
        List<String> personsPresent,
        List<String> motifs,
        EnergyCheckDto energy,
        List<ActionDto> actions,
        List<OrientationDto> orientations,
        String residentSignatureDocumentId,
        boolean visitAttested,
        CheckInDto checkIn,
        List<PlannedTask> plannedTasks) {

    /** A follow-up task typed on the draft: what to do, and by when. */
    public record PlannedTask(String title, LocalDate due) {}

    public VisitReport {
        domains = domains == null ? List.of() : List.copyOf(domains);
        personsPresent = personsPresent == null ? List.of() : List.copyOf(personsPresent);
        motifs = motifs == null ? List.of() : List.copyOf(motifs);
        actions = actions == null ? List.of() : List.copyOf(actions);
        orientations = orientations == null ? List.of() : List.copyOf(orientations);
        plannedTasks = plannedTasks == null ? List.of() : List.copyOf(plannedTasks);
    }

    /** The short form (no detail blocks). */
    public VisitReport(
            String id,
            String appointmentId,
            String residentId,
            String counsellorId,
            String medium,
            List<String> domains,
            String synthesis,
            String followUp,
            LocalDate followUpDue,
            Instant startedAt,
            Instant updatedAt,
            Instant completedAt,
            String supersedes,
            Long version) {
        this(
                id,
                appointmentId,
                residentId,
                counsellorId,
                medium,
                domains,
                synthesis,
                followUp,
                followUpDue,
                startedAt,
                updatedAt,
                completedAt,
                supersedes,
                version,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                false,
                null,
                List.of());
    }

    /** The report from its wire record and the local columns. */
    public static VisitReport of(VisitReportDto v, Instant updatedAt, Long version, List<PlannedTask> plannedTasks) {
        return new VisitReport(
                v.id(),
                v.appointmentId(),
                v.residentId(),
                v.counsellorId(),
                v.medium(),
                v.domains(),
                v.synthesis(),
                v.followUp(),
                v.followUpDue(),
                v.startedAt(),
                updatedAt,
                v.completedAt(),
                v.supersedes(),
                version,
                v.place(),
                v.durationMinutes(),
                v.personsPresent(),
                v.motifs(),
                v.energy(),
                v.actions(),
                v.orientations(),
                v.residentSignatureDocumentId(),
                v.visitAttested(),
                v.checkIn(),
                plannedTasks);
    }

    /** The record as it travels ({@code structureId} is kept by the store). */
    public VisitReportDto toDto(String structureId) {
        return new VisitReportDto(
                id,
                structureId,
                appointmentId,
                residentId,
                counsellorId,
                medium,
                domains,
                synthesis,
                followUp,
                followUpDue,
                startedAt,
                completedAt,
                supersedes,
                place,
                durationMinutes,
                personsPresent,
                motifs,
                energy,
                actions,
                orientations,
                residentSignatureDocumentId,
                visitAttested,
                checkIn);
    }

    /** Completed reports are read-only. */
    public boolean completed() {
        return completedAt != null;
    }

    /** Whether the server has acknowledged the report. */
    public boolean acknowledged() {
        return version != null;
    }

    /** Whether the resident signed or the counsellor attested the visit. */
    public boolean signedOrAttested() {
        return residentSignatureDocumentId != null || visitAttested;
    }

    private Builder edit() {
        return new Builder(this);
    }

    public VisitReport withMedium(String value) {
        Builder b = edit();
        b.medium = value;
        return b.build();
    }

    public VisitReport withDomains(List<String> value) {
        Builder b = edit();
        b.domains = value;
        return b.build();
    }

    public VisitReport withSynthesis(String value) {
        Builder b = edit();
        b.synthesis = value;
        return b.build();
    }

    public VisitReport withFollowUp(String value) {
        Builder b = edit();
        b.followUp = value;
        return b.build();
    }

    public VisitReport withFollowUpDue(LocalDate value) {
        Builder b = edit();
        b.followUpDue = value;
        return b.build();
    }

    public VisitReport withPlace(String value) {
        Builder b = edit();
        b.place = value;
        return b.build();
    }

    public VisitReport withDurationMinutes(Integer value) {
        Builder b = edit();
        b.durationMinutes = value;
        return b.build();
    }

    public VisitReport withPersonsPresent(List<String> value) {
        Builder b = edit();
        b.personsPresent = value;
        return b.build();
    }

    public VisitReport withMotifs(List<String> value) {
        Builder b = edit();
        b.motifs = value;
        return b.build();
    }

    public VisitReport withEnergy(EnergyCheckDto value) {
        Builder b = edit();
        b.energy = value;
        return b.build();
    }

    public VisitReport withActions(List<ActionDto> value) {
        Builder b = edit();
        b.actions = value;
        return b.build();
    }

    public VisitReport withOrientations(List<OrientationDto> value) {
        Builder b = edit();
        b.orientations = value;
        return b.build();
    }

    public VisitReport withResidentSignature(String documentId) {
        Builder b = edit();
        b.residentSignatureDocumentId = documentId;
        return b.build();
    }

    public VisitReport withVisitAttested(boolean value) {
        Builder b = edit();
        b.visitAttested = value;
        return b.build();
    }

    public VisitReport withPlannedTasks(List<PlannedTask> value) {
        Builder b = edit();
        b.plannedTasks = value;
        return b.build();
    }

    @Override
    public String toString() {
        return "VisitReport[id=" + id + ", appointmentId=" + appointmentId + ", completed=" + completed() + "]";
    }

    /** A mutable copy, for the {@code with*} methods. */
    private static final class Builder {
        private final VisitReport r;
        private String medium;
        private List<String> domains;
        private String synthesis;
        private String followUp;
        private LocalDate followUpDue;
        private String place;
        private Integer durationMinutes;
        private List<String> personsPresent;
        private List<String> motifs;
        private EnergyCheckDto energy;
        private List<ActionDto> actions;
        private List<OrientationDto> orientations;
        private String residentSignatureDocumentId;
        private boolean visitAttested;
        private List<PlannedTask> plannedTasks;

        Builder(VisitReport r) {
            this.r = r;
            medium = r.medium;
            domains = r.domains;
            synthesis = r.synthesis;
            followUp = r.followUp;
            followUpDue = r.followUpDue;
            place = r.place;
            durationMinutes = r.durationMinutes;
            personsPresent = r.personsPresent;
            motifs = r.motifs;
            energy = r.energy;
            actions = r.actions;
            orientations = r.orientations;
            residentSignatureDocumentId = r.residentSignatureDocumentId;
            visitAttested = r.visitAttested;
            plannedTasks = r.plannedTasks;
        }

        VisitReport build() {
            return new VisitReport(
                    r.id,
                    r.appointmentId,
                    r.residentId,
                    r.counsellorId,
                    medium,
                    domains,
                    synthesis,
                    followUp,
                    followUpDue,
                    r.startedAt,
                    r.updatedAt,
                    r.completedAt,
                    r.supersedes,
                    r.version,
                    place,
                    durationMinutes,
                    personsPresent,
                    motifs,
                    energy,
                    actions,
                    orientations,
                    residentSignatureDocumentId,
                    visitAttested,
                    r.checkIn,
                    plannedTasks);
        }
    }
}
