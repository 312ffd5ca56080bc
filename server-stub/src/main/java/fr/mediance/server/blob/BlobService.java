package fr.mediance.server.blob;

import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.BlobsHeldResponse;
import fr.mediance.protocol.Limits;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Database;
import fr.mediance.server.http.BodyDeadline;
import fr.mediance.server.sync.BlobRegistry;
import fr.mediance.server.sync.DocumentAccess;
import fr.mediance.server.sync.EntityWriter;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-request upload (verified, streamed), existence check, download and thumbnail (only through a document
 * the caller may see). A blob that becomes present is recorded and its status announced ({@link BlobRegistry}).
 */
public final class BlobService {
    private static final Logger LOG = LoggerFactory.getLogger(BlobService.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Database db;
    private final BlobStore store;
    private final DocumentAccess access;
    private final Clock clock;
    private final BlobRegistry registry;
    private final EntityWriter writer;
    private final ThumbnailService thumbnails;

    public BlobService(
            Database db,
            BlobStore store,
            DocumentAccess access,
            BlobRegistry registry,
            EntityWriter writer,
            ThumbnailService thumbnails,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.access = access;
        this.registry = registry;
        this.writer = writer;
        this.thumbnails = thumbnails;
        this.clock = clock;
    }

    /** A blob to send back: its bytes, type and size. */
    public record Download(InputStream bytes, String mimeType, long sizeBytes) {}

    public BlobReceiptDto put(
            AuthUser user, String sha256, String declaredSha256, long contentLength, InputStream body) {
        requireHash(sha256);
        if (declaredSha256 == null || !declaredSha256.equals(sha256)) {
            throw DomainException.invalid(
                    "sha256_header_mismatch",
                    "L'en-tête X-Content-SHA256 doit être présent " + "et égal à l'empreinte de l'adresse.");
        }
        if (contentLength > Limits.MAX_BLOB_BYTES) {
            throw tooLarge();
        }
        OptionalLong existing = store.size(sha256);
        BlobReceiptDto receipt;
        if (existing.isPresent()) {
            // the bytes are read and checked all the same: sending them is what gives the caller's documents access
            requireSameBytes(sha256, body);
            receipt = new BlobReceiptDto(sha256, existing.getAsLong(), false);
        } else {
            BlobStore.PutResult r = store.put(sha256, body, Limits.MAX_BLOB_BYTES);
            receipt = new BlobReceiptDto(sha256, r.sizeBytes(), r.created());
        }
        recordPresent(sha256, receipt.sizeBytes(), user.id());
        LOG.info("blob upload user={} size={} created={}", user.id(), receipt.sizeBytes(), receipt.created());
        return receipt;
    }

    /**
     * Records bytes now in the store as received (once), announces their status, and has the thumbnail made if
     * they are an image.
     */
    public void recordPresent(String sha256, long sizeBytes, String userId) {
        boolean image = thumbnails.isImage(sha256);
        boolean created = db.inSequencedTransaction(tx -> {
            writer.beginWrite(tx);
            return registry.markPresent(tx, sha256, sizeBytes, image, userId, clock.instant());
        });
        if (image && (created || store.thumbnailSize(sha256).isEmpty())) {
            thumbnails.schedule(sha256);
        }
    }

    /** A thumbnail to send back, authorised like the blob itself. */
    public Download thumbnail(AuthUser user, String sha256) {
        requireHash(sha256);
        db.read(tx -> access.visibleMimeType(tx, user, sha256)).orElseThrow(BlobService::notFound);
        if (store.size(sha256).isEmpty()) {
            throw notFound();
        }
        if (!thumbnails.ensure(sha256)) {
            throw DomainException.notFound(
                    "thumbnail_unavailable",
                    "Pas d'aperçu pour ce fichier : ce n'est pas une image JPEG ou PNG lisible.");
        }
        long size = store.thumbnailSize(sha256).orElseThrow(BlobService::notFound);
        return new Download(store.openThumbnail(sha256), "image/jpeg", size);
    }

    /**
     * Which of these blobs the server holds as sent by this caller, in the order asked, each once. A blob held but
     * sent by someone else is answered as not held: the device then uploads it (which proves it has the bytes), and
     * learns nothing about blobs it never sent.
     */
    public BlobsHeldResponse held(AuthUser user, List<String> sha256s) {
        if (sha256s.isEmpty()) {
            throw DomainException.invalid("blobs_held_empty", "La liste des empreintes est vide.");
        }
        if (sha256s.size() > Limits.MAX_BLOBS_HELD_QUERY) {
            throw DomainException.invalid(
                    "blobs_held_too_many",
                    "Au plus " + Limits.MAX_BLOBS_HELD_QUERY + " empreintes par demande (" + sha256s.size()
                            + " reçues).");
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String sha : sha256s) {
            requireHash(sha == null ? "" : sha);
            asked.add(sha);
        }
        List<String> present =
                asked.stream().filter(sha -> store.size(sha).isPresent()).toList();
        if (present.isEmpty()) {
            return new BlobsHeldResponse(List.of());
        }
        List<String> sent = db.read(tx -> present.stream()
                .filter(sha -> registry.sentBy(tx, sha, user.id()))
                .toList());
        return new BlobsHeldResponse(sent);
    }

    /**
     * Whether the caller may have these bytes ({@code HEAD}): she sent them, or she may download them (a document
     * she may see whose author sent them). A hash merely named is answered as absent: the caller learns nothing of
     * others' files. Whether a device must still send a blob is {@link #held} (sent by the caller), not this.
     */
    public boolean exists(AuthUser user, String sha256) {
        requireHash(sha256);
        return store.size(sha256).isPresent()
                && db.read(tx -> registry.sentBy(tx, sha256, user.id())
                        || access.visibleMimeType(tx, user, sha256).isPresent());
    }

    /** Whether this caller sent these bytes (the tus creation's shortcut: nothing to send again). */
    public boolean sentBy(AuthUser user, String sha256) {
        return db.read(tx -> registry.sentBy(tx, sha256, user.id()));
    }

    public Download download(AuthUser user, String sha256) {
        requireHash(sha256);
        String mime = db.read(tx -> access.visibleMimeType(tx, user, sha256)).orElseThrow(BlobService::notFound);
        long size = store.size(sha256).orElseThrow(BlobService::notFound);
        return new Download(store.open(sha256), mime, size);
    }

    static void requireHash(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw DomainException.invalid(
                    "invalid_sha256", "L'empreinte doit contenir 64 caractères hexadécimaux en minuscules.");
        }
    }

    /** Reads the body of a blob already held and checks that it is those bytes (else 422, nothing recorded). */
    private static void requireSameBytes(String sha256, InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try {
            int n;
            while ((n = body.read(buffer)) != -1) {
                total += n;
                if (total > Limits.MAX_BLOB_BYTES) {
                    throw tooLarge();
                }
                md.update(buffer, 0, n);
            }
        } catch (BodyDeadline.Exceeded e) {
            throw BodyDeadline.timeout();
        } catch (IOException e) {
            throw FileBlobStore.interrupted();
        }
        if (!HexFormat.of().formatHex(md.digest()).equals(sha256)) {
            throw new DomainException(
                    DomainException.Kind.UNPROCESSABLE,
                    "hash_mismatch",
                    "Le contenu reçu ne correspond pas à son empreinte SHA-256 : fichier incomplet ou altéré, "
                            + "renvoyez-le.");
        }
    }

    static DomainException tooLarge() {
        return DomainException.tooLarge(
                "blob_too_large", "Le fichier dépasse la taille maximale de " + Limits.MAX_BLOB_BYTES + " octets.");
    }

    private static DomainException notFound() {
        return DomainException.notFound("blob_not_found", "Fichier introuvable.");
    }
}
