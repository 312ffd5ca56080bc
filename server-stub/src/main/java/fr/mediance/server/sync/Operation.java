package fr.mediance.server.sync;

import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.Permissions;
import fr.mediance.protocol.Role;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One pushed operation being applied: its transaction, its caller and time, and the reads and writes that every
 * family's rules share (lookups that refuse another structure's records, saves with their change log row, access
 * granted or taken away, field merges and their conflicts, receipts).
 */
public final class Operation {
    private final Tx tx;
    private final AuthUser user;
    private final OperationDto op;
    private final Instant now;
    private final LocalDate today;
    private final EntityStore store;
    private final EntityWriter writer;
    private final FieldMerge merge;

    Operation(
            Tx tx,
            AuthUser user,
            OperationDto op,
            Instant now,
            LocalDate today,
            EntityStore store,
            EntityWriter writer,
            FieldMerge merge) {
        this.tx = tx;
        this.user = user;
        this.op = op;
        this.now = now;
        this.today = today;
        this.store = store;
        this.writer = writer;
        this.merge = merge;
    }

    public Tx tx() {
        return tx;
    }

    public AuthUser user() {
        return user;
    }

    public OperationDto op() {
        return op;
    }

    public Instant now() {
        return now;
    }

    /** The caller's day, Europe/Paris. */
    public LocalDate today() {
        return today;
    }

    /** The caller's structure. */
    public String structure() {
        return user.structureId();
    }

    /** Whether the caller is one of the structure's staff who see all of it: coordinator, office or admin. */
    public boolean byStaff() {
        Role r = user.role();
        return r == Role.COORDINATOR || r == Role.OFFICE || r == Role.ADMIN;
    }

    /** The pushed record placed in the caller's structure, every other field as pushed. */
    public <T extends EntityDto> T inCallersStructure(T record) {
        return Records.inStructure(record, structure());
    }

    /** The stored record with this id, whatever its structure. */
    public Optional<StoredEntity> find(EntityType type, String id) {
        return store.find(tx, type, id);
    }

    /** The stored record with this id, if any; refused if it belongs to another structure or is a tombstone. */
    public Optional<StoredEntity> existing(EntityType type, String id) {
        Optional<StoredEntity> e = store.find(tx, type, id);
        if (e.isPresent()) {
            if (!structure().equals(e.get().structureId())) {
                throw RejectedOp.forbidden("Cet identifiant est déjà utilisé par un autre enregistrement.");
            }
            if (e.get().deleted()) {
                throw new RejectedOp(RejectedOp.ENTITY_DELETED, "Cet enregistrement a été supprimé.");
            }
        }
        return e;
    }

    /** The record of the caller's structure with this id (tombstones included), else {@code not_found}. */
    public StoredEntity inStructure(EntityType type, String id, String message) {
        return store.find(tx, type, id)
                .filter(e -> structure().equals(e.structureId()))
                .orElseThrow(() -> RejectedOp.notFound(message));
    }

    /** The ids of the records of one type that are about a resident (tombstones included). */
    public List<String> idsAboutResident(EntityType type, String residentId) {
        return store.idsAboutResident(tx, type, residentId);
    }

    /** The live appointments of a counsellor of the caller's structure starting in {@code [from, to)}. */
    public List<StoredEntity> appointmentsOf(String counsellorId, Instant from, Instant to) {
        return store.appointmentsOf(tx, structure(), counsellorId, from.toEpochMilli(), to.toEpochMilli());
    }

    /** The open conflicts of the caller's structure about records of one type. */
    public List<StoredEntity> openConflicts(EntityType targetType) {
        return store.openConflicts(tx, structure(), targetType);
    }

    /**
     * The versions of a resident or an appointment in force at some moment from {@code moment} until now, oldest
     * first (the one current at that moment, then every later one).
     */
    public List<EntityDto> versionsInForceSince(EntityType type, String id, Instant moment) {
        return store.versionsInForceSince(tx, type, id, moment);
    }

    public long save(EntityDto data) {
        return save(data, op.baseVersion());
    }

    public long save(EntityDto data, Long baseVersion) {
        return writer.save(tx, data, structure(), user.id(), now, baseVersion, op.opId());
    }

    /** The user's next pull sends this record, even if it changed before their cursor. */
    public void grant(EntityType type, String id, String audienceUserId) {
        writer.grant(tx, type, id, structure(), audienceUserId, user.id(), now, op.opId());
    }

    /** The user's next pull sends this record as a tombstone, unless they may see it again by then. */
    public void revoke(EntityType type, String id, String audienceUserId) {
        writer.revoke(tx, type, id, structure(), audienceUserId, user.id(), now, op.opId());
    }

    /** The pushed update merged field by field onto the current version ({@link FieldMerge}). */
    public FieldMerge.Outcome merge(StoredEntity current, EntityDto pushed) {
        return merge.merge(tx, current, op, pushed, user.id());
    }

    /** Conflict records, in the same transaction as the change: seen by the structure's staff and both authors. */
    public void writeConflicts(EntityType type, String id, List<FieldMerge.FieldConflict> conflicts) {
        for (FieldMerge.FieldConflict f : conflicts) {
            ConflictDto conflict = new ConflictDto(
                    UUID.randomUUID().toString(),
                    structure(),
                    type,
                    id,
                    f.field(),
                    f.baseValue(),
                    f.serverValue(),
                    f.clientValue(),
                    f.serverAuthorId(),
                    user.id(),
                    now,
                    ConflictDto.OPEN,
                    null,
                    null,
                    null);
            writer.save(tx, conflict, structure(), user.id(), now, null, op.opId());
        }
    }

    public OperationResultDto applied(long version) {
        return new OperationResultDto(op.opId(), OpStatus.APPLIED, version, null, null);
    }

    /** The receipt of a merged change; a conflict names its fields in a French sentence. */
    public OperationResultDto result(long version, FieldMerge.Outcome merged) {
        if (merged.status() != OpStatus.CONFLICT) {
            return new OperationResultDto(op.opId(), merged.status(), version, null, null);
        }
        String names = String.join(
                ", ",
                merged.conflicts().stream().map(f -> "« " + f.field() + " »").toList());
        return new OperationResultDto(
                op.opId(),
                OpStatus.CONFLICT,
                version,
                "field_conflict",
                "Votre modification "
                        + "est enregistrée, mais " + names
                        + " avait aussi été modifié par quelqu'un d'autre : les deux "
                        + "valeurs sont gardées et la coordination ou le bureau tranchera.");
    }

    /** A record written once: the same content again is answered with its version, other content is refused. */
    public OperationResultDto sameOrImmutable(StoredEntity existing, EntityDto incoming, String code, String message) {
        if (!existing.deleted() && existing.data().equals(incoming)) {
            return applied(existing.version());
        }
        throw new RejectedOp(code, message);
    }

    /** Reports, documents, consents and mandates are written by counsellors, the coordination and the admin. */
    public void requireAuthorRole() {
        if (!Permissions.mayWriteHouseholdRecords(user.role())) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas d'envoyer des comptes rendus ou des documents.");
        }
    }
}
