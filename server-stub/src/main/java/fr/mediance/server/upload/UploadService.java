package fr.mediance.server.upload;

import fr.mediance.protocol.Limits;
import fr.mediance.protocol.Tus;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.blob.BlobService;
import fr.mediance.server.blob.BlobStore;
import fr.mediance.server.db.Database;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumable uploads (tus 1.0.0, see {@link Tus}): the bytes of an upload in progress are appended to
 * {@code DIR/uploads/<id>.part}; the offset acknowledged to the client is the one stored in the database, and
 * it is stored only after the bytes up to it are flushed to disk. So a {@code kill -9} at any moment loses at
 * most the chunk in flight: at the next start every part file is cut back to its stored offset (an
 * unacknowledged tail is forgotten), part files without an upload are removed, and an upload whose last chunk
 * was stored but not yet turned into a blob is finished.
 *
 * <p>A chunk sent with {@code Upload-Checksum} is kept whole or not at all (a partly received chunk cannot be
 * verified): when its request is cut, nothing of it is kept. A chunk without a checksum that is cut keeps the
 * bytes that arrived (tus: "SHOULD store as much as possible"); they are verified with the whole file at the
 * end anyway. When the offset reaches the length, the whole file's SHA-256 is checked against the one given at
 * creation before it becomes a blob (an atomic rename into the content-addressed store); on a mismatch the
 * upload starts again from 0.
 *
 * <p>An upload belongs to the account that created it: anyone else gets 404. It expires {@link #TTL} after its
 * last change; expired uploads are purged at start and periodically.
 */
public final class UploadService {
    /** Largest PATCH body accepted (the client starts at {@link Limits#DEFAULT_CHUNK_BYTES}). */
    public static final long MAX_CHUNK_BYTES = Limits.MAX_CHUNK_BYTES;
    /** How long an upload stays resumable after its last change. */
    public static final Duration TTL = Duration.ofDays(7);
    /** How long a request waits for another one on the same upload to finish. */
    static final long LOCK_WAIT_MILLIS = UploadLocks.WAIT_MILLIS;

    private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
    private static final int BUFFER = 64 * 1024;

    private final Database db;
    private final UploadStore uploads = new UploadStore();
    private final PartStore parts;
    private final BlobStore blobs;
    private final BlobService blobService;
    private final Clock clock;
    private final UploadLocks locks;

    /** What the client is told about an upload. */
    public record State(String id, long offset, long length, String metadata, Instant expires, boolean completed) {}

    public UploadService(Database db, java.nio.file.Path dir, BlobStore blobs, BlobService blobService, Clock clock) {
        this(db, new PartFiles(dir), blobs, blobService, clock);
    }

    /**
     * {@code parts}: local part files (one server) or a store shared by several servers, whose uploads are then
     * locked in the database rather than in memory.
     */
    public UploadService(Database db, PartStore parts, BlobStore blobs, BlobService blobService, Clock clock) {
        this.db = db;
        this.parts = parts;
        this.locks = parts.shared() ? new UploadLocks.Leases(db) : new UploadLocks.InMemory();
        this.blobs = blobs;
        this.blobService = blobService;
        this.clock = clock;
    }

    // --- requests

    /**
     * {@code POST}: a new upload, and its first chunk if the request carries one (creation-with-upload). A blob
     * the server already holds from this caller is not sent again: the upload is created complete. Held from someone
     * else only, it is sent all the same (knowing its hash gives no access).
     */
    public State create(
            AuthUser user,
            String lengthHeader,
            String metadataHeader,
            String contentType,
            long contentLength,
            String checksumHeader,
            InputStream body) {
        if (lengthHeader == null) {
            throw DomainException.invalid(
                    "invalid_upload_length",
                    "L'en-tête « " + Tus.UPLOAD_LENGTH
                            + " » est obligatoire (une longueur différée n'est pas prise en charge).");
        }
        long length = TusHeaders.nonNegative(lengthHeader, Tus.UPLOAD_LENGTH, "invalid_upload_length");
        if (length > Limits.MAX_BLOB_BYTES) {
            throw DomainException.tooLarge(
                    "upload_too_large",
                    "Le fichier dépasse la taille maximale de " + Limits.MAX_BLOB_BYTES + " octets.");
        }
        if (length == 0) {
            throw DomainException.invalid("invalid_upload_length", "Un fichier vide ne s'envoie pas.");
        }
        TusHeaders.Metadata meta = TusHeaders.metadata(metadataHeader);
        TusHeaders.Checksum checksum = TusHeaders.checksum(checksumHeader);
        boolean withBody = contentLength > 0 || (contentLength < 0 && isOffsetStream(contentType));
        if (withBody) {
            requireOffsetStream(contentType);
            checkChunkSize(contentLength, 0, length);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(TTL);
        String id = UUID.randomUUID().toString();

        OptionalLong held = blobs.size(meta.sha256());
        // nothing to send only for who already sent these bytes: anyone else proves holding them by sending them
        if (held.isPresent() && blobService.sentBy(user, meta.sha256())) {
            if (held.getAsLong() != length) {
                throw DomainException.invalid(
                        "upload_length_mismatch",
                        "La longueur annoncée ne correspond pas au "
                                + "fichier de cette empreinte que le serveur a déjà.");
            }
            blobService.recordPresent(meta.sha256(), length, user.id());
            db.inTransaction(tx -> {
                uploads.insert(
                        tx,
                        new UploadStore.Upload(
                                id,
                                user.id(),
                                meta.sha256(),
                                length,
                                length,
                                metadataHeader,
                                true,
                                expires.toEpochMilli()),
                        meta.filetype(),
                        meta.filename(),
                        now.toEpochMilli());
                return null;
            });
            LOG.info("upload user={} size={} already held", user.id(), length);
            return new State(id, length, length, metadataHeader, expires, true);
        }

        parts.create(id);
        long offset = 0;
        if (withBody) {
            try {
                PartStore.Written w = parts.write(id, 0, length, checksum, body, false);
                offset = w.offset();
            } catch (RuntimeException e) {
                // the client never learns this upload's address: keep nothing
                parts.delete(id);
                throw e;
            }
        }
        UploadStore.Upload u = new UploadStore.Upload(
                id, user.id(), meta.sha256(), length, offset, metadataHeader, false, expires.toEpochMilli());
        db.inTransaction(tx -> {
            uploads.insert(tx, u, meta.filetype(), meta.filename(), now.toEpochMilli());
            return null;
        });
        if (offset == length) {
            try {
                return complete(u, user.id(), now);
            } catch (DomainException mismatch) {
                terminateNow(id);
                throw mismatch;
            }
        }
        LOG.info("upload created user={} length={} first={}", user.id(), length, offset);
        return new State(id, offset, length, metadataHeader, expires, false);
    }

    /** {@code HEAD}: the offset acknowledged so far. */
    public State status(AuthUser user, String id) {
        UploadStore.Upload u = load(user, id);
        return state(u);
    }

    /** {@code PATCH}: one chunk at {@code Upload-Offset}. */
    public State append(
            AuthUser user,
            String id,
            String offsetHeader,
            String contentType,
            long contentLength,
            String checksumHeader,
            InputStream body) {
        requireOffsetStream(contentType);
        long offset = TusHeaders.nonNegative(offsetHeader, Tus.UPLOAD_OFFSET, "invalid_upload_offset");
        TusHeaders.Checksum checksum = TusHeaders.checksum(checksumHeader);
        String key = requireId(id);
        try (UploadLocks.Held held = locks.acquire(key)) {
            UploadStore.Upload u = load(user, key);
            if (offset != u.offset()) {
                throw offsetMismatch(u.offset());
            }
            if (u.completed()) {
                if (contentLength > 0 || contentLength < 0) {
                    throw DomainException.tooLarge("upload_length_exceeded", "Ce fichier est déjà reçu en entier.");
                }
                return state(u);
            }
            checkChunkSize(contentLength, offset, u.length());
            long onDisk = parts.size(key);
            if (onDisk < u.offset()) {
                // the part file lost bytes it had acknowledged (it should not happen): say where to resume
                long resume = Math.max(0, onDisk);
                if (onDisk < 0) {
                    parts.create(key);
                }
                setOffset(key, resume, clock.instant());
                LOG.warn("upload part file shorter than its acknowledged offset: resuming at {}", resume);
                throw offsetMismatch(resume);
            }
            PartStore.Written w = parts.write(key, offset, u.length(), checksum, body, true);
            Instant now = clock.instant();
            Instant expires = setOffset(key, w.offset(), now);
            if (w.interrupted()) {
                throw interrupted();
            }
            UploadStore.Upload after = new UploadStore.Upload(
                    key, u.userId(), u.sha256(), u.length(), w.offset(), u.metadata(), false, expires.toEpochMilli());
            if (w.offset() == u.length()) {
                return complete(after, user.id(), now);
            }
            return state(after);
        }
    }

    /** {@code DELETE} (termination): the upload and its bytes are gone; an existing blob stays. */
    public void terminate(AuthUser user, String id) {
        String key = requireId(id);
        try (UploadLocks.Held held = locks.acquire(key)) {
            UploadStore.Upload u = find(key);
            if (u == null || !u.userId().equals(user.id())) {
                throw notFound();
            }
            terminateNow(key);
            LOG.info("upload terminated user={}", user.id());
        }
    }

    // --- maintenance

    /**
     * Brings part files and stored offsets back in line after a stop at any moment, finishes uploads whose last
     * chunk was stored, and purges the expired ones. Called at start.
     */
    public void reconcile() {
        List<UploadStore.Upload> all = db.read(uploads::all);
        Set<String> known = new HashSet<>();
        for (UploadStore.Upload u : all) {
            known.add(u.id());
        }
        int orphans = 0;
        for (String partId : parts.ids()) {
            if (!known.contains(partId)) {
                parts.delete(partId);
                orphans++;
            }
        }
        int cut = 0;
        for (UploadStore.Upload u : all) {
            // another server sharing the parts may be writing this upload right now: leave it to that one
            UploadLocks.Held held = locks.tryAcquire(u.id());
            if (held == null) {
                continue;
            }
            try (held) {
                if (reconcileOne(u)) {
                    cut++;
                }
            }
        }
        int purged = purgeExpired();
        if (orphans + cut + purged > 0) {
            LOG.info(
                    "uploads reconciled: {} orphan part files removed, {} unacknowledged tails cut, {} expired purged",
                    orphans,
                    cut,
                    purged);
        }
    }

    /** Brings one upload's part and stored offset back in line; answers whether an unacknowledged tail was cut. */
    private boolean reconcileOne(UploadStore.Upload u) {
        boolean cutTail = false;
        long onDisk = parts.size(u.id());
        if (u.completed()) {
            if (onDisk >= 0) {
                parts.delete(u.id());
            }
            return cutTail;
        }
        Instant now = clock.instant();
        if (onDisk < 0) {
            if (blobs.size(u.sha256()).isPresent()) {
                blobService.recordPresent(u.sha256(), u.length(), u.userId());
                markComplete(u, now);
            } else {
                parts.create(u.id());
                if (u.offset() != 0) {
                    setOffset(u.id(), 0, now);
                }
            }
            return cutTail;
        }
        if (onDisk > u.offset()) {
            parts.truncate(u.id(), u.offset());
            cutTail = true;
        } else if (onDisk < u.offset()) {
            LOG.warn("upload part file shorter than its acknowledged offset: resuming at {}", onDisk);
            setOffset(u.id(), onDisk, now);
            return cutTail;
        }
        if (u.offset() == u.length()) {
            try {
                complete(u, u.userId(), now);
            } catch (DomainException mismatch) {
                LOG.warn("upload finished before a stop does not match its SHA-256: started again from 0");
            }
        }
        return cutTail;
    }

    /** Removes expired uploads and their bytes (not those being written right now). Answers how many. */
    public int purgeExpired() {
        long now = clock.instant().toEpochMilli();
        List<String> expired = db.read(tx -> uploads.expired(tx, now));
        int purged = 0;
        for (String id : expired) {
            UploadLocks.Held held = locks.tryAcquire(id);
            if (held == null) {
                continue;
            }
            try (held) {
                terminateNow(id);
                purged++;
            }
        }
        return purged;
    }

    // --- internals

    /**
     * Verifies the whole file, moves it into the blob store and records the blob. On a SHA-256 mismatch the
     * upload starts again from 0 (460).
     */
    private State complete(UploadStore.Upload u, String userId, Instant now) {
        String actual = parts.sha256(u.id());
        if (!actual.equals(u.sha256())) {
            parts.truncate(u.id(), 0);
            setOffset(u.id(), 0, now);
            LOG.info("upload complete but its SHA-256 does not match: started again from 0");
            throw new DomainException(
                            DomainException.Kind.CHECKSUM_MISMATCH,
                            "upload_sha256_mismatch",
                            "Le fichier reçu ne correspond pas à son empreinte SHA-256 : il est renvoyé depuis le début.")
                    .withHeader(Tus.UPLOAD_OFFSET, "0");
        }
        parts.adoptInto(u.id(), u.sha256(), u.length(), blobs);
        blobService.recordPresent(u.sha256(), u.length(), userId);
        markComplete(u, now);
        LOG.info("upload complete user={} size={}", userId, u.length());
        return new State(u.id(), u.length(), u.length(), u.metadata(), Instant.ofEpochMilli(u.expiresAt()), true);
    }

    private void markComplete(UploadStore.Upload u, Instant now) {
        db.inTransaction(tx -> {
            uploads.complete(tx, u.id(), u.length(), now.toEpochMilli());
            return null;
        });
    }

    private Instant setOffset(String id, long offset, Instant now) {
        Instant expires = now.plus(TTL);
        db.inTransaction(tx -> {
            uploads.setOffset(tx, id, offset, now.toEpochMilli(), expires.toEpochMilli());
            return null;
        });
        return expires;
    }

    private void terminateNow(String id) {
        // the row first: a part file without a row is removed at the next start, never the reverse
        db.inTransaction(tx -> {
            uploads.delete(tx, id);
            return null;
        });
        parts.delete(id);
    }

    private UploadStore.Upload find(String id) {
        return db.read(tx -> uploads.find(tx, id)).orElse(null);
    }

    /** The caller's upload; 404 for anyone else's or an unknown one, 410 once expired. */
    private UploadStore.Upload load(AuthUser user, String id) {
        UploadStore.Upload u = find(requireId(id));
        if (u == null || !u.userId().equals(user.id())) {
            throw notFound();
        }
        if (u.expiresAt() <= clock.instant().toEpochMilli()) {
            throw new DomainException(
                    DomainException.Kind.GONE,
                    "upload_expired",
                    "Cet envoi a expiré : recommencez-le depuis le début.");
        }
        return u;
    }

    private static State state(UploadStore.Upload u) {
        return new State(
                u.id(), u.offset(), u.length(), u.metadata(), Instant.ofEpochMilli(u.expiresAt()), u.completed());
    }

    private static String requireId(String id) {
        String valid = TusHeaders.uploadId(id);
        if (valid == null) {
            throw notFound();
        }
        return valid;
    }

    static boolean isOffsetStream(String contentType) {
        return contentType != null && contentType.split(";", 2)[0].trim().equalsIgnoreCase(Tus.OFFSET_OCTET_STREAM);
    }

    private static void requireOffsetStream(String contentType) {
        if (!isOffsetStream(contentType)) {
            throw new DomainException(
                    DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "Les morceaux d'un envoi s'envoient avec l'en-tête « Content-Type: " + Tus.OFFSET_OCTET_STREAM
                            + " ».");
        }
    }

    private static void checkChunkSize(long contentLength, long offset, long length) {
        if (contentLength > MAX_CHUNK_BYTES) {
            throw chunkTooLarge();
        }
        if (contentLength > 0 && offset + contentLength > length) {
            throw lengthExceeded();
        }
    }

    private static DomainException offsetMismatch(long stored) {
        return new DomainException(
                        DomainException.Kind.CONFLICT,
                        "upload_offset_mismatch",
                        "Le serveur a reçu ce fichier jusqu'à l'octet " + stored + " : reprenez l'envoi à cet endroit.")
                .withHeader(Tus.UPLOAD_OFFSET, Long.toString(stored));
    }

    static DomainException chunkTooLarge() {
        return DomainException.tooLarge(
                "chunk_too_large",
                "Ce morceau dépasse la taille maximale de " + MAX_CHUNK_BYTES
                        + " octets : envoyez des morceaux plus petits.");
    }

    static DomainException lengthExceeded() {
        return DomainException.tooLarge(
                "upload_length_exceeded", "Ce morceau dépasse la longueur annoncée du fichier.");
    }

    static DomainException interrupted() {
        return DomainException.invalid(
                "upload_interrupted",
                "L'envoi de ce morceau a été interrompu : demandez où " + "reprendre (HEAD) et renvoyez la suite.");
    }

    static DomainException checksumMismatch(long offset) {
        return new DomainException(
                        DomainException.Kind.CHECKSUM_MISMATCH,
                        "checksum_mismatch",
                        "Ce morceau du fichier est arrivé abîmé (somme de contrôle incorrecte) : renvoyez-le.")
                .withHeader(Tus.UPLOAD_OFFSET, Long.toString(offset));
    }

    private static DomainException notFound() {
        return DomainException.notFound("upload_not_found", "Envoi introuvable.");
    }

    static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
