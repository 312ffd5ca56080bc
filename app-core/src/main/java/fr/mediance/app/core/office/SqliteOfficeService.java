package fr.mediance.app.core.office;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.document.SqliteDocumentService;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.task.SqliteTaskService;
import fr.mediance.app.core.task.TaskItem;
import fr.mediance.app.core.visit.VisitReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Received reports from the local database; photos downloaded on demand into the encrypted cache. */
public final class SqliteOfficeService implements OfficeService {
    private static final String SELECT = """
            SELECT v.id, v.completed_at, v.resident_id, v.counsellor_id, v.domains,
              r.first_name, r.last_name, coalesce(u.display_name, u.username) AS counsellor_name,
              (SELECT count(*) FROM documents d WHERE d.visit_report_id = v.id) AS photo_count,
              (SELECT count(*) FROM documents d WHERE d.visit_report_id = v.id AND d.blob_state IN ('NOT_DOWNLOADED', 'AWAITED')
                 AND NOT EXISTS (SELECT 1 FROM blob_status b WHERE b.sha256 = d.sha256)) AS awaited
            FROM visit_reports v
            LEFT JOIN residents r ON r.id = v.resident_id
            LEFT JOIN users u ON u.id = v.counsellor_id
            WHERE v.completed_at IS NOT NULL
            """;

    /** Documents of this structure whose bytes are not on this device and not known to be at the office. */
    private static final String AWAITED = """
            SELECT DISTINCT d.sha256, d.size_bytes FROM documents d
            WHERE d.blob_state IN ('NOT_DOWNLOADED', 'AWAITED')
              AND NOT EXISTS (SELECT 1 FROM blob_status b WHERE b.sha256 = d.sha256)
            """;

    private final StoreHolder store;
    private final Supplier<Optional<RemoteClient>> remote;
    private final Clock clock;

    public SqliteOfficeService(StoreHolder store, Supplier<Optional<RemoteClient>> remote, Clock clock) {
        this.store = store;
        this.remote = remote;
        this.clock = clock;
    }

    private static ReceivedReport map(Tx tx, Row r) {
        List<String> labels = new ArrayList<>();
        for (String code : Records.fromJson(r.string("domains"))) {
            labels.add(SqliteReferenceService.label(tx, CodeLists.DOMAIN, code));
        }
        String name = Resident.displayName(r.string("last_name"), r.string("first_name"));
        return new ReceivedReport(
                r.string("id"),
                r.instant("completed_at"),
                r.string("resident_id"),
                name,
                r.string("counsellor_id"),
                r.string("counsellor_name"),
                labels,
                r.intValue("photo_count"),
                r.intValue("awaited"));
    }

    @Override
    public List<ReceivedReport> receivedReports() {
        return store.db().read(tx -> tx.query(SELECT + " ORDER BY v.completed_at DESC, v.id", r -> map(tx, r)));
    }

    @Override
    public Optional<ReportDetail> open(String reportId) {
        return store.db().read(tx -> {
            Optional<ReceivedReport> summary = tx.queryOne(SELECT + " AND v.id = ?", r -> map(tx, r), reportId);
            if (summary.isEmpty()) {
                return Optional.empty();
            }
            VisitReport report = tx.queryOne(
                            "SELECT * FROM visit_reports WHERE id = ?", SqliteOfficeService::report, reportId)
                    .orElseThrow();
            Resident resident = tx.queryOne(
                            "SELECT r.*, 0 AS pending FROM residents r WHERE r.id = ?",
                            SqliteOfficeService::resident,
                            report.residentId() == null ? "" : report.residentId())
                    .orElse(null);
            List<PhotoItem> photos = tx.query(
                    "SELECT * FROM documents WHERE visit_report_id = ? ORDER BY captured_at, id",
                    SqliteDocumentService::map,
                    reportId);
            List<TaskItem> tasks = tx.query(
                    "SELECT id, resident_id, title, due_date, status, rule_code, "
                            + "visit_report_id, assignee_id, closed_at FROM tasks WHERE visit_report_id = ? AND status <> ? "
                            + "ORDER BY due_date, title",
                    t -> new TaskItem(
                            t.string("id"),
                            t.string("resident_id"),
                            null,
                            t.string("title"),
                            t.date("due_date"),
                            t.string("status"),
                            t.string("rule_code"),
                            t.string("visit_report_id"),
                            t.string("assignee_id"),
                            t.instant("closed_at")),
                    reportId,
                    SqliteTaskService.PLANNED);
            return Optional.of(new ReportDetail(summary.get(), report, resident, photos, tasks));
        });
    }

    private static VisitReport report(Row r) {
        return VisitReport.of(Records.visitReport(r), r.instant("updated_at"), r.optionalLong("version"), List.of());
    }

    private static Resident resident(Row r) {
        return new Resident(
                r.string("id"),
                r.string("file_number"),
                r.string("civility"),
                r.string("last_name"),
                r.string("first_name"),
                r.date("birth_date"),
                r.string("phone"),
                r.string("street"),
                r.string("postcode"),
                r.string("city"),
                r.string("access_notes"),
                r.string("mobility_reason"),
                r.string("referent_id"),
                r.optionalLong("version"),
                false);
    }

    @Override
    public Optional<fr.mediance.protocol.MandateDto> mandate(String mandateId) {
        return store.db()
                .read(tx -> fr.mediance.app.core.store.Records.load(
                                tx, fr.mediance.protocol.EntityType.MANDATE, mandateId == null ? "" : mandateId)
                        .map(fr.mediance.protocol.MandateDto.class::cast));
    }

    @Override
    public Outcome<byte[]> photo(String documentId) {
        Optional<PhotoItem> doc = store.db()
                .read(tx ->
                        tx.queryOne("SELECT * FROM documents WHERE id = ?", SqliteDocumentService::map, documentId));
        if (doc.isEmpty()) {
            return Outcome.failed(CoreMessages.get("document.notFound"));
        }
        String sha = doc.get().sha256();
        Optional<byte[]> local = store.blobs().get(sha);
        if (local.isPresent()) {
            return Outcome.ok(local.get());
        }
        Optional<RemoteClient> client = remote.get();
        if (client.isEmpty()) {
            return Outcome.failed(CoreMessages.get("office.photo.offline"));
        }
        RemoteResult<byte[]> r = client.get().getBlob(sha);
        if (r instanceof RemoteResult.Ok<byte[]> ok) {
            store.blobs().putVerified(sha, ok.value());
            setState(sha, Records.BLOB_CACHED);
            return Outcome.ok(ok.value());
        }
        if (r instanceof RemoteResult.ClientError<byte[]> c && c.status() == 404) {
            setState(sha, Records.BLOB_AWAITED);
            return Outcome.failed(CoreMessages.get("office.photo.awaited"));
        }
        if (r instanceof RemoteResult.NetworkError<byte[]>) {
            return Outcome.failed(CoreMessages.get("office.photo.offline"));
        }
        return Outcome.failed(r.userMessage());
    }

    private void setState(String sha, String state) {
        store.db().inTransaction(tx -> {
            tx.update(
                    "UPDATE documents SET blob_state = ? WHERE sha256 = ? AND blob_state IN (?, ?)",
                    state,
                    sha,
                    Records.BLOB_NOT_DOWNLOADED,
                    Records.BLOB_AWAITED);
        });
    }

    @Override
    public Outcome<byte[]> thumbnail(String documentId) {
        Optional<PhotoItem> doc = store.db()
                .read(tx ->
                        tx.queryOne("SELECT * FROM documents WHERE id = ?", SqliteDocumentService::map, documentId));
        if (doc.isEmpty()) {
            return Outcome.failed(CoreMessages.get("document.notFound"));
        }
        String sha = doc.get().sha256();
        Optional<String> cached = store.db()
                .read(tx -> tx.queryOne(
                        "SELECT thumbnail_sha256 FROM thumbnails WHERE sha256 = ?",
                        r -> r.string("thumbnail_sha256"),
                        sha));
        if (cached.isPresent()) {
            Optional<byte[]> bytes = store.blobs().get(cached.get());
            if (bytes.isPresent()) {
                return Outcome.ok(bytes.get());
            }
        }
        Optional<RemoteClient> client = remote.get();
        if (client.isEmpty()) {
            return localPhotoOr(sha, CoreMessages.get("office.photo.offline"));
        }
        RemoteResult<byte[]> r = client.get().getThumbnail(sha);
        if (r instanceof RemoteResult.Ok<byte[]> ok) {
            String thumbSha = store.blobs().put(ok.value()); // encrypted like the photos, named by its own hash
            store.db().inTransaction(tx -> {
                tx.update("""
                        INSERT INTO thumbnails(sha256, thumbnail_sha256, fetched_at) VALUES (?, ?, ?)
                        ON CONFLICT(sha256) DO UPDATE SET thumbnail_sha256 = excluded.thumbnail_sha256,
                          fetched_at = excluded.fetched_at
                        """, sha, thumbSha, clock.instant());
            });
            return Outcome.ok(ok.value());
        }
        if (r instanceof RemoteResult.ClientError<byte[]> c && c.status() == 404) {
            boolean arrived = store.db().read(tx -> tx.exists("SELECT 1 FROM blob_status WHERE sha256 = ?", sha));
            return localPhotoOr(
                    sha,
                    arrived ? CoreMessages.get("office.thumbnail.none") : CoreMessages.get("office.photo.awaited"));
        }
        if (r instanceof RemoteResult.NetworkError<byte[]>) {
            return localPhotoOr(sha, CoreMessages.get("office.photo.offline"));
        }
        return localPhotoOr(sha, r.userMessage());
    }

    /** The photo itself when it is on this device (a preview can be made from it), else the failure. */
    private Outcome<byte[]> localPhotoOr(String sha, String failure) {
        Optional<byte[]> local = store.blobs().get(sha);
        return local.isPresent() ? Outcome.ok(local.get()) : Outcome.failed(failure);
    }

    @Override
    public Outcome<Integer> refreshPhotoAvailability() {
        List<String[]> awaited = store.db()
                .read(tx -> tx.query(
                        AWAITED, r -> new String[] {r.string("sha256"), Long.toString(r.longValue("size_bytes"))}));
        Optional<RemoteClient> client = remote.get();
        if (!awaited.isEmpty() && client.isEmpty()) {
            return Outcome.failed(CoreMessages.get("office.photo.offline"));
        }
        for (String[] a : awaited) {
            // the blob status of a photo comes with the next sync; until then the server is asked once here
            RemoteResult<Boolean> head = client.orElseThrow().blobExists(a[0]);
            if (!(head instanceof RemoteResult.Ok<Boolean> ok)) {
                return Outcome.failed(
                        head instanceof RemoteResult.NetworkError<Boolean>
                                ? CoreMessages.get("office.photo.offline")
                                : head.userMessage());
            }
            store.db().inTransaction(tx -> {
                if (ok.value()) {
                    tx.update("""
                            INSERT INTO blob_status(sha256, size_bytes, received_at, thumbnail, version, updated_at)
                            VALUES (?, ?, NULL, 0, NULL, ?) ON CONFLICT(sha256) DO NOTHING
                            """, a[0], Long.parseLong(a[1]), clock.instant());
                }
                tx.update(
                        "UPDATE documents SET blob_state = ? WHERE sha256 = ? AND blob_state IN (?, ?)",
                        ok.value() ? Records.BLOB_NOT_DOWNLOADED : Records.BLOB_AWAITED,
                        a[0],
                        Records.BLOB_NOT_DOWNLOADED,
                        Records.BLOB_AWAITED);
            });
        }
        return Outcome.ok(awaitedCount());
    }

    private int awaitedCount() {
        return store.db()
                .read(
                        tx -> (int)
                                tx.queryLong(
                                        "SELECT count(*) FROM documents d WHERE d.blob_state IN "
                                                + "('NOT_DOWNLOADED', 'AWAITED') AND NOT EXISTS (SELECT 1 FROM blob_status b WHERE b.sha256 = d.sha256)"));
    }
}
