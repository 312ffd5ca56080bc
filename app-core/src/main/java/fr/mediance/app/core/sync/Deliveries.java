package fr.mediance.app.core.sync;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.Tx;
import fr.mediance.protocol.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Reads the delivery state of records and photos from the outbox, the documents and the uploads. */
final class Deliveries {
    static final String TRANSFERS = """
            SELECT d.id, d.visit_report_id, d.type, d.sha256, d.size_bytes, d.captured_at, d.blob_state,
              u.committed_offset, u.state AS upload_state, u.reason AS upload_reason,
              (SELECT o.reason_message FROM outbox o WHERE o.entity = 'document' AND o.entity_id = d.id
                 AND o.state = 'quarantined' LIMIT 1) AS refused,
              EXISTS(SELECT 1 FROM outbox o WHERE o.entity = 'document' AND o.entity_id = d.id) AS op_waiting,
              r.first_name, r.last_name
            FROM documents d
            LEFT JOIN uploads u ON u.sha256 = d.sha256
            LEFT JOIN residents r ON r.id = d.resident_id
            WHERE d.blob_state IN ('LOCAL', 'WAITING_UPLOAD', 'UPLOADED')
            """;

    private Deliveries() {}

    /** Photos of this device: of one report (any state), or of all completed reports not yet received. */
    static List<PhotoTransfer> transfers(
            Tx tx, String reportId, Function<String, Long> live, Predicate<String> active) {
        List<PhotoTransfer> all = reportId == null
                ? tx.query(
                        TRANSFERS + " AND d.blob_state <> 'LOCAL' ORDER BY d.captured_at, d.id",
                        r -> transfer(r, live, active))
                : tx.query(
                        TRANSFERS + " AND d.visit_report_id = ? ORDER BY d.captured_at, d.id",
                        r -> transfer(r, live, active),
                        reportId);
        if (reportId != null) {
            return all;
        }
        List<PhotoTransfer> out = new ArrayList<>();
        for (PhotoTransfer t : all) {
            if (!t.status().received()) {
                out.add(t);
            }
        }
        return out;
    }

    static PhotoTransfer transfer(Row r, Function<String, Long> live, Predicate<String> active) {
        String sha = r.string("sha256");
        long size = r.longValue("size_bytes");
        String blobState = r.string("blob_state");
        long committed = r.longValue("committed_offset");
        Long inFlight = live.apply(sha);
        long sent = Math.max(committed, inFlight == null ? 0 : inFlight);
        DeliveryStatus status;
        if (Records.BLOB_LOCAL.equals(blobState)) {
            status = DeliveryStatus.LOCAL;
            sent = 0;
        } else if (r.string("refused") != null) {
            status = new DeliveryStatus(Delivery.NEEDS_ATTENTION, percent(sent, size), r.string("refused"));
        } else if (PhotoUploader.ATTENTION.equals(r.string("upload_state"))) {
            String reason = r.string("upload_reason");
            status = new DeliveryStatus(
                    Delivery.NEEDS_ATTENTION,
                    percent(sent, size),
                    reason == null ? CoreMessages.get("upload.attention") : reason);
        } else if (Records.BLOB_UPLOADED.equals(blobState)) {
            sent = size;
            status = r.bool("op_waiting") ? new DeliveryStatus(Delivery.QUEUED, 99, null) : DeliveryStatus.RECEIVED;
        } else if (active.test(sha) || sent > 0) {
            status = new DeliveryStatus(Delivery.SENDING, percent(sent, size), null);
        } else {
            status = DeliveryStatus.QUEUED;
        }
        String name = Resident.displayName(r.string("last_name"), r.string("first_name"));
        return new PhotoTransfer(
                r.string("id"),
                r.string("visit_report_id"),
                CoreMessages.get("summary.document", name),
                r.string("type"),
                sha,
                size,
                Math.min(sent, size),
                r.instant("captured_at"),
                status);
    }

    /** 0–99 while not received: 100 is shown only with the server's receipt. */
    static int percent(long sent, long size) {
        if (size <= 0) {
            return 0;
        }
        return (int) Math.min(99, sent * 100 / size);
    }

    static DeliveryStatus of(Tx tx, EntityType entity, String id, Set<String> sendingOps, Function<String, Long> live) {
        DeliveryStatus own = record(tx, entity, id, sendingOps);
        if (entity != EntityType.VISIT_REPORT || own.delivery() == Delivery.LOCAL) {
            return own;
        }
        List<PhotoTransfer> photos = transfers(tx, id, live, sha -> false);
        long size = 0;
        long sent = 0;
        DeliveryStatus worst = own;
        for (PhotoTransfer p : photos) {
            size += p.sizeBytes();
            sent += p.sentBytes();
            if (rank(p.status()) > rank(worst)) {
                worst = p.status();
            }
        }
        if (worst.received()) {
            return DeliveryStatus.RECEIVED;
        }
        int percent = photos.isEmpty() ? 0 : percent(sent, size);
        return new DeliveryStatus(worst.delivery(), percent, worst.reason());
    }

    private static int rank(DeliveryStatus s) {
        return switch (s.delivery()) {
            case RECEIVED -> 0;
            case LOCAL -> 1;
            case QUEUED -> 2;
            case SENDING -> 3;
            case NEEDS_ATTENTION -> 4;
        };
    }

    private static DeliveryStatus record(Tx tx, EntityType entity, String id, Set<String> sendingOps) {
        List<String[]> ops = tx.query(
                "SELECT op_id, state, reason_message FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY seq",
                r -> new String[] {r.string("op_id"), r.string("state"), r.string("reason_message")},
                entity.code(),
                id);
        for (String[] op : ops) {
            if (Outbox.QUARANTINED.equals(op[1])) {
                return new DeliveryStatus(Delivery.NEEDS_ATTENTION, 0, op[2]);
            }
        }
        if (!ops.isEmpty()) {
            boolean sending = ops.stream().anyMatch(op -> sendingOps.contains(op[0]));
            return sending ? new DeliveryStatus(Delivery.SENDING, 0, null) : DeliveryStatus.QUEUED;
        }
        Optional<Long> version = entity == EntityType.CODE ? Optional.empty() : Records.version(tx, entity, id);
        if (version.isPresent()) {
            return DeliveryStatus.RECEIVED;
        }
        if (entity == EntityType.VISIT_REPORT
                && tx.exists("SELECT 1 FROM visit_reports WHERE id = ? AND completed_at IS NOT NULL", id)) {
            return DeliveryStatus.RECEIVED; // queued when completed, in the same transaction: gone means acknowledged
        }
        return DeliveryStatus.LOCAL;
    }
}
