package fr.mediance.app.core.resident;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Tx;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Builds a resident's timeline from the local records, with French one-line summaries. */
final class ResidentTimeline {
    static final String APPOINTMENT = "appointment";
    static final String CONTACT = "contact";
    static final String DOCUMENT = "document";
    static final String CONSENT = "consent";
    static final String MANDATE = "mandate";
    static final String TASK = "task";

    private static final List<String> KINDS = List.of(MANDATE, CONSENT, CONTACT, APPOINTMENT, TASK, DOCUMENT);

    private final ZoneId zone;

    ResidentTimeline(ZoneId zone) {
        this.zone = zone;
    }

    List<TimelineEntry> entries(Tx tx, String residentId) {
        List<TimelineEntry> out = new ArrayList<>();
        for (AppointmentDto a :
                tx.query("SELECT * FROM appointments WHERE resident_id = ?", Records::appointment, residentId)) {
            out.add(new TimelineEntry(
                    a.start(),
                    APPOINTMENT,
                    a.id(),
                    CoreMessages.get(
                            "timeline.appointment",
                            label(tx, ListNames.APPOINTMENT_TYPE, a.type()),
                            label(tx, ListNames.APPOINTMENT_STATUS, a.status())),
                    List.of()));
        }
        for (VisitReportDto v :
                tx.query("SELECT * FROM visit_reports WHERE resident_id = ?", Records::visitReport, residentId)) {
            out.add(contact(tx, v));
        }
        // a drawn signature is part of the consent, mandate or report it signs: no line of its own
        for (DocumentDto d : tx.query(
                "SELECT * FROM documents WHERE resident_id = ? AND type <> 'signature'",
                Records::document,
                residentId)) {
            out.add(document(tx, d));
        }
        for (ConsentDto c : tx.query("SELECT * FROM consents WHERE resident_id = ?", Records::consent, residentId)) {
            String what = "information_notice".equals(c.scope())
                    ? CoreMessages.get("timeline.notice", c.noticeVersion() == null ? "" : c.noticeVersion())
                    : label(tx, ListNames.CONSENT_SCOPE, c.scope()) + (c.partner() == null ? "" : " – " + c.partner());
            out.add(new TimelineEntry(
                    c.givenAt(), CONSENT, c.id(), CoreMessages.get("timeline.consent", what), List.of()));
            if (c.withdrawnAt() != null) {
                out.add(new TimelineEntry(
                        c.withdrawnAt(),
                        CONSENT,
                        c.id(),
                        CoreMessages.get("timeline.consent.withdrawn", what),
                        List.of()));
            }
        }
        for (MandateDto m : tx.query("SELECT * FROM mandates WHERE resident_id = ?", Records::mandate, residentId)) {
            String domains = m.demarches().stream()
                    .map(d -> label(tx, ListNames.DOMAIN, d))
                    .collect(Collectors.joining(", "));
            Instant at = m.signedAt() != null ? m.signedAt() : startOf(m.startDate());
            out.add(new TimelineEntry(
                    at,
                    MANDATE,
                    m.id(),
                    CoreMessages.get(
                            "timeline.mandate",
                            domains,
                            CoreMessages.get("timeline.mandate.dates", date(m.startDate()), date(m.endDate()))),
                    m.creditors()));
            if (m.revokedAt() != null) {
                out.add(new TimelineEntry(
                        m.revokedAt(),
                        MANDATE,
                        m.id(),
                        CoreMessages.get("timeline.mandate.revoked", domains),
                        List.of()));
            }
        }
        for (TaskDto t : tx.query("SELECT * FROM tasks WHERE resident_id = ?", Records::task, residentId)) {
            Instant at = t.createdAt() != null ? t.createdAt() : startOf(t.dueDate());
            String status = CoreMessages.get("timeline.task."
                    + (TaskDto.DONE.equals(t.status()) || TaskDto.CANCELLED.equals(t.status())
                            ? t.status()
                            : TaskDto.TODO));
            out.add(new TimelineEntry(
                    at,
                    TASK,
                    t.id(),
                    CoreMessages.get("timeline.task", t.title(), t.dueDate() == null ? "–" : date(t.dueDate())) + " · "
                            + status,
                    List.of()));
        }
        out.removeIf(e -> e.at() == null);
        // newest first; at the same instant, a record before the signature documents it names
        out.sort(Comparator.comparing(TimelineEntry::at)
                .reversed()
                .thenComparing(e -> KINDS.indexOf(e.kind()))
                .thenComparing(TimelineEntry::recordId));
        return out;
    }

    private TimelineEntry contact(Tx tx, VisitReportDto v) {
        String domains =
                v.domains().stream().map(d -> label(tx, ListNames.DOMAIN, d)).collect(Collectors.joining(", "));
        String medium = v.medium() == null
                ? CoreMessages.get("timeline.contact.medium")
                : label(tx, ListNames.MEDIUM, v.medium());
        String summary = domains.isEmpty() ? medium : medium + " – " + domains;
        if (v.completedAt() == null) {
            summary = CoreMessages.get("timeline.contact.draft", summary);
        }
        List<String> details = new ArrayList<>();
        for (ActionDto a : v.actions()) {
            List<String> parts = new ArrayList<>();
            parts.add(label(tx, ListNames.ACTION_TYPE, a.type()));
            if (a.target() != null && !a.target().isBlank()) {
                parts.add(a.target());
            }
            if (a.result() != null) {
                parts.add(label(tx, ListNames.ACTION_RESULT, a.result()));
            }
            if (a.amountObtainedCents() != null) {
                parts.add(money(a.amountObtainedCents()));
            } else if (a.amountRequestedCents() != null) {
                parts.add(money(a.amountRequestedCents()));
            }
            details.add(CoreMessages.get("timeline.action", String.join(" · ", parts)));
        }
        for (OrientationDto o : v.orientations()) {
            details.add(CoreMessages.get("timeline.orientation", label(tx, ListNames.ORIENTATION_TARGET, o.target())));
        }
        return new TimelineEntry(v.startedAt(), CONTACT, v.id(), summary, details);
    }

    private TimelineEntry document(Tx tx, DocumentDto d) {
        List<String> parts = new ArrayList<>();
        parts.add(label(tx, ListNames.DOCUMENT_TYPE, d.type()));
        if (d.title() != null && !d.title().isBlank()) {
            parts.add(d.title());
        }
        if (d.issuer() != null && !d.issuer().isBlank()) {
            parts.add(d.issuer());
        }
        if (d.amountCents() != null) {
            parts.add(money(d.amountCents()));
        }
        if (d.dueDate() != null) {
            parts.add(CoreMessages.get("timeline.document.due", date(d.dueDate())));
        }
        return new TimelineEntry(d.capturedAt(), DOCUMENT, d.id(), String.join(" · ", parts), List.of());
    }

    private static String label(Tx tx, String list, String code) {
        return code == null ? "" : Objects.requireNonNullElse(SqliteReferenceService.label(tx, list, code), code);
    }

    private Instant startOf(LocalDate d) {
        return d == null ? null : d.atStartOfDay(zone).toInstant();
    }

    private static String date(LocalDate d) {
        return d == null ? "" : Texts.DATE.format(d);
    }

    /** Euro cents as "1 234,56 €". */
    static String money(long cents) {
        long abs = Math.abs(cents);
        String units = Long.toString(abs / 100);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < units.length(); i++) {
            if (i > 0 && (units.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(units.charAt(i));
        }
        return (cents < 0 ? "-" : "") + grouped + "," + String.format("%02d", abs % 100) + " €";
    }
}
