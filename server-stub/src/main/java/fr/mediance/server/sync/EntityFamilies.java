package fr.mediance.server.sync;

import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.server.db.Tx;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of every synced record family, by entity type. Blob statuses have none: they are server-owned
 * ({@link BlobRegistry}). Conflicts are this package's own family ({@link ConflictRules}).
 */
public final class EntityFamilies {
    private final Map<EntityType, EntityRules<?>> rules = new EnumMap<>(EntityType.class);

    /** The families' rules; conflicts are added here, resolved through the rules of the record in conflict. */
    public EntityFamilies(List<EntityRules<?>> families) {
        for (EntityRules<?> r : families) {
            if (rules.put(r.type(), r) != null) {
                throw new IllegalArgumentException("two rules for " + r.type());
            }
        }
        rules.put(EntityType.CONFLICT, new ConflictRules(this));
    }

    /** The rules of one type; none for blob statuses. */
    public Optional<EntityRules<?>> of(EntityType type) {
        return Optional.ofNullable(rules.get(type));
    }

    /** Checks a record's fields with its family's rules (the seeded data is checked as a push would be). */
    public void validate(Tx tx, EntityDto record, LocalDate today) {
        validate(require(EntityType.of(record)), tx, record, today);
    }

    EntityRules<?> require(EntityType type) {
        EntityRules<?> r = rules.get(type);
        if (r == null) {
            throw new IllegalArgumentException("no rules for " + type);
        }
        return r;
    }

    private static <T extends EntityDto> void validate(EntityRules<T> rules, Tx tx, EntityDto record, LocalDate today) {
        rules.validate(tx, rules.recordClass().cast(record), today);
    }
}
