package fr.mediance.app.core.agenda;

import java.time.Instant;
import java.util.List;

/**
 * « Ce qui a changé depuis hier »: what others (the coordination, the office) changed in the signed-in counsellor's
 * upcoming appointments since she last looked, compared with what this device kept of them then. Her own changes made
 * on this device are not news. Methods block briefly on the local database: call them off the FX thread.
 */
public interface AgendaChanges {

    enum Kind {
        /** An appointment she had not seen. */
        NEW,
        /** Its time changed ({@link Change#previousStart()} → {@link Change#start()}). */
        MOVED,
        /** Given to another counsellor ({@link Change#counsellorName()}). */
        REASSIGNED,
        /** Cancelled, with its reason code ({@link Change#reason()}). */
        CANCELLED,
        LOCKED,
        UNLOCKED,
        /** No longer on this device (withdrawn from her agenda). */
        REMOVED
    }

    /** One change of one appointment; an appointment moved and locked gives two. */
    record Change(
            Kind kind,
            String appointmentId,
            String residentName,
            Instant start,
            Instant previousStart,
            String counsellorName,
            String reason) {}

    /**
     * When she last looked ({@code null} the first time) and what changed since, by the appointment's time. The
     * first time (once the device has received its first changes from the office), everything current is taken as
     * seen: no change is listed.
     */
    record Since(Instant seenAt, List<Change> changes) {}

    /** What changed since the last look; records the current state as seen when there was no last look. */
    Since changes();

    /** « J'ai vu »: the current state of her upcoming appointments becomes what she saw, now. */
    void markSeen();
}
