package fr.mediance.server.appointment;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.AppointmentPlanning;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.StoredEntity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Overlapping appointments of one counsellor, kept visible rather than refused. A counsellor plans offline and the
 * coordination plans at the office: neither can see the other's latest plan, so a push that makes two active
 * appointments of one counsellor overlap ({@link AppointmentPlanning#overlap}) is applied as sent (nothing typed is
 * lost) and the pair gets one {@link ConflictDto#OVERLAP} conflict in the ordinary conflicts table, in the same
 * transaction: the coordination sees it in its conflicts list, the counsellor on her agenda (she is always one of
 * the conflict's two accounts, see {@link ConflictDto}).
 *
 * <p>Resolution is by the plan itself, not by a value: after every write of an appointment (and after its
 * deletion) each open overlap conflict naming it is checked again and closes itself when the two appointments no
 * longer overlap (one moved, cancelled, given to someone else, or deleted), its {@code resolvedBy} being the
 * account whose push parted them. Exactly once: a replayed push is answered from its stored receipt, and a pair
 * that already has an open conflict gets no second one (whichever of the two is pushed again).
 */
final class AppointmentOverlaps {
    /** The receipt code of a push that left its appointment overlapping another. */
    static final String CODE = "appointment_overlap";

    private AppointmentOverlaps() {}

    /** The active appointments of the same counsellor that {@code a} overlaps, its own record excluded. */
    static List<AppointmentDto> of(Operation c, AppointmentDto a) {
        if (!AppointmentPlanning.active(a.status())) {
            return List.of();
        }
        List<AppointmentDto> candidates = new ArrayList<>();
        for (StoredEntity e : c.appointmentsOf(
                a.counsellorId(), a.start().minus(Duration.ofMinutes(Limits.MAX_APPOINTMENT_MINUTES)), a.end())) {
            candidates.add((AppointmentDto) e.data());
        }
        return AppointmentPlanning.overlapping(a, candidates);
    }

    /**
     * After {@code a} was written: opens a conflict for each new overlapping pair and closes those of its pairs that
     * no longer overlap. Answers the appointments it overlaps now (empty when it is clear).
     */
    static List<AppointmentDto> record(Operation c, AppointmentDto a) {
        List<AppointmentDto> overlapping = of(c, a);
        List<StoredEntity> open = c.openConflicts(EntityType.APPOINTMENT).stream()
                .filter(e -> ((ConflictDto) e.data()).overlap())
                .toList();
        for (StoredEntity e : open) {
            ConflictDto conflict = (ConflictDto) e.data();
            Optional<String> other = otherOf(conflict, a.id());
            if (other.isPresent() && overlapping.stream().noneMatch(o -> o.id().equals(other.get()))) {
                close(c, e);
            }
        }
        for (AppointmentDto o : overlapping) {
            boolean known = open.stream()
                    .map(e -> (ConflictDto) e.data())
                    .anyMatch(k -> otherOf(k, a.id()).filter(o.id()::equals).isPresent());
            if (!known) {
                openConflict(c, a, o);
            }
        }
        return overlapping;
    }

    /** After an appointment was deleted: its open overlap conflicts close. */
    static void forget(Operation c, String appointmentId) {
        for (StoredEntity e : c.openConflicts(EntityType.APPOINTMENT)) {
            ConflictDto conflict = (ConflictDto) e.data();
            if (conflict.overlap() && otherOf(conflict, appointmentId).isPresent()) {
                close(c, e);
            }
        }
    }

    /** The French sentence of a push's receipt when its appointment overlaps others. */
    static String message(List<AppointmentDto> overlapping) {
        return "Votre rendez-vous est enregistré, mais il chevauche "
                + (overlapping.size() == 1 ? "un autre rendez-vous" : overlapping.size() + " autres rendez-vous")
                + " du même conseiller : déplacez ou annulez l'un des deux. Le conflit reste visible de la "
                + "coordination et du conseiller jusque-là.";
    }

    /** The other appointment of an overlap conflict that names {@code appointmentId}, if it names it. */
    private static Optional<String> otherOf(ConflictDto conflict, String appointmentId) {
        if (appointmentId.equals(conflict.clientValue())) {
            return Optional.ofNullable(conflict.serverValue());
        }
        if (appointmentId.equals(conflict.serverValue())) {
            return Optional.ofNullable(conflict.clientValue());
        }
        return Optional.empty();
    }

    private static void openConflict(Operation c, AppointmentDto pushed, AppointmentDto other) {
        String pusher = c.user().id();
        String otherSide = !Objects.equals(pusher, pushed.counsellorId())
                ? pushed.counsellorId()
                : other.plannedBy() == null ? pushed.counsellorId() : other.plannedBy();
        ConflictDto conflict = new ConflictDto(
                UUID.randomUUID().toString(),
                c.structure(),
                EntityType.APPOINTMENT,
                pushed.id(),
                ConflictDto.OVERLAP,
                pushed.counsellorId(),
                other.id(),
                pushed.id(),
                otherSide,
                pusher,
                c.now(),
                ConflictDto.OPEN,
                null,
                null,
                null);
        c.save(conflict, null);
    }

    private static void close(Operation c, StoredEntity stored) {
        ConflictDto k = (ConflictDto) stored.data();
        ConflictDto closed = new ConflictDto(
                k.id(),
                k.structureId(),
                k.entity(),
                k.entityId(),
                k.field(),
                k.baseValue(),
                k.serverValue(),
                k.clientValue(),
                k.serverAuthorId(),
                k.clientAuthorId(),
                k.detectedAt(),
                ConflictDto.RESOLVED,
                null,
                c.user().id(),
                c.now());
        c.save(closed, stored.version());
    }
}
