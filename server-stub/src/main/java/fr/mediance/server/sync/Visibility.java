package fr.mediance.server.sync;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Tx;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Who sees which record. A private note: its author only, whatever the role. Coordinator, office and admin:
 * everything else of their structure. A counsellor: the residents they follow (referent, or an appointment),
 * their own appointments, their own reports and those about residents they are the referent of, the documents
 * they captured, and the documents, consents, mandates and tasks of the residents they follow, the tasks
 * assigned to them, and the conflicts they are one of the two authors of. Everyone: the code lists. A blob's
 * status: whoever sees a live document of their structure that refers to the blob.
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
        boolean all = user.seesWholeStructure();
        Set<String> withAppointments = all ? Set.of() : store.residentsWithAppointments(tx, user.id());
        Set<String> referentOf = all ? Set.of() : store.residentsOfReferent(tx, user.id());
        Set<String> followed = new HashSet<>(withAppointments);
        followed.addAll(referentOf);
        Set<String> blobs = new HashSet<>();
        if (!blobHashes.isEmpty()) {
            for (EntityStore.BlobReference ref : store.blobReferences(tx, user.structureId(), blobHashes)) {
                if (all || user.id().equals(ref.createdBy()) || followed.contains(ref.residentId())) {
                    blobs.add(ref.sha256());
                }
            }
        }
        return new View(user, withAppointments, referentOf, followed, blobs);
    }

    static final class View {
        private final AuthUser user;
        private final Set<String> residentsWithAppointments;
        private final Set<String> referentOf;
        private final Set<String> followed;
        private final Set<String> visibleBlobs;

        private View(AuthUser user, Set<String> residentsWithAppointments, Set<String> referentOf,
                     Set<String> followed, Set<String> visibleBlobs) {
            this.user = user;
            this.residentsWithAppointments = residentsWithAppointments;
            this.referentOf = referentOf;
            this.followed = followed;
            this.visibleBlobs = visibleBlobs;
        }

        boolean sees(StoredEntity e) {
            if (e.data() instanceof CodeDto) {
                return true;
            }
            if (e.type() == EntityType.BLOB) {
                return visibleBlobs.contains(e.id());
            }
            if (!user.structureId().equals(e.structureId())) {
                return false;
            }
            String me = user.id();
            if (e.data() instanceof PrivateNoteDto n) {
                return me.equals(n.authorId());
            }
            if (user.seesWholeStructure()) {
                return true;
            }
            return switch (e.type()) {
                case RESIDENT -> me.equals(((ResidentDto) e.data()).referentId())
                        || residentsWithAppointments.contains(e.id());
                case APPOINTMENT -> me.equals(((AppointmentDto) e.data()).counsellorId());
                case VISIT_REPORT -> me.equals(((VisitReportDto) e.data()).counsellorId())
                        || referentOf.contains(((VisitReportDto) e.data()).residentId());
                case DOCUMENT -> me.equals(e.createdBy()) || followed.contains(((DocumentDto) e.data()).residentId());
                case TASK -> me.equals(((TaskDto) e.data()).assigneeId())
                        || followed.contains(((TaskDto) e.data()).residentId());
                case CONSENT -> followed.contains(((ConsentDto) e.data()).residentId());
                case MANDATE -> followed.contains(((MandateDto) e.data()).residentId());
                case CODE -> true;
                case CONFLICT -> me.equals(((ConflictDto) e.data()).serverAuthorId())
                        || me.equals(((ConflictDto) e.data()).clientAuthorId());
                case BLOB, PRIVATE_NOTE -> false;
            };
        }
    }
}
