package fr.mediance.server.sync;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Tx;

import java.util.Collection;
import java.util.Set;

/**
 * Who sees which record. Coordinator, office and admin: everything of their structure. A counsellor: the
 * residents they follow (referent) or have an appointment with, their own appointments, their own reports,
 * the documents they captured and the conflicts they are one of the two authors of. Everyone: the code lists.
 * A blob's status: whoever sees a live document of their structure that refers to the blob.
 */
final class Visibility {
    private final EntityStore store;

    Visibility(EntityStore store) {
        this.store = store;
    }

    /** Whether a counsellor follows a resident: referent, or an appointment with them. */
    boolean follows(Tx tx, String counsellorId, ResidentDto resident) {
        return counsellorId.equals(resident.referentId()) || store.hasAppointment(tx, counsellorId, resident.id());
    }

    /** A view for one user, computed once per pull. */
    View forUser(Tx tx, AuthUser user) {
        return forUser(tx, user, Set.of());
    }

    /** A view for one user that can also tell which of these blob statuses they may see. */
    View forUser(Tx tx, AuthUser user, Collection<String> blobHashes) {
        Set<String> withAppointments = user.seesWholeStructure() ? Set.of()
                : store.residentsWithAppointments(tx, user.id());
        Set<String> blobs = blobHashes.isEmpty() ? Set.of() : store.blobsReferenced(tx, user.structureId(),
                user.seesWholeStructure() ? null : user.id(), blobHashes);
        return new View(user, withAppointments, blobs);
    }

    static final class View {
        private final AuthUser user;
        private final Set<String> residentsWithAppointments;
        private final Set<String> visibleBlobs;

        private View(AuthUser user, Set<String> residentsWithAppointments, Set<String> visibleBlobs) {
            this.user = user;
            this.residentsWithAppointments = residentsWithAppointments;
            this.visibleBlobs = visibleBlobs;
        }

        boolean sees(StoredEntity e) {
            if (e.data() instanceof fr.mediance.protocol.CodeDto) {
                return true;
            }
            if (e.type() == EntityType.BLOB) {
                return visibleBlobs.contains(e.id());
            }
            if (!user.structureId().equals(e.structureId())) {
                return false;
            }
            if (user.seesWholeStructure()) {
                return true;
            }
            String me = user.id();
            return switch (e.type()) {
                case RESIDENT -> me.equals(((ResidentDto) e.data()).referentId())
                        || residentsWithAppointments.contains(e.id());
                case APPOINTMENT -> me.equals(((AppointmentDto) e.data()).counsellorId());
                case VISIT_REPORT -> me.equals(((VisitReportDto) e.data()).counsellorId());
                case DOCUMENT -> me.equals(e.createdBy());
                case CODE -> true;
                case CONFLICT -> me.equals(((ConflictDto) e.data()).serverAuthorId())
                        || me.equals(((ConflictDto) e.data()).clientAuthorId());
                case BLOB -> false;
            };
        }
    }
}
