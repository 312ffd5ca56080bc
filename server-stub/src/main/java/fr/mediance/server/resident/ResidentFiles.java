package fr.mediance.server.resident;

import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.server.db.Tx;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import java.util.List;

/**
 * A resident and their file (reports, documents, consents, mandates, tasks, cases, requests, energy contracts, debts,
 * budget sheets, aid applications) as the other families see it: who
 * follows them, whether a pushed record may be about them, and the access a counsellor gains or loses when they
 * start or stop following them.
 */
public final class ResidentFiles {
    /** The records about a resident that a counsellor receives with them. */
    private static final List<EntityType> FILE = List.of(
            EntityType.VISIT_REPORT,
            EntityType.DOCUMENT,
            EntityType.CONSENT,
            EntityType.MANDATE,
            EntityType.TASK,
            EntityType.CASE,
            EntityType.REQUEST,
            EntityType.ENERGY_CONTRACT,
            EntityType.DEBT,
            EntityType.BUDGET,
            EntityType.AID_APPLICATION,
            EntityType.OVERINDEBTEDNESS_FILE,
            EntityType.PAYMENT_PLAN);

    private ResidentFiles() {}

    /** Whether a counsellor follows a resident: referent, or a live appointment with them. */
    public static boolean follows(Tx tx, String counsellorId, ResidentDto resident) {
        return counsellorId.equals(resident.referentId())
                || tx.exists(
                        "SELECT 1 FROM appointments " + "WHERE counsellor_id = ? AND resident_id = ? AND deleted = 0",
                        counsellorId,
                        resident.id());
    }

    /** A resident of the caller's structure that is not deleted, else {@code not_found}. */
    public static StoredEntity live(Operation c, String residentId) {
        StoredEntity r = c.inStructure(EntityType.RESIDENT, residentId, "Personne « residentId » introuvable.");
        if (r.deleted()) {
            throw RejectedOp.notFound("La personne « residentId » a été supprimée.");
        }
        return r;
    }

    /** A resident the caller may write about (tombstones included, so that work done offline is kept). */
    public static void requireVisible(Operation c, String residentId) {
        StoredEntity r = c.inStructure(EntityType.RESIDENT, residentId, "Personne « residentId » introuvable.");
        requireNotAnonymised(c, residentId);
        if (c.user().is(Role.COUNSELLOR) && !follows(c.tx(), c.user().id(), (ResidentDto) r.data())) {
            throw notFollowed();
        }
    }

    /**
     * Nothing more is written about a resident whose file was anonymised (GDPR retention or erasure): a device that
     * still held the former file cannot bring its identity back.
     */
    public static void requireNotAnonymised(Operation c, String residentId) {
        if (c.tx().exists("SELECT 1 FROM residents WHERE id = ? AND anonymised_at IS NOT NULL", residentId)) {
            throw RejectedOp.forbidden(
                    "Ce dossier a été anonymisé (RGPD) : il ne se modifie plus et rien ne s'y " + "ajoute.");
        }
    }

    /** The refusal of a record about a resident the counsellor does not follow. */
    public static RejectedOp notFollowed() {
        return RejectedOp.notFound("Personne « residentId » introuvable parmi les personnes que vous suivez.");
    }

    /**
     * A counsellor who now follows a resident receives the resident's file in their next pull, even the records
     * that changed before their cursor; the feed still sends only what they may see.
     */
    public static void grantFile(Operation c, String residentId, String counsellorId) {
        c.grant(EntityType.RESIDENT, residentId, counsellorId);
        for (EntityType type : FILE) {
            for (String id : c.idsAboutResident(type, residentId)) {
                c.grant(type, id, counsellorId);
            }
        }
    }

    /** After a change, a counsellor who no longer follows a resident is told to forget them and their file. */
    public static void revokeIfUnfollowed(Operation c, String counsellorId, String residentId) {
        c.find(EntityType.RESIDENT, residentId)
                .ifPresent(r -> revokeIfUnfollowed(c, counsellorId, (ResidentDto) r.data()));
    }

    static void revokeIfUnfollowed(Operation c, String counsellorId, ResidentDto resident) {
        if (!follows(c.tx(), counsellorId, resident)) {
            c.revoke(EntityType.RESIDENT, resident.id(), counsellorId);
            for (EntityType type : FILE) {
                for (String id : c.idsAboutResident(type, resident.id())) {
                    c.revoke(type, id, counsellorId);
                }
            }
        }
    }
}
