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
import fr.mediance.app.core.visit.VisitReport;

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
              (SELECT count(*) FROM documents d WHERE d.visit_report_id = v.id AND d.blob_state = 'AWAITED') AS awaited
            FROM visit_reports v
            LEFT JOIN residents r ON r.id = v.resident_id
            LEFT JOIN users u ON u.id = v.counsellor_id
            WHERE v.completed_at IS NOT NULL
            """;

    private final StoreHolder store;
    private final Supplier<Optional<RemoteClient>> remote;

    public SqliteOfficeService(StoreHolder store, Supplier<Optional<RemoteClient>> remote) {
        this.store = store;
        this.remote = remote;
    }

    private static ReceivedReport map(Tx tx, Row r) {
        List<String> labels = new ArrayList<>();
        for (String code : Records.fromJson(r.string("domains"))) {
            labels.add(SqliteReferenceService.label(tx, CodeLists.DOMAIN, code));
        }
        String name = new Resident(null, null, null, r.string("last_name"), r.string("first_name"), null, null, null,
                null, null, null, null, null, null, false).displayName();
        return new ReceivedReport(r.string("id"), r.instant("completed_at"), r.string("resident_id"), name,
                r.string("counsellor_id"), r.string("counsellor_name"), labels, r.intValue("photo_count"),
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
            VisitReport report = tx.queryOne("SELECT * FROM visit_reports WHERE id = ?", SqliteOfficeService::report,
                    reportId).orElseThrow();
            Resident resident = tx.queryOne("SELECT r.*, 0 AS pending FROM residents r WHERE r.id = ?",
                    SqliteOfficeService::resident, report.residentId() == null ? "" : report.residentId()).orElse(null);
            List<PhotoItem> photos = tx.query("SELECT * FROM documents WHERE visit_report_id = ? ORDER BY captured_at, id",
                    SqliteDocumentService::map, reportId);
            return Optional.of(new ReportDetail(summary.get(), report, resident, photos));
        });
    }

    private static VisitReport report(Row r) {
        return new VisitReport(r.string("id"), r.string("appointment_id"), r.string("resident_id"),
                r.string("counsellor_id"), r.string("medium"), Records.fromJson(r.string("domains")),
                r.string("synthesis"), r.string("follow_up"), r.date("follow_up_due"), r.instant("started_at"),
                r.instant("updated_at"), r.instant("completed_at"), r.string("supersedes"), r.optionalLong("version"));
    }

    private static Resident resident(Row r) {
        return new Resident(r.string("id"), r.string("file_number"), r.string("civility"), r.string("last_name"),
                r.string("first_name"), r.date("birth_date"), r.string("phone"), r.string("street"),
                r.string("postcode"), r.string("city"), r.string("access_notes"), r.string("mobility_reason"),
                r.string("referent_id"), r.optionalLong("version"), false);
    }

    @Override
    public Outcome<byte[]> photo(String documentId) {
        Optional<PhotoItem> doc = store.db().read(tx -> tx.queryOne("SELECT * FROM documents WHERE id = ?",
                SqliteDocumentService::map, documentId));
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
            tx.update("UPDATE documents SET blob_state = ? WHERE sha256 = ? AND blob_state IN (?, ?)", state, sha,
                    Records.BLOB_NOT_DOWNLOADED, Records.BLOB_AWAITED);
        });
    }

    @Override
    public Outcome<Integer> refreshPhotoAvailability() {
        Optional<RemoteClient> client = remote.get();
        if (client.isEmpty()) {
            return Outcome.failed(CoreMessages.get("office.photo.offline"));
        }
        List<String> shas = store.db().read(tx -> tx.query(
                "SELECT DISTINCT sha256 FROM documents WHERE blob_state IN (?, ?)", r -> r.string("sha256"),
                Records.BLOB_NOT_DOWNLOADED, Records.BLOB_AWAITED));
        for (String sha : shas) {
            RemoteResult<Boolean> head = client.get().blobExists(sha);
            if (!(head instanceof RemoteResult.Ok<Boolean> ok)) {
                return Outcome.failed(head instanceof RemoteResult.NetworkError<Boolean>
                        ? CoreMessages.get("office.photo.offline") : head.userMessage());
            }
            store.db().inTransaction(tx -> {
                tx.update("UPDATE documents SET blob_state = ? WHERE sha256 = ? AND blob_state IN (?, ?)",
                        ok.value() ? Records.BLOB_NOT_DOWNLOADED : Records.BLOB_AWAITED, sha,
                        Records.BLOB_NOT_DOWNLOADED, Records.BLOB_AWAITED);
            });
        }
        return Outcome.ok(store.db().read(tx -> (int) tx.queryLong(
                "SELECT count(*) FROM documents WHERE blob_state = ?", Records.BLOB_AWAITED)));
    }
}
