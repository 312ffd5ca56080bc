package fr.mediance.server.sync;

import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.Permissions;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Tx;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Sends one pushed operation to the rules of its record's family ({@link EntityRules}), and carries out what is
 * the same for every family: a delete becomes a tombstone where the family allows it, a repeated delete answers
 * the tombstone's version. Blob statuses are server-owned and never pushed. Every check runs before the first
 * write; a refusal is a {@link RejectedOp}, and the caller's transaction is rolled back, so a refused operation
 * writes nothing. Which roles push a family at all is {@link Permissions#PUSHERS}: checked before a delete, and
 * after the family's rules for a write (their reason, in French, is the more precise; the refusal rolls back).
 */
final class OperationDispatcher {
    private final EntityFamilies families;
    private final EntityStore store;
    private final EntityWriter writer;
    private final FieldMerge merge;

    OperationDispatcher(EntityFamilies families, EntityStore store, EntityWriter writer) {
        this.families = families;
        this.store = store;
        this.writer = writer;
        this.merge = new FieldMerge(store);
    }

    OperationResultDto apply(Tx tx, AuthUser user, OperationDto op, Instant now, LocalDate today) {
        FieldChecks.id("entityId", op.entityId(), true);
        if (op.entity() == EntityType.BLOB) {
            throw RejectedOp.forbidden("L'état des fichiers reçus est tenu par le serveur : il ne s'envoie pas.");
        }
        if (op.data() != null && !Limits.isWellFormed(EntityJson.write(op.data()))) {
            throw RejectedOp.invalid(
                    "data",
                    "Un texte contient un caractère invalide (une moitié de paire de substitution UTF-16) : "
                            + "corrigez la saisie.");
        }
        Operation c = new Operation(tx, user, op, now, today, store, writer, merge);
        if (op.delete()) {
            requirePusher(user, op.entity());
            return delete(c, families.require(op.entity()));
        }
        EntityDto data = op.data();
        OperationResultDto result = families.of(EntityType.of(data))
                .map(rules -> apply(rules, c, data))
                .orElseThrow(() -> RejectedOp.forbidden("Ce type d'enregistrement ne s'envoie pas."));
        // after the family's rules, so that their own French reason comes first; a refusal here rolls back all
        requirePusher(user, EntityType.of(data));
        return result;
    }

    /** {@link Permissions#PUSHERS}: the roles that may push the family at all, whatever its rules allow. */
    private static void requirePusher(AuthUser user, EntityType family) {
        if (!Permissions.mayPush(user.role(), family)) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas d'envoyer ce type d'enregistrement.");
        }
    }

    private static <T extends EntityDto> OperationResultDto apply(EntityRules<T> rules, Operation c, EntityDto data) {
        return rules.apply(c, rules.recordClass().cast(data));
    }

    private OperationResultDto delete(Operation c, EntityRules<?> rules) {
        StoredEntity existing = c.find(c.op().entity(), c.op().entityId())
                .filter(e -> rules.global() || c.structure().equals(e.structureId()))
                .orElseThrow(() -> RejectedOp.notFound("Enregistrement à supprimer introuvable."));
        rules.checkDelete(c, existing);
        if (existing.deleted()) {
            return c.applied(existing.version());
        }
        java.util.Optional<Long> kept = rules.insteadOfDelete(c, existing);
        if (kept.isPresent()) {
            return c.applied(kept.get());
        }
        long version = writer.delete(c.tx(), existing, c.user().id(), c.now(), c.op().baseVersion(), c.op().opId());
        rules.afterDelete(c, existing);
        return c.applied(version);
    }
}
