package fr.mediance.app.agenda;

import fr.mediance.app.testing.DemoOffice;
import fr.mediance.protocol.AppointmentDto;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/** The coordination's changes to Awa Diallo's day on the demo office, as they arrive at her next sync. */
public final class AgendaChangesDemo {
    private AgendaChangesDemo() {}

    public static void coordinationChanges(DemoOffice office) {
        office.server.addCode("cancel_reason", "hospitalisation", "Hospitalisation", 1);
        LocalDate today = LocalDate.now(DemoOffice.PARIS);
        write(office, "a2", "r2", today, "11:45", "confirmed", null, false); // moved from 11:00
        write(office, "a3", "r3", today, "14:00", "cancelled_by_structure", "hospitalisation", false);
        write(office, "a4", "r4", today, "16:00", "confirmed", null, true); // locked
        write(office, "a6", "r1", today.plusDays(2), "10:00", "confirmed", null, false); // new
    }

    private static void write(
            DemoOffice office,
            String id,
            String resident,
            LocalDate day,
            String start,
            String status,
            String reason,
            boolean locked) {
        ZonedDateTime s = ZonedDateTime.of(day, LocalTime.parse(start), DemoOffice.PARIS);
        office.server.serverWrite(new AppointmentDto(
                id,
                "s1",
                resident,
                "u-c1",
                "home_visit",
                s.toInstant(),
                s.plusMinutes(60).toInstant(),
                status,
                null,
                null,
                reason,
                List.of(),
                null,
                locked,
                null,
                "u-k1"));
    }
}
