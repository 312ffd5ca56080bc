package fr.mediance.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The planning rules of an appointment that the app (offline, before saving) and the office server (at push)
 * must agree on: when two appointments of one counsellor overlap, when a status needs a reason, and who may
 * change which field.
 *
 * <p><b>Overlap.</b> Two appointments overlap when they are different records of the same counsellor, both
 * active (a cancelled or no-show appointment frees its time), and their half-open intervals {@code [start, end)}
 * intersect: one ending at 10:00 and the next starting at 10:00 do not overlap.
 *
 * <p><b>Who plans.</b> The coordination and the admin plan any appointment and alone lock or unlock one. A
 * counsellor plans her own appointments only ({@code counsellorId} is herself); of an appointment she planned
 * herself she changes everything but its counsellor and its lock, unless it is locked; of any other (or a locked
 * one) only its {@code status} and {@code statusReason}. The office plans nothing.
 */
public final class AppointmentPlanning {
    public static final String PROPOSED = "proposed";
    public static final String CONFIRMED = "confirmed";
    public static final String DONE = "done";
    public static final String NO_SHOW = "no_show";
    public static final String CANCELLED_BY_RESIDENT = "cancelled_by_resident";
    public static final String CANCELLED_BY_STRUCTURE = "cancelled_by_structure";

    /** The fields a counsellor reports on any appointment of hers (wire names). */
    public static final List<String> STATUS_FIELDS = List.of("status", "statusReason");

    /** The wire name of the lock. */
    public static final String LOCKED = "locked";

    /** The French refusal of a cancellation without a reason. */
    public static final String REASON_REQUIRED =
            "Une annulation demande un motif « statusReason » : dites pourquoi le rendez-vous est annulé.";

    private AppointmentPlanning() {}

    /** Whether an appointment of this status holds its counsellor's time (not cancelled, not a no-show). */
    public static boolean active(String status) {
        return !NO_SHOW.equals(status) && !isCancellation(status);
    }

    /** Whether the status is a cancellation ({@code cancelled_*}). */
    public static boolean isCancellation(String status) {
        return status != null && status.startsWith("cancelled_");
    }

    /** Whether this status needs a {@code statusReason}: every cancellation. */
    public static boolean needsReason(String status) {
        return isCancellation(status);
    }

    /** Whether the appointment lacks the reason its status needs. */
    public static boolean missesReason(String status, String statusReason) {
        return needsReason(status) && (statusReason == null || statusReason.isBlank());
    }

    /** Whether two appointments overlap (see the class comment). */
    public static boolean overlap(AppointmentDto a, AppointmentDto b) {
        return a != null
                && b != null
                && !Objects.equals(a.id(), b.id())
                && Objects.equals(a.counsellorId(), b.counsellorId())
                && active(a.status())
                && active(b.status())
                && a.start() != null
                && a.end() != null
                && b.start() != null
                && b.end() != null
                && a.start().isBefore(b.end())
                && b.start().isBefore(a.end());
    }

    /** Those of {@code others} that overlap {@code a}, in their order. */
    public static List<AppointmentDto> overlapping(AppointmentDto a, Collection<AppointmentDto> others) {
        List<AppointmentDto> out = new ArrayList<>();
        for (AppointmentDto o : others) {
            if (overlap(a, o)) {
                out.add(o);
            }
        }
        return out;
    }

    /** The French refusal of a move (the week's drag) of a locked appointment. */
    public static final String LOCKED_NOT_MOVED = "Ce rendez-vous est verrouillé : il ne se déplace pas. "
            + "Déverrouillez-le d'abord (« Modifier » puis « Déverrouiller »).";

    /** The French refusal of a move of an appointment that no longer holds time (cancelled, no-show or done). */
    public static final String CLOSED_NOT_MOVED =
            "Ce rendez-vous est annulé, manqué ou réalisé : il ne se déplace pas.";

    /**
     * Whether the {@code current} appointment may be moved as it stands (another counsellor or start, its length
     * kept): null when it may, else why not. A locked appointment is not moved until the coordination unlocks it;
     * one that no longer holds time (cancelled, no-show) or is done is not moved at all. Who may move it is
     * {@link #refusalOfChange}'s; whether its new place is free is {@link #overlap}'s.
     */
    public static String refusalOfMove(AppointmentDto current) {
        if (current.locked()) {
            return LOCKED_NOT_MOVED;
        }
        if (!active(current.status()) || DONE.equals(current.status())) {
            return CLOSED_NOT_MOVED;
        }
        return null;
    }

    /** Whether the role plans anybody's appointments and locks them: the coordination and the admin. */
    public static boolean plansForOthers(Role role) {
        return role == Role.COORDINATOR || role == Role.ADMIN;
    }

    /** Whether this account may plan a new appointment for {@code counsellorId}; null when it may, else why not. */
    public static String refusalOfCreation(Role role, String userId, String counsellorId, boolean locked) {
        if (plansForOthers(role)) {
            return null;
        }
        if (role != Role.COUNSELLOR) {
            return "Votre rôle ne permet pas de planifier un rendez-vous.";
        }
        if (!Objects.equals(userId, counsellorId)) {
            return "Vous planifiez vos propres rendez-vous seulement : « counsellorId » doit être vous-même.";
        }
        if (locked) {
            return "Seule la coordination verrouille un rendez-vous.";
        }
        return null;
    }

    /**
     * Whether this account may change {@code field} (wire name) of the {@code current} appointment; null when it
     * may, else a French sentence saying why not.
     */
    public static String refusalOfChange(Role role, String userId, AppointmentDto current, String field) {
        if (plansForOthers(role)) {
            return null;
        }
        if (role != Role.COUNSELLOR) {
            return "Votre rôle ne permet pas de modifier un rendez-vous.";
        }
        if (!Objects.equals(userId, current.counsellorId())) {
            return "Ce rendez-vous n'est pas le vôtre : modification refusée.";
        }
        if (STATUS_FIELDS.contains(field)) {
            return null;
        }
        if (LOCKED.equals(field)) {
            return "Seule la coordination verrouille ou déverrouille un rendez-vous.";
        }
        if ("counsellorId".equals(field)) {
            return "Seule la coordination confie un rendez-vous à quelqu'un d'autre : le champ « counsellorId » lui "
                    + "est réservé.";
        }
        if (current.locked()) {
            return "Ce rendez-vous est verrouillé par la coordination : vous ne pouvez changer que son statut et son "
                    + "motif (champ « " + field + " »).";
        }
        if (!Objects.equals(userId, current.plannedBy())) {
            return "Vous ne pouvez changer que le statut du rendez-vous et son motif ; le champ « " + field
                    + " » est réservé à la coordination, qui l'a planifié.";
        }
        return null;
    }

    /** Whether this account may change anything but the status of the appointment (the app's form offers it). */
    public static boolean mayReschedule(Role role, String userId, AppointmentDto current) {
        return refusalOfChange(role, userId, current, "start") == null;
    }
}
