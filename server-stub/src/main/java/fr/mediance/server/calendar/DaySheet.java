package fr.mediance.server.calendar;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.server.export.ExportRenderers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A counsellor's printable day (A4, French): the day's appointments in time order with everything needed at the
 * door (resident, full address, phone, access notes, what to bring back, safety notes) and the free time between
 * them; the cancelled ones listed apart. It is the counsellor's own working paper, printed on demand: every page
 * says it is confidential.
 */
final class DaySheet {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String CONFIDENTIAL = "Document confidentiel — ne pas laisser sans surveillance, détruire après usage";
    private static final DateTimeFormatter DAY_TITLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE);

    /** What the sheet shows. */
    record Sheet(String counsellorName, LocalDate day, List<RoundStore.Visit> visits, Instant printedAt) {}

    enum Kind {
        TITLE,
        SUBTITLE,
        HEADING,
        LINE,
        DETAIL,
        GAP,
        SAFETY
    }

    record Line(Kind kind, String text) {}

    private DaySheet() {}

    /** The sheet's text, line by line, in the order it is printed. */
    static List<Line> lines(Sheet s) {
        List<Line> out = new ArrayList<>();
        out.add(new Line(Kind.TITLE, "Feuille de route — " + s.counsellorName()));
        String day = DAY_TITLE.format(s.day());
        out.add(new Line(Kind.SUBTITLE, Character.toUpperCase(day.charAt(0)) + day.substring(1)));
        List<RoundStore.Visit> kept = s.visits().stream()
                .filter(v -> !IcsWriter.cancelled(v.appointment().status()))
                .toList();
        List<RoundStore.Visit> cancelled = s.visits().stream()
                .filter(v -> IcsWriter.cancelled(v.appointment().status()))
                .toList();
        out.add(new Line(
                Kind.LINE,
                kept.size() + " rendez-vous prévu" + (kept.size() > 1 ? "s" : "")
                        + (cancelled.isEmpty()
                                ? ""
                                : ", " + cancelled.size() + " annulé" + (cancelled.size() > 1 ? "s" : ""))
                        + "."));
        if (kept.isEmpty()) {
            out.add(new Line(Kind.LINE, "Aucun rendez-vous prévu ce jour."));
        }
        Instant previousEnd = null;
        for (RoundStore.Visit v : kept) {
            AppointmentDto a = v.appointment();
            if (previousEnd != null) {
                if (a.start().isAfter(previousEnd)) {
                    long minutes = Duration.between(previousEnd, a.start()).toMinutes();
                    out.add(new Line(
                            Kind.GAP,
                            "Temps libre " + time(previousEnd) + "–" + time(a.start()) + " (" + duration(minutes)
                                    + ")"));
                } else if (a.start().isBefore(previousEnd)) {
                    out.add(new Line(
                            Kind.GAP,
                            "Attention : chevauche le rendez-vous précédent (fin " + time(previousEnd) + ")"));
                }
            }
            visit(out, v);
            Instant end = end(a);
            previousEnd = previousEnd == null || end.isAfter(previousEnd) ? end : previousEnd;
        }
        if (!cancelled.isEmpty()) {
            out.add(new Line(Kind.HEADING, "Rendez-vous annulés"));
            for (RoundStore.Visit v : cancelled) {
                AppointmentDto a = v.appointment();
                String reason = a.statusReason() == null || a.statusReason().isBlank()
                        ? ""
                        : " — " + a.statusReason().strip();
                out.add(new Line(
                        Kind.LINE,
                        time(a.start()) + "–" + time(end(a)) + " · " + IcsWriter.typeLabel(a.type()) + " · "
                                + residentName(v.resident()) + " · " + statusLabel(a.status()) + reason));
            }
        }
        return out;
    }

    private static void visit(List<Line> out, RoundStore.Visit v) {
        AppointmentDto a = v.appointment();
        ResidentDto r = v.resident();
        out.add(new Line(
                Kind.HEADING,
                time(a.start()) + "–" + time(end(a)) + " · " + IcsWriter.typeLabel(a.type()) + " · "
                        + statusLabel(a.status())));
        String file = r == null || r.fileNumber() == null || r.fileNumber().isBlank()
                ? ""
                : " (dossier " + r.fileNumber().strip() + ")";
        out.add(new Line(Kind.LINE, "Habitant : " + residentName(r) + file));
        String address = address(a, r);
        if (address != null) {
            out.add(new Line(Kind.LINE, "Adresse : " + address));
        }
        if (r != null && r.phone() != null && !r.phone().isBlank()) {
            out.add(new Line(Kind.LINE, "Téléphone : " + r.phone().strip()));
        } else {
            out.add(new Line(Kind.LINE, "Téléphone : non renseigné"));
        }
        if (r != null && r.accessNotes() != null && !r.accessNotes().isBlank()) {
            out.add(new Line(Kind.LINE, "Accès : " + r.accessNotes().strip()));
        }
        if (a.notes() != null && !a.notes().isBlank()) {
            out.add(new Line(Kind.LINE, "Objet : " + a.notes().strip()));
        }
        if (!a.checklist().isEmpty()) {
            out.add(new Line(Kind.LINE, "À prévoir :"));
            for (String item : a.checklist()) {
                out.add(new Line(Kind.DETAIL, "☐ " + item));
            }
        }
        if (a.safetyNotes() != null && !a.safetyNotes().isBlank()) {
            out.add(new Line(Kind.SAFETY, "Sécurité : " + a.safetyNotes().strip()));
        }
    }

    static String residentName(ResidentDto r) {
        if (r == null) {
            return "habitant inconnu";
        }
        String name = Stream.of(r.civility(), r.firstName(), r.lastName())
                .filter(x -> x != null && !x.isBlank())
                .map(String::strip)
                .collect(Collectors.joining(" "));
        return name.isEmpty() ? "habitant sans nom" : name;
    }

    private static String address(AppointmentDto a, ResidentDto r) {
        if (a.address() != null && !a.address().isBlank()) {
            return a.address().strip();
        }
        if (r == null) {
            return null;
        }
        String s = Stream.of(
                        r.street(),
                        Stream.of(r.postcode(), r.city())
                                .filter(x -> x != null && !x.isBlank())
                                .collect(Collectors.joining(" ")))
                .filter(x -> x != null && !x.isBlank())
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? null : s;
    }

    static String statusLabel(String status) {
        if (status == null) {
            return "à confirmer";
        }
        return switch (status) {
            case "proposed" -> "à confirmer";
            case "confirmed" -> "confirmé";
            case "done" -> "effectué";
            case "no_show" -> "habitant absent";
            case "cancelled_by_resident" -> "annulé par l'habitant";
            case "cancelled_by_structure" -> "annulé par la structure";
            default -> status;
        };
    }

    private static Instant end(AppointmentDto a) {
        return a.end() != null ? a.end() : a.start().plusSeconds(3600);
    }

    private static String time(Instant t) {
        return TIME.format(t.atZone(PARIS));
    }

    private static String duration(long minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : String.format(" %02d", minutes % 60));
    }

    /** The sheet as a PDF (A4, DejaVu Sans embedded), with the confidentiality notice and page numbers. */
    static byte[] pdf(Sheet s) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font regular = ExportRenderers.font(doc, ExportRenderers.FONT);
            PDType0Font bold = ExportRenderers.font(doc, ExportRenderers.FONT_BOLD);
            doc.getDocumentInformation().setTitle("Feuille de route du " + s.day());
            doc.getDocumentInformation().setCreator("Médiance");
            ExportRenderers.Pages pages = new ExportRenderers.Pages(doc);
            float left = ExportRenderers.MARGIN;
            for (Line l : lines(s)) {
                PDType0Font f =
                        l.kind() == Kind.LINE || l.kind() == Kind.DETAIL || l.kind() == Kind.GAP ? regular : bold;
                float size = switch (l.kind()) {
                    case TITLE -> 16;
                    case SUBTITLE -> 13;
                    case HEADING -> 11.5f;
                    default -> 10;
                };
                float x = left + (l.kind() == Kind.DETAIL ? 14 : l.kind() == Kind.GAP ? 28 : 0);
                float width = PDRectangle.A4.getWidth() - ExportRenderers.MARGIN - x;
                if (l.kind() == Kind.HEADING) {
                    pages.space(size * 0.9f);
                } else if (l.kind() == Kind.GAP) {
                    pages.space(size * 0.5f);
                }
                String text = l.kind() == Kind.GAP ? "… " + l.text() + " …" : l.text();
                for (String row : ExportRenderers.wrap(ExportRenderers.printable(f, text), f, size, width)) {
                    pages.line(f, size, x, row, size * 1.4f);
                }
            }
            pages.close();
            footers(doc, regular, "Imprimé le " + PRINTED.format(s.printedAt().atZone(PARIS)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the day sheet", e);
        }
    }

    private static void footers(PDDocument doc, PDType0Font font, String printed) throws IOException {
        int count = doc.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs =
                    new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs.beginText();
                cs.setFont(font, 8);
                cs.newLineAtOffset(ExportRenderers.MARGIN, 28);
                cs.showText(CONFIDENTIAL + " · " + printed + " · page " + (i + 1) + "/" + count);
                cs.endText();
            }
        }
    }
}
