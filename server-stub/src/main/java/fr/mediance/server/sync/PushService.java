package fr.mediance.server.sync;

import fr.mediance.protocol.Audit;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.server.DomainException;
import fr.mediance.server.audit.AuditSubjects;
import fr.mediance.server.audit.Auditor;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.StoreException;
import fr.mediance.server.db.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pushed operations in order, each at most once: the result is stored with the change under the
 * operation's {@code opId}, and a repeat answers the stored result without writing. A refused operation is
 * answered (and remembered) but never blocks the ones after it. One transaction for the whole push, one savepoint
 * per operation: the answer is sent once everything is committed, and the write lock is taken, and the log flushed
 * to disk, once per push rather than once per operation (under 200 tablets syncing at once, waiting for the lock
 * and the flush of every operation in turn was what made pushes slow).
 */
public final class PushService {
    private static final Logger LOG = LoggerFactory.getLogger(PushService.class);
    /** The service's days and dates are those of Europe/Paris. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Database db;
    private final Clock clock;
    private final EntityWriter writer;
    private final OperationDispatcher dispatcher;
    private final AppliedOperationStore applied = new AppliedOperationStore();
    private final EntityStore store;
    private final Auditor auditor;

    public PushService(Database db, Clock clock, EntityFamilies families) {
        this(db, clock, families, Auditor.disabled());
    }

    /** Each operation applied (not a repeat, not a refusal) is written in the audit log once the push is done. */
    public PushService(Database db, Clock clock, EntityFamilies families, Auditor auditor) {
        this.db = db;
        this.clock = clock;
        this.auditor = auditor;
        this.store = new EntityStore();
        this.writer = new EntityWriter(store, new ChangeLogStore(), new Sequence());
        this.dispatcher = new OperationDispatcher(families, store, writer);
    }

    public PushResponse push(AuthUser user, PushRequest request) {
        long started = System.nanoTime();
        if (request.operations().size() > Limits.MAX_PUSH_OPERATIONS) {
            throw DomainException.tooLarge(
                    "too_many_operations",
                    "Trop d'opérations dans un envoi (" + request.operations().size() + ", au plus "
                            + Limits.MAX_PUSH_OPERATIONS + ") : découpez l'envoi.");
        }
        if (!Limits.isValidId(request.deviceId())) {
            throw DomainException.invalid(
                    "invalid_device_id",
                    "L'identifiant de l'appareil « deviceId » doit faire de 1 à " + Limits.MAX_ID
                            + " caractères, sans caractère de contrôle.");
        }
        Instant now = clock.instant();
        List<fr.mediance.protocol.AuditEventDto> staged = new ArrayList<>();
        List<OperationResultDto> results = db.inSequencedTransaction(tx -> {
            writer.beginWrite(tx);
            List<Auditor.Entry> audited = new ArrayList<>();
            List<OperationResultDto> out = new ArrayList<>(request.operations().size());
            for (OperationDto op : request.operations()) {
                out.add(applyOnce(tx, user, request.deviceId(), op, now, audited));
            }
            // the events commit with the changes, or not at all
            staged.clear();
            staged.addAll(auditor.stage(tx, user, audited));
            return out;
        });
        auditor.flush(user, staged);
        int rejected = (int)
                results.stream().filter(r -> r.status() == OpStatus.REJECTED).count();
        LOG.info(
                "push user={} ops={} applied={} rejected={} took={}ms",
                user.id(),
                results.size(),
                results.size() - rejected,
                rejected,
                (System.nanoTime() - started) / 1_000_000);
        return new PushResponse(results);
    }

    private OperationResultDto applyOnce(
            Tx tx, AuthUser user, String deviceId, OperationDto op, Instant now, List<Auditor.Entry> audited) {
        if (!Limits.isValidId(op.opId())) {
            // answered, never stored: nothing of an unbounded identifier is kept
            return new OperationResultDto(
                    FieldChecks.shorten(op.opId()),
                    OpStatus.REJECTED,
                    null,
                    RejectedOp.INVALID_FIELD,
                    "L'identifiant d'opération « opId » doit faire de 1 à " + Limits.MAX_ID + " caractères.");
        }
        if (!Limits.isValidId(op.entityId())) {
            return new OperationResultDto(
                    op.opId(),
                    OpStatus.REJECTED,
                    null,
                    RejectedOp.INVALID_FIELD,
                    "L'identifiant « entityId » doit faire de 1 à " + Limits.MAX_ID
                            + " caractères, sans caractère de contrôle.");
        }
        try {
            return attempt(tx, user, deviceId, op, now, audited);
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            // the same operation arrived twice at once: the other one won, answer what it stored
            return attempt(tx, user, deviceId, op, now, audited);
        }
    }

    private OperationResultDto attempt(
            Tx outer, AuthUser user, String deviceId, OperationDto op, Instant now, List<Auditor.Entry> audited) {
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        try {
            Auditor.Entry[] entry = new Auditor.Entry[1];
            OperationResultDto result = outer.savepoint(tx -> {
                Optional<OperationResultDto> previous = previous(tx, user, op);
                if (previous.isPresent()) {
                    return previous.get();
                }
                Optional<StoredEntity> before = auditor.enabled() ? store.find(tx, op.entity(), op.entityId()) : null;
                OperationResultDto r = dispatcher.apply(tx, user, op, now, today);
                applied.insert(tx, user.id(), deviceId, op.entity(), op.entityId(), r, now);
                if (before != null && r.status() != OpStatus.REJECTED) {
                    entry[0] = auditEntry(op, before, store.find(tx, op.entity(), op.entityId()));
                }
                return r;
            });
            if (entry[0] != null) {
                audited.add(entry[0]);
            }
            return result;
        } catch (RejectedOp rejection) {
            OperationResultDto r = new OperationResultDto(
                    op.opId(), OpStatus.REJECTED, null, rejection.code(), bounded(rejection.getMessage()));
            if (rejection.code().equals(RejectedOp.OP_ID_CONFLICT)) {
                return r;
            }
            return outer.savepoint(tx -> {
                Optional<OperationResultDto> previous;
                try {
                    previous = previous(tx, user, op);
                } catch (RejectedOp conflict) {
                    return new OperationResultDto(
                            op.opId(), OpStatus.REJECTED, null, conflict.code(), conflict.getMessage());
                }
                if (previous.isPresent()) {
                    return previous.get();
                }
                applied.insert(tx, user.id(), deviceId, op.entity(), op.entityId(), r, now);
                return r;
            });
        }
    }

    /** What is kept of a refusal's reason: at most {@link Limits#MAX_REJECTION_MESSAGE} characters. */
    static String bounded(String message) {
        if (message == null || message.length() <= Limits.MAX_REJECTION_MESSAGE) {
            return message;
        }
        int end = Limits.MAX_REJECTION_MESSAGE - 1;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "…";
    }

    /** What the audit log says of an applied operation: create, update or delete, its resident, fields changed. */
    private static Auditor.Entry auditEntry(
            OperationDto op, Optional<StoredEntity> before, Optional<StoredEntity> after) {
        EntityDto old = before.filter(e -> !e.deleted()).map(StoredEntity::data).orElse(null);
        EntityDto now = after.filter(e -> !e.deleted()).map(StoredEntity::data).orElse(null);
        String action;
        if (now == null) {
            action = Audit.DELETE;
        } else if (old == null) {
            action = Audit.CREATE;
        } else {
            action = Audit.UPDATE;
        }
        String resident = AuditSubjects.residentOf(
                now != null
                        ? now
                        : after.or(() -> before).map(StoredEntity::data).orElse(null));
        String summary = Audit.DELETE.equals(action) ? null : AuditSubjects.changedFields(old, now);
        return new Auditor.Entry(
                Auditor.operationEventId(op.opId()), action, op.entity().code(), op.entityId(), resident, summary);
    }

    private Optional<OperationResultDto> previous(Tx tx, AuthUser user, OperationDto op) {
        Optional<AppliedOperationStore.Stored> stored = applied.find(tx, op.opId());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        AppliedOperationStore.Stored s = stored.get();
        if (!s.userId().equals(user.id())
                || s.type() != op.entity()
                || !s.entityId().equals(op.entityId())) {
            throw new RejectedOp(
                    RejectedOp.OP_ID_CONFLICT,
                    "Cet identifiant d'opération « opId » a déjà servi pour une autre opération.");
        }
        return Optional.of(s.result());
    }
}
