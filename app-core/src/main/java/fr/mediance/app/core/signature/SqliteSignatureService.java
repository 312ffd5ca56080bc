package fr.mediance.app.core.signature;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.CodeValues;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.ListNames;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signatures as generated PNG documents: bytes encrypted in the blob directory (content-addressed, like a
 * photo), a document row of type "signature", origin "generated", queued so that it uploads through the photo
 * lane.
 */
public final class SqliteSignatureService implements SignatureService {
    public static final String TYPE = "signature";
    public static final String ORIGIN = "generated";

    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;

    public SqliteSignatureService(
            StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock, ZoneId zone) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
    }

    /** A rendered signature whose bytes are already stored, ready to be named by a record in a transaction. */
    public record Stored(String sha256, long sizeBytes) {}

    /** Renders and stores the bytes (call before the transaction that writes the document). */
    public Stored render(Signature signature) {
        if (signature == null || signature.isEmpty()) {
            throw new IllegalArgumentException("empty signature");
        }
        byte[] png = SignatureRenderer.png(signature);
        return new Stored(store.blobs().put(png), png.length);
    }

    @Override
    public String save(String residentId, String visitReportId, String title, Signature signature) {
        return save(residentId, visitReportId, title, signature, null);
    }

    @Override
    public String save(
            String residentId, String visitReportId, String title, Signature signature, LocalDate retentionUntil) {
        Stored bytes = render(signature);
        java.util.function.Function<Tx, String> write =
                tx -> insert(tx, bytes, residentId, visitReportId, title, retentionUntil);
        return store.db().inTransaction(write);
    }

    /**
     * Writes the document of stored signature bytes in {@code tx}; {@code retentionUntil} null means the default
     * of the type. Returns the document id.
     */
    public String insert(
            Tx tx, Stored bytes, String residentId, String visitReportId, String title, LocalDate retentionUntil) {
        AccountInfo me = account.get();
        Instant now = clock.instant();
        LocalDate retention = retentionUntil != null
                ? retentionUntil
                : defaultRetention(tx, TYPE, LocalDate.ofInstant(now, zone)).orElse(null);
        DocumentDto doc = new DocumentDto(
                UUID.randomUUID().toString(),
                me.structureId(),
                visitReportId,
                residentId,
                TYPE,
                bytes.sha256(),
                "image/png",
                bytes.sizeBytes(),
                now,
                retention,
                title,
                null,
                null,
                null,
                List.of(),
                ORIGIN);
        boolean draftReport = visitReportId != null
                && tx.exists("SELECT 1 FROM visit_reports WHERE id = ? AND completed_at IS NULL", visitReportId);
        Records.upsert(tx, doc, null, now, draftReport ? Records.BLOB_LOCAL : Records.BLOB_WAITING_UPLOAD);
        if (!draftReport) {
            outbox.enqueue(tx, doc, CoreMessages.get("summary.signature", title == null ? "" : title));
        }
        return doc.id();
    }

    /**
     * The default retention end of a document of {@code type} captured on {@code day}: the type's code value
     * (an ISO period), else the setting "retention_default"; empty if neither is known.
     */
    public static Optional<LocalDate> defaultRetention(Tx tx, String type, LocalDate day) {
        return codeValue(tx, ListNames.DOCUMENT_TYPE, type)
                .or(() -> codeValue(tx, ListNames.SETTING, CodeValues.SETTING_RETENTION_DEFAULT))
                .flatMap(SqliteSignatureService::period)
                .map(day::plus);
    }

    /** The value of a code list entry, if it has one. */
    public static Optional<String> codeValue(Tx tx, String list, String code) {
        return tx.queryOne("SELECT value FROM codes WHERE list = ? AND code = ?", r -> r.string("value"), list, code)
                .filter(v -> !v.isBlank())
                .map(String::strip);
    }

    /** An ISO period ("P6M"), or empty if the text is not one. */
    public static Optional<Period> period(String iso) {
        try {
            return Optional.of(Period.parse(iso));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
