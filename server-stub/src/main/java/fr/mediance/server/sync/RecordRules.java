package fr.mediance.server.sync;

import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Role;
import java.util.Objects;

/** The family's type and wire record class, given once, for the rules of one family of synced records. */
public abstract class RecordRules<T extends EntityDto> implements EntityRules<T> {
    private final EntityType type;
    private final Class<T> recordClass;

    protected RecordRules(EntityType type, Class<T> recordClass) {
        this.type = Objects.requireNonNull(type);
        this.recordClass = Objects.requireNonNull(recordClass);
    }

    @Override
    public final EntityType type() {
        return type;
    }

    @Override
    public final Class<T> recordClass() {
        return recordClass;
    }

    /** For records that only the coordination (or the admin) may delete: refuses anyone else. */
    protected static void onlyCoordinationDeletes(Operation c) {
        if (!c.user().is(Role.COORDINATOR) && !c.user().is(Role.ADMIN)) {
            throw RejectedOp.forbidden("Seule la coordination peut supprimer cet enregistrement.");
        }
    }
}
