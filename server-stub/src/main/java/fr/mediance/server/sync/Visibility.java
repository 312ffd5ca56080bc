package fr.mediance.server.sync;

import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Tx;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who sees which record: a record of another structure, nobody (the code lists are everyone's); otherwise the
 * record's family decides ({@link EntityRules#sees}). A blob's status: whoever sees a live document of their
 * structure that refers to the blob (its author, the staff, a counsellor who follows its resident).
 */
final class Visibility {
    private final EntityStore store;
    private final EntityFamilies families;

    Visibility(EntityStore store, EntityFamilies families) {
        this.store = store;
        this.families = families;
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
        return new View(user, new Viewer(user, withAppointments, referentOf, followed), blobs, followed);
    }

    final class View {
        private final AuthUser user;
        private final Viewer viewer;
        private final Set<String> visibleBlobs;
        private final Set<String> followedResidents;

        private View(AuthUser user, Viewer viewer, Set<String> visibleBlobs, Set<String> followedResidents) {
            this.user = user;
            this.followedResidents = followedResidents;
            this.viewer = viewer;
            this.visibleBlobs = visibleBlobs;
        }

        /** The residents the viewer follows (empty for who sees the whole structure). */
        Set<String> followed() {
            return followedResidents;
        }

        boolean sees(StoredEntity e) {
            if (e.type() == EntityType.BLOB) {
                return visibleBlobs.contains(e.id());
            }
            Optional<EntityRules<?>> rules = families.of(e.type());
            if (rules.isEmpty()) {
                return false;
            }
            if (!rules.get().global() && !user.structureId().equals(e.structureId())) {
                return false;
            }
            return sees(rules.get(), e);
        }

        private <T extends EntityDto> boolean sees(EntityRules<T> rules, StoredEntity e) {
            return rules.sees(viewer, e, rules.recordClass().cast(e.data()));
        }
    }
}
