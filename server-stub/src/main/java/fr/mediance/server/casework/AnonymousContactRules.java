package fr.mediance.server.casework;

import static fr.mediance.server.sync.FieldChecks.codes;
import static fr.mediance.server.sync.FieldChecks.id;

import fr.mediance.protocol.AnonymousContactDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.Permissions;
import fr.mediance.server.db.Tx;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Anonymous desk and phone contacts, kept for the figures. A counsellor or a coordinator records the contacts she
 * had ({@code counsellorId} is herself) and corrects them; the author or the coordination deletes one. The record
 * holds no free text, by design (nothing that could name a person). Seen by the structure's staff and its author.
 */
public final class AnonymousContactRules extends RecordRules<AnonymousContactDto> {
    public AnonymousContactRules() {
        super(EntityType.ANONYMOUS_CONTACT, AnonymousContactDto.class);
    }

    @Override
    public void validate(Tx tx, AnonymousContactDto a, LocalDate today) {
        id("id", a.id(), true);
        id("counsellorId", a.counsellorId(), true);
        Optional<Casework.Violation> v = Casework.check(a);
        if (v.isPresent()) {
            throw RejectedOp.invalid(v.get().field(), v.get().message());
        }
        codes(tx, "domains", ListNames.DOMAIN, a.domains());
        codes(tx, "motifs", ListNames.MOTIF, a.motifs());
        codes(tx, "actionTypes", ListNames.ACTION_TYPE, a.actionTypes());
    }

    @Override
    public OperationResultDto apply(Operation c, AnonymousContactDto pushed) {
        AnonymousContactDto a = c.inCallersStructure(pushed);
        validate(c.tx(), a, c.today());
        if (!Permissions.mayBeNamedColleague(c.user().role())) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas d'enregistrer un contact.");
        }
        if (!c.user().id().equals(a.counsellorId())) {
            throw RejectedOp.forbidden("Un contact que vous enregistrez est le vôtre : « counsellorId » doit être "
                    + "votre identifiant.");
        }
        Optional<StoredEntity> existing = c.existing(EntityType.ANONYMOUS_CONTACT, a.id());
        if (existing.isPresent()) {
            AnonymousContactDto before = (AnonymousContactDto) existing.get().data();
            if (!before.counsellorId().equals(a.counsellorId())) {
                throw RejectedOp.forbidden("Ce contact a été enregistré par un collègue : modification refusée.");
            }
            if (before.equals(a)) {
                return c.applied(existing.get().version());
            }
        }
        return c.applied(c.save(a));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        if (!c.user().id().equals(((AnonymousContactDto) existing.data()).counsellorId())) {
            onlyCoordinationDeletes(c);
        }
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, AnonymousContactDto a) {
        return viewer.seesWholeStructure() || viewer.id().equals(a.counsellorId());
    }
}
