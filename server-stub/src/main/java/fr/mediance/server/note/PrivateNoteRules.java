package fr.mediance.server.note;

import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.instant;
import static fr.mediance.server.sync.FieldChecks.text;

import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.server.db.Tx;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Private notes: written, deleted and seen by their author only ({@code authorId} = caller), whatever the roles,
 * about a resident the author may see; a note stays about the same resident.
 */
public final class PrivateNoteRules extends RecordRules<PrivateNoteDto> {

    public PrivateNoteRules() {
        super(EntityType.PRIVATE_NOTE, PrivateNoteDto.class);
    }

    @Override
    public void validate(Tx tx, PrivateNoteDto n, LocalDate today) {
        id("id", n.id(), true);
        id("residentId", n.residentId(), true);
        id("authorId", n.authorId(), true);
        text("text", n.text(), Limits.MAX_LONG_TEXT, false);
        instant("updatedAt", n.updatedAt());
    }

    @Override
    public OperationResultDto apply(Operation c, PrivateNoteDto pushed) {
        PrivateNoteDto n = c.inCallersStructure(pushed);
        validate(c.tx(), n, c.today());
        if (!c.user().id().equals(n.authorId())) {
            throw RejectedOp.forbidden("Une note privée est enregistrée au nom de son auteur : « authorId » doit "
                    + "être votre identifiant.");
        }
        Optional<StoredEntity> existing = c.find(EntityType.PRIVATE_NOTE, n.id());
        if (existing.isPresent()) {
            PrivateNoteDto before = (PrivateNoteDto) existing.get().data();
            if (!c.structure().equals(existing.get().structureId())
                    || !before.authorId().equals(n.authorId())) {
                throw RejectedOp.forbidden("Cet identifiant est déjà utilisé par un autre enregistrement.");
            }
            if (existing.get().deleted()) {
                throw new RejectedOp(RejectedOp.ENTITY_DELETED, "Cet enregistrement a été supprimé.");
            }
            if (!before.residentId().equals(n.residentId())) {
                throw RejectedOp.invalid("residentId", "Une note privée reste attachée à la même personne.");
            }
        }
        ResidentFiles.requireVisible(c, n.residentId());
        return c.applied(c.save(n));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        if (!c.user().id().equals(((PrivateNoteDto) existing.data()).authorId())) {
            throw RejectedOp.notFound("Enregistrement à supprimer introuvable.");
        }
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, PrivateNoteDto note) {
        return viewer.id().equals(note.authorId());
    }
}
