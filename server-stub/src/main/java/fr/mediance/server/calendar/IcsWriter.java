package fr.mediance.server.calendar;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.Neighbourhoods;
import fr.mediance.protocol.ResidentDto;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A counsellor's appointments as iCalendar (RFC 5545), for phone calendars. What a phone shows is seen by anyone
 * near it and copied to the calendar's cloud: an event carries the kind of appointment, the resident's file number
 * and the neighbourhood, never a name, a street, a phone number or a note (the full detail is on the tablet).
 *
 * <p>Times are written in UTC ({@code 20261127T090000Z}): an appointment is one instant, never repeated, so a time
 * zone definition brings nothing but risk (a VTIMEZONE a calendar misreads, or an outdated one); every calendar
 * shows UTC times in the phone's own zone, and {@code X-WR-TIMEZONE} names Europe/Paris for those that label the
 * calendar. Lines are folded at 75 octets (ical4j folds at 75 characters, which splits accented text past the
 * limit), with CRLF line ends.
 *
 * <p>A cancelled appointment stays, with {@code STATUS:CANCELLED} (the phone shows it struck through or drops it, and
 * the counsellor sees that the slot is free); a deleted one is left out, and a calendar deletes an event whose UID
 * no longer comes. {@code SEQUENCE} is the record's version (it only grows) and {@code DTSTAMP} its last change, so
 * that the same data give the same text and the feed's ETag only changes with them.
 */
final class IcsWriter {
    static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    private static final int MAX_OCTETS = 75;

    private IcsWriter() {}

    /** The calendar of these appointments, as text ready to send. */
    static String calendar(String name, List<RoundStore.Visit> visits) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Médiance//Rendez-vous//FR"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(ImmutableMethod.PUBLISH);
        cal.add(new XProperty("X-WR-CALNAME", name));
        cal.add(new XProperty("X-WR-TIMEZONE", "Europe/Paris"));
        cal.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        for (RoundStore.Visit v : visits) {
            cal.add(event(v));
        }
        StringWriter out = new StringWriter();
        try {
            // no folding by ical4j (it counts characters): done below by octets
            new CalendarOutputter(false, Integer.MAX_VALUE).output(cal, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("calendar not valid", e);
        }
        return fold(out.toString());
    }

    static VEvent event(RoundStore.Visit v) {
        AppointmentDto a = v.appointment();
        VEvent e = new VEvent(a.start(), a.end() != null ? a.end() : a.start().plusSeconds(3600), summary(v));
        e.replace(new DtStamp(v.updatedAt()));
        e.add(new Uid(a.id() + "@mediance"));
        e.add(new Sequence((int) Math.min(Integer.MAX_VALUE, Math.max(0, v.version()))));
        e.add(new LastModified(v.updatedAt()));
        e.add(status(a.status()));
        e.add(ImmutableTransp.OPAQUE);
        String where = location(v);
        if (where != null) {
            e.add(new Location(where));
        }
        e.add(new Description("Détail du rendez-vous sur la tablette Médiance."));
        return e;
    }

    /** « Visite à domicile — dossier 2025-0042 ». */
    static String summary(RoundStore.Visit v) {
        ResidentDto r = v.resident();
        String file = r == null || r.fileNumber() == null || r.fileNumber().isBlank()
                ? "dossier sans numéro"
                : "dossier " + r.fileNumber().strip();
        return typeLabel(v.appointment().type()) + " — " + file;
    }

    static String typeLabel(String type) {
        if (type == null) {
            return "Rendez-vous";
        }
        return switch (type) {
            case "home_visit" -> "Visite à domicile";
            case "desk" -> "Permanence";
            case "phone" -> "Appel téléphonique";
            case "video" -> "Visioconférence";
            default -> "Rendez-vous";
        };
    }

    /** The neighbourhood of a visit at home or at the desk; nothing for a call. */
    static String location(RoundStore.Visit v) {
        String type = v.appointment().type();
        if ("phone".equals(type) || "video".equals(type)) {
            return null;
        }
        ResidentDto r = v.resident();
        return Neighbourhoods.of(
                r == null ? null : r.postcode(),
                r == null ? null : r.city(),
                v.appointment().address());
    }

    /** Proposed → TENTATIVE; cancelled → CANCELLED; confirmed, done, no-show (the time was kept) → CONFIRMED. */
    static Property status(String status) {
        if (status == null) {
            return ImmutableStatus.VEVENT_TENTATIVE;
        }
        return switch (status) {
            case "proposed" -> ImmutableStatus.VEVENT_TENTATIVE;
            case "cancelled_by_resident", "cancelled_by_structure" -> ImmutableStatus.VEVENT_CANCELLED;
            default -> ImmutableStatus.VEVENT_CONFIRMED;
        };
    }

    static boolean cancelled(String status) {
        return "cancelled_by_resident".equals(status) || "cancelled_by_structure".equals(status);
    }

    /**
     * Folds every line to at most 75 octets (RFC 5545 §3.1): a continuation starts with a space, and a line is never
     * cut inside a UTF-8 sequence. Line ends are CRLF.
     */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 64 * 3);
        for (String line : text.split("\r\n|\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = MAX_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + n > limit) {
                    out.append("\r\n ");
                    octets = 0;
                    limit = MAX_OCTETS - 1; // the leading space counts
                }
                out.appendCodePoint(cp);
                octets += n;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
