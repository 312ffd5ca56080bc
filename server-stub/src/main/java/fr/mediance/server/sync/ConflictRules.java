package fr.mediance.server.sync;

import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.server.db.Tx;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Conflicts: created by the server when a field was changed on both sides ({@link FieldMerge}), never created
 * or deleted by devices. Coordinator, office or admin resolve one by pushing it back with {@code status:
 * "resolved"} and the chosen {@code resolvedValue}, one of the two values in conflict (any other is refused: a
 * new value goes through the record's own update and its rules): the value becomes a new version of the record (through the
 * rules of its family) and the conflict is resolved for good. Seen by the structure's staff and by its two
 * authors.
 */
final class ConflictRules extends RecordRules<ConflictDto> {
    private final EntityFamilies families;

    ConflictRules(EntityFamilies families) {
        super(EntityType.CONFLICT, ConflictDto.class);
        this.families = families;
    }

    @Override
    public void validate(Tx tx, ConflictDto record, LocalDate today) {
        if (!ConflictDto.RESOLVED.equals(record.status())) {
            throw RejectedOp.invalid(
                    "status",
                    "Un conflit s'envoie seulement pour le trancher : statut « " + ConflictDto.RESOLVED
                            + " » et valeur retenue « resolvedValue ».");
        }
    }

    @Override
    public OperationResultDto apply(Operation c, ConflictDto pushed) {
        if (!c.byStaff()) {
            throw RejectedOp.forbidden("Seuls la coordination et le bureau tranchent un conflit de modification.");
        }
        StoredEntity stored = c.inStructure(
                EntityType.CONFLICT, pushed.id(), "Conflit introuvable : les conflits sont créés par le serveur.");
        validate(c.tx(), pushed, c.today());
        ConflictDto conflict = (ConflictDto) stored.data();
        if (conflict.resolved()) {
            if (Objects.equals(conflict.resolvedValue(), pushed.resolvedValue())) {
                return c.applied(stored.version());
            }
            throw new RejectedOp(
                    RejectedOp.CONFLICT_RESOLVED,
                    "Ce conflit a déjà été tranché (valeur retenue : « "
                            + FieldChecks.shorten(String.valueOf(conflict.resolvedValue()))
                            + " ») : il ne change plus.");
        }
        if (conflict.overlap()) {
            throw RejectedOp.invalid(
                    "status",
                    "Deux rendez-vous qui se chevauchent se règlent en déplaçant ou en annulant l'un des deux : le "
                            + "conflit se referme alors de lui-même.");
        }
        if (!conflict.acceptsResolution(pushed.resolvedValue())) {
            throw RejectedOp.invalid(
                    "resolvedValue",
                    "La valeur retenue « resolvedValue » doit être l'une des deux valeurs en conflit (« "
                            + FieldChecks.shorten(String.valueOf(conflict.serverValue())) + " » ou « "
                            + FieldChecks.shorten(String.valueOf(conflict.clientValue()))
                            + " ») : pour en saisir une autre, modifiez la fiche elle-même.");
        }
        StoredEntity target = c.find(conflict.entity(), conflict.entityId())
                .filter(e -> c.structure().equals(e.structureId()))
                .orElseThrow(() -> RejectedOp.notFound("L'enregistrement en conflit est introuvable."));
        if (target.deleted()) {
            throw new RejectedOp(RejectedOp.ENTITY_DELETED, "L'enregistrement en conflit a été supprimé.");
        }
        Map<String, String> value = new HashMap<>();
        value.put(conflict.field(), pushed.resolvedValue());
        EntityRules<?> rules = families.of(target.type())
                .orElseThrow(() -> RejectedOp.notFound("L'enregistrement en conflit est introuvable."));
        rules.resolve(c, target, value);
        ConflictDto resolved = new ConflictDto(
                conflict.id(),
                c.structure(),
                conflict.entity(),
                conflict.entityId(),
                conflict.field(),
                conflict.baseValue(),
                conflict.serverValue(),
                conflict.clientValue(),
                conflict.serverAuthorId(),
                conflict.clientAuthorId(),
                conflict.detectedAt(),
                ConflictDto.RESOLVED,
                pushed.resolvedValue(),
                c.user().id(),
                c.now());
        return c.applied(c.save(resolved, stored.version()));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        throw RejectedOp.forbidden("Cet enregistrement est tenu par le serveur : il ne se supprime pas.");
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, ConflictDto conflict) {
        return viewer.seesWholeStructure()
                || viewer.id().equals(conflict.serverAuthorId())
                || viewer.id().equals(conflict.clientAuthorId());
    }
}
