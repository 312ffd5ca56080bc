package fr.mediance.server.sync;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.VisitReportDto;

import java.util.Objects;

/** Small record helpers: forcing the caller's structure, and comparing appointments field by field. */
final class Records {
    private Records() {
    }

    static ResidentDto inStructure(ResidentDto r, String s) {
        return new ResidentDto(r.id(), s, r.fileNumber(), r.civility(), r.lastName(), r.firstName(), r.birthDate(),
                r.phone(), r.street(), r.postcode(), r.city(), r.accessNotes(), r.mobilityReason(), r.referentId());
    }

    static AppointmentDto inStructure(AppointmentDto a, String s) {
        return new AppointmentDto(a.id(), s, a.residentId(), a.counsellorId(), a.type(), a.start(), a.end(),
                a.status(), a.address(), a.notes(), a.statusReason());
    }

    static VisitReportDto inStructure(VisitReportDto v, String s) {
        return new VisitReportDto(v.id(), s, v.appointmentId(), v.residentId(), v.counsellorId(), v.medium(),
                v.domains(), v.synthesis(), v.followUp(), v.followUpDue(), v.startedAt(), v.completedAt(),
                v.supersedes());
    }

    static DocumentDto inStructure(DocumentDto d, String s) {
        return new DocumentDto(d.id(), s, d.visitReportId(), d.residentId(), d.type(), d.sha256(), d.mimeType(),
                d.sizeBytes(), d.capturedAt(), d.retentionUntil());
    }

    /** The first field other than the status ones that differs, or null if only the status changed. */
    static String firstNonStatusChange(AppointmentDto before, AppointmentDto after) {
        if (!Objects.equals(before.residentId(), after.residentId())) {
            return "residentId";
        }
        if (!Objects.equals(before.counsellorId(), after.counsellorId())) {
            return "counsellorId";
        }
        if (!Objects.equals(before.type(), after.type())) {
            return "type";
        }
        if (!Objects.equals(before.start(), after.start())) {
            return "start";
        }
        if (!Objects.equals(before.end(), after.end())) {
            return "end";
        }
        if (!Objects.equals(before.address(), after.address())) {
            return "address";
        }
        if (!Objects.equals(before.notes(), after.notes())) {
            return "notes";
        }
        return null;
    }
}
