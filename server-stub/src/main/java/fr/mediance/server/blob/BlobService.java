package fr.mediance.server.blob;

import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.BlobsHeldResponse;
import fr.mediance.protocol.Limits;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Database;
import fr.mediance.server.sync.BlobRegistry;
import fr.mediance.server.sync.DocumentAccess;
import fr.mediance.server.sync.EntityWriter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
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
            drain(body);
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
        boolean created = db.inTransaction(tx -> {
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
     * Which of these blobs the server holds and the user may see (through a document they may see), in the
     * order asked, each once. A blob held but not visible to the user is answered as not held: the device then
     * uploads it, and learns nothing about blobs it may not see.
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
        List<String> visible = db.read(tx -> present.stream()
                .filter(sha -> access.visibleMimeType(tx, user, sha).isPresent())
                .toList());
        return new BlobsHeldResponse(visible);
    }

    public boolean exists(String sha256) {
        requireHash(sha256);
        return store.size(sha256).isPresent();
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

    private static void drain(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = body.read(buffer)) != -1) {
                total += n;
                if (total > Limits.MAX_BLOB_BYTES) {
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw FileBlobStore.interrupted();
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
