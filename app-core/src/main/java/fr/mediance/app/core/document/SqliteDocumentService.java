package fr.mediance.app.core.document;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.document.image.ImageFormatException;
import fr.mediance.app.core.document.image.JpegDecoder;
import fr.mediance.app.core.document.image.PhotoDownscaler;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.protocol.CodeValues;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Photos of documents: rows in the local database, bytes encrypted in the private blob directory. */
public final class SqliteDocumentService implements DocumentService {
    private static final System.Logger LOG = System.getLogger(SqliteDocumentService.class.getName());
    private final StoreHolder store;
    private final fr.mediance.app.core.audit.AccessLog accessLog;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;
    /** The setting (list "setting") whose value is the retention period of documents of a type with none. */
    /** When neither the type nor the setting gives a period. */
    static final Period FALLBACK_RETENTION = Period.ofYears(1);

    public SqliteDocumentService(StoreHolder store, Supplier<AccountInfo> account, Clock clock) {
        this(store, account, clock, ZoneId.of("Europe/Paris"));
    }

    public SqliteDocumentService(StoreHolder store, Supplier<AccountInfo> account, Clock clock, ZoneId zone) {
        this(store, account, clock, zone, null);
    }

    /** {@code accessLog}: told of every document opened in full (the audit log; null: nobody is). */
    public SqliteDocumentService(
            StoreHolder store,
            Supplier<AccountInfo> account,
            Clock clock,
            ZoneId zone,
            fr.mediance.app.core.audit.AccessLog accessLog) {
        this.accessLog = accessLog;
        this.store = store;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
    }

    public static PhotoItem map(Row r) {
        return new PhotoItem(
                r.string("id"),
                r.string("visit_report_id"),
                r.string("resident_id"),
                r.string("type"),
                r.string("mime_type"),
                r.string("sha256"),
                r.longValue("size_bytes"),
                r.instant("captured_at"),
                PhotoState.valueOf(r.string("blob_state")),
                r.string("title"),
                r.string("issuer"),
                r.optionalLong("amount_cents"),
                r.date("due_date"),
                Records.fromJson(r.string("purpose")),
                r.date("retention_until"));
    }

    static Optional<PhotoItem> find(Tx tx, String id) {
        return tx.queryOne("SELECT * FROM documents WHERE id = ?", SqliteDocumentService::map, id);
    }

    @Override
    public Optional<PhotoItem> find(String documentId) {
        return store.db().read(tx -> find(tx, documentId));
    }

    @Override
    public List<PhotoItem> photos(String reportId) {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT * FROM documents WHERE visit_report_id = ? ORDER BY captured_at, id",
                        SqliteDocumentService::map,
                        reportId));
    }

    /** Whether the report exists and is still a draft; otherwise the French failure. */
    private static Optional<String> draftProblem(Tx tx, String reportId) {
        Optional<Instant> completed = tx.queryOne(
                "SELECT completed_at FROM visit_reports WHERE id = ?",
                r -> r.instant("completed_at") == null ? Instant.MIN : r.instant("completed_at"),
                reportId);
        if (completed.isEmpty()) {
            return Optional.of(CoreMessages.get("visit.notFound"));
        }
        if (!completed.get().equals(Instant.MIN)) {
            return Optional.of(CoreMessages.get("visit.frozen"));
        }
        return Optional.empty();
    }

    @Override
    public Outcome<PhotoItem> attach(String reportId, CapturedImage image, String type) {
        AccountInfo me = account.get();
        FormErrors e = new FormErrors();
        if (image == null || image.bytes().length == 0) {
            e.add("image", CoreMessages.get("document.image.empty"));
        } else if (image.bytes().length > Limits.MAX_BLOB_BYTES) {
            e.add("image", CoreMessages.get("document.image.tooLarge", Limits.MAX_BLOB_BYTES / (1024 * 1024)));
        }
        if (FormErrors.blank(type)) {
            e.add("type", CoreMessages.get("document.type.required"));
        }
        if (!e.isEmpty()) {
            return e.toOutcome();
        }
        Optional<String> problem = store.db().read(tx -> draftProblem(tx, reportId));
        if (problem.isPresent()) {
            return Outcome.failed(problem.get());
        }
        byte[] captured = image.bytes();
        byte[] upload = captured;
        String mimeType = image.mimeType();
        if (JpegDecoder.looksLikeJpeg(captured)) {
            try {
                PhotoDownscaler.Result r =
                        PhotoDownscaler.downscale(captured, Limits.PHOTO_MAX_EDGE, Limits.PHOTO_JPEG_QUALITY);
                upload = r.jpeg();
                mimeType = "image/jpeg";
                LOG.log(
                        Level.DEBUG,
                        "photo prepared: {0}x{1} -> {2}x{3}, {4} -> {5} bytes",
                        r.sourceWidth(),
                        r.sourceHeight(),
                        r.width(),
                        r.height(),
                        captured.length,
                        upload.length);
            } catch (ImageFormatException bad) {
                if (ImageFormatException.DAMAGED.equals(bad.getMessage())
                        || ImageFormatException.NOT_AN_IMAGE.equals(bad.getMessage())) {
                    return Outcome.invalid(
                            java.util.Map.of("image", CoreMessages.get("document.image.unreadable", bad.getMessage())));
                }
                // a JPEG this decoder cannot shrink (an unusual variant, a huge picture): kept as it is, not lost
                LOG.log(Level.INFO, "photo kept as captured: {0}", bad.getMessage());
            }
        }
        // bytes first (encrypted, content-addressed, written to a temporary file, flushed to the disk and renamed):
        // a crash before the row commits only leaves unreferenced files, removed at the next unlock. The original
        // capture is kept too until the server acknowledges the downscaled photo that travels.
        String original =
                java.util.Arrays.equals(upload, captured) ? null : store.blobs().put(captured);
        String sha = store.blobs().put(upload);
        byte[] uploaded = upload;
        String type2 = mimeType;
        return store.db().inTransaction(tx -> {
            Optional<String> again = draftProblem(tx, reportId);
            if (again.isPresent()) {
                return Outcome.failed(again.get());
            }
            if (!SqliteReferenceService.acceptable(tx, CodeLists.DOCUMENT_TYPE, type.strip())) {
                return Outcome.invalid(java.util.Map.of("type", CoreMessages.get("field.unknownCode")));
            }
            String residentId = tx.queryOne(
                            "SELECT resident_id FROM visit_reports WHERE id = ?",
                            r -> r.string("resident_id"),
                            reportId)
                    .orElse(null);
            String structureId = tx.queryOne(
                            "SELECT structure_id FROM visit_reports WHERE id = ?",
                            r -> r.string("structure_id"),
                            reportId)
                    .orElse(me.structureId());
            Instant now = clock.instant();
            DocumentDto dto = new DocumentDto(
                    UUID.randomUUID().toString(),
                    structureId,
                    reportId,
                    residentId,
                    type.strip(),
                    sha,
                    type2,
                    uploaded.length,
                    now,
                    defaultRetention(tx, type.strip(), now.atZone(zone).toLocalDate()));
            Records.upsert(tx, dto, null, now, Records.BLOB_LOCAL);
            if (original != null) {
                tx.update(
                        "UPDATE documents SET original_sha256 = ?, original_size_bytes = ? WHERE id = ?",
                        original,
                        (long) captured.length,
                        dto.id());
            }
            return Outcome.ok(find(tx, dto.id()).orElseThrow());
        });
    }

    @Override
    public List<PhotoItem> forResident(String residentId) {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT * FROM documents WHERE resident_id = ? ORDER BY captured_at DESC, id",
                        SqliteDocumentService::map,
                        residentId));
    }

    @Override
    public LocalDate defaultRetention(String type, LocalDate day) {
        return store.db().read(tx -> defaultRetention(tx, type, day));
    }

    static LocalDate defaultRetention(Tx tx, String type, LocalDate day) {
        Optional<Period> period = type == null
                ? Optional.empty()
                : tx.queryOne(
                                "SELECT value FROM codes WHERE list = ? AND code = ?",
                                r -> period(r.string("value")),
                                ListNames.DOCUMENT_TYPE,
                                type.strip())
                        .flatMap(p -> p);
        if (period.isEmpty()) {
            period = tx.queryOne(
                            "SELECT value FROM codes WHERE list = ? AND code = ?",
                            r -> period(r.string("value")),
                            ListNames.SETTING,
                            CodeValues.SETTING_RETENTION_DEFAULT)
                    .flatMap(p -> p);
        }
        LocalDate until = day.plus(period.orElse(FALLBACK_RETENTION));
        // A very long period (P100Y) stops at the last date the server accepts, so the document is not refused.
        LocalDate last = LocalDate.of(Limits.MAX_DATE_YEAR, 12, 31);
        return until.isAfter(last) ? last : until;
    }

    private static Optional<Period> period(String iso) {
        if (iso == null || iso.isBlank()) {
            return Optional.empty();
        }
        try {
            Period p = Period.parse(iso.strip());
            return p.isNegative() || p.isZero() ? Optional.empty() : Optional.of(p);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public Outcome<PhotoItem> describe(String documentId, DocumentMetadata m) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        FormErrors e = new FormErrors();
        if (FormErrors.blank(m.type())) {
            e.add("type", CoreMessages.get("document.type.required"));
        }
        e.maxLength("title", m.title(), Limits.MAX_SHORT_TEXT);
        e.maxLength("issuer", m.issuer(), Limits.MAX_SHORT_TEXT);
        e.amount("amount", m.amountCents());
        if (m.retentionUntil() != null && m.retentionUntil().isBefore(today)) {
            e.add("retentionUntil", CoreMessages.get("document.retention.past"));
        }
        e.plausibleDate("retentionUntil", m.retentionUntil());
        e.plausibleDate("dueDate", m.dueDate());
        if (m.purpose().size() > Limits.MAX_LIST_ITEMS) {
            e.add("purpose", CoreMessages.get("document.purpose.tooMany", Limits.MAX_LIST_ITEMS));
        }
        if (!e.isEmpty()) {
            return e.toOutcome();
        }
        return store.db().inTransaction(tx -> {
            Optional<PhotoItem> doc = find(tx, documentId);
            if (doc.isEmpty()) {
                return Outcome.failed(CoreMessages.get("document.notFound"));
            }
            if (doc.get().state() != PhotoState.LOCAL) {
                return Outcome.failed(CoreMessages.get("visit.frozen"));
            }
            FormErrors codes = new FormErrors();
            if (!SqliteReferenceService.acceptable(
                    tx, CodeLists.DOCUMENT_TYPE, m.type().strip())) {
                codes.add("type", CoreMessages.get("field.unknownCode"));
            }
            for (String p : m.purpose()) {
                if (!SqliteReferenceService.acceptable(tx, ListNames.DOCUMENT_PURPOSE, p)) {
                    codes.add("purpose", CoreMessages.get("field.unknownCode"));
                }
            }
            if (!codes.isEmpty()) {
                return codes.toOutcome();
            }
            LocalDate captured = doc.get().capturedAt() == null
                    ? today
                    : doc.get().capturedAt().atZone(zone).toLocalDate();
            LocalDate retention = m.retentionUntil() != null
                    ? m.retentionUntil()
                    : defaultRetention(tx, m.type().strip(), captured);
            tx.update(
                    """
                    UPDATE documents SET type = ?, title = ?, issuer = ?, amount_cents = ?, due_date = ?, purpose = ?,
                      retention_until = ?, updated_at = ?
                    WHERE id = ?""",
                    m.type().strip(),
                    Texts.clean(m.title()),
                    Texts.clean(m.issuer()),
                    m.amountCents(),
                    m.dueDate(),
                    Records.toJson(
                            m.purpose().stream().map(String::strip).distinct().toList()),
                    retention,
                    clock.instant(),
                    documentId);
            return Outcome.ok(find(tx, documentId).orElseThrow());
        });
    }

    @Override
    public Outcome<PhotoItem> changeType(String documentId, String type) {
        if (FormErrors.blank(type)) {
            return Outcome.invalid(java.util.Map.of("type", CoreMessages.get("document.type.required")));
        }
        return store.db().inTransaction(tx -> {
            Optional<PhotoItem> doc = find(tx, documentId);
            if (doc.isEmpty()) {
                return Outcome.failed(CoreMessages.get("document.notFound"));
            }
            if (doc.get().state() != PhotoState.LOCAL) {
                return Outcome.failed(CoreMessages.get("visit.frozen"));
            }
            if (!SqliteReferenceService.acceptable(tx, CodeLists.DOCUMENT_TYPE, type.strip())) {
                return Outcome.invalid(java.util.Map.of("type", CoreMessages.get("field.unknownCode")));
            }
            tx.update(
                    "UPDATE documents SET type = ?, updated_at = ? WHERE id = ?",
                    type.strip(),
                    clock.instant(),
                    documentId);
            return Outcome.ok(find(tx, documentId).orElseThrow());
        });
    }

    @Override
    public Outcome<Void> remove(String documentId) {
        Outcome<List<String>> removed = store.db().inTransaction(tx -> {
            Optional<PhotoItem> doc = find(tx, documentId);
            if (doc.isEmpty()) {
                return Outcome.failed(CoreMessages.get("document.notFound"));
            }
            if (doc.get().state() != PhotoState.LOCAL) {
                return Outcome.failed(CoreMessages.get("visit.frozen"));
            }
            String original = originalOf(tx, documentId).orElse(null);
            tx.update("DELETE FROM documents WHERE id = ?", documentId);
            List<String> unused = new java.util.ArrayList<>();
            for (String sha : java.util.Arrays.asList(doc.get().sha256(), original)) {
                if (sha != null
                        && !tx.exists("SELECT 1 FROM documents WHERE sha256 = ? OR original_sha256 = ?", sha, sha)) {
                    unused.add(sha);
                }
            }
            return Outcome.ok(unused);
        });
        if (!removed.isOk()) {
            return removed.castFailure();
        }
        removed.value()
                .forEach(store.blobs()::delete); // after the commit: a crash here leaves orphans, cleaned at unlock
        return Outcome.ok(null);
    }

    private static Optional<String> originalOf(Tx tx, String documentId) {
        return tx.queryOne(
                "SELECT original_sha256 FROM documents WHERE id = ?", r -> r.string("original_sha256"), documentId);
    }

    @Override
    public boolean hasOriginal(String documentId) {
        return store.db().read(tx -> originalOf(tx, documentId)).isPresent();
    }

    @Override
    public Optional<byte[]> readOriginal(String documentId) {
        if (accessLog != null) {
            find(documentId)
                    .filter(d -> d.residentId() != null)
                    .ifPresent(d -> accessLog.read(
                            fr.mediance.protocol.EntityType.DOCUMENT,
                            documentId,
                            d.residentId(),
                            "document affiché sur l'appareil"));
        }
        Optional<String> original = store.db().read(tx -> originalOf(tx, documentId));
        return original.isPresent() ? store.blobs().get(original.get()) : readBytes(documentId);
    }

    @Override
    public Optional<byte[]> readBytes(String documentId) {
        Optional<PhotoItem> doc = find(documentId);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return store.blobs().get(doc.get().sha256());
    }
}
