package fr.mediance.server.document;

import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.server.blob.BlobStore;
import fr.mediance.server.db.Database;
import fr.mediance.server.sync.EntityStore;
import fr.mediance.server.sync.EntityWriter;
import fr.mediance.server.sync.PushService;
import fr.mediance.server.sync.StoredEntity;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily purge of documents kept past their {@code retentionUntil} (domain brief §2.14, §8): each becomes a
 * tombstone (which reaches every device that holds it), and its bytes are deleted once no live document refers
 * to them any more. A date is "passed" the day after it, Europe/Paris.
 */
public final class DocumentRetention {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentRetention.class);

    private final Database db;
    private final BlobStore blobStore;
    private final Clock clock;
    private final EntityStore store = new EntityStore();
    private final EntityWriter writer;

    public DocumentRetention(Database db, BlobStore blobStore, EntityWriter writer, Clock clock) {
        this.db = db;
        this.blobStore = blobStore;
        this.writer = writer;
        this.clock = clock;
    }

    /** Tombstones the documents past their retention and deletes unreferenced blobs; answers how many documents. */
    public int purge() {
        Instant now = clock.instant();
        String today = LocalDate.ofInstant(now, PushService.PARIS).toString();
        Set<String> orphans = new LinkedHashSet<>();
        int purged = db.inSequencedTransaction(tx -> {
            writer.beginWrite(tx);
            List<String> ids = tx.query(
                    "SELECT id FROM documents WHERE deleted = 0 AND retention_until IS NOT NULL "
                            + "AND retention_until < ? ORDER BY id",
                    rs -> rs.getString(1),
                    today);
            Set<String> hashes = new LinkedHashSet<>();
            for (StoredEntity doc : store.findAll(tx, EntityType.DOCUMENT, ids)) {
                writer.delete(tx, doc, null, now, null, null);
                hashes.add(((DocumentDto) doc.data()).sha256());
            }
            for (String sha : hashes) {
                if (!tx.exists("SELECT 1 FROM documents WHERE sha256 = ? AND deleted = 0", sha)) {
                    tx.update("DELETE FROM blobs WHERE sha256 = ?", sha);
                    orphans.add(sha);
                }
            }
            return ids.size();
        });
        for (String sha : orphans) {
            blobStore.delete(sha);
        }
        if (purged > 0) {
            LOG.info("documents past their retention: {} tombstoned, {} files deleted", purged, orphans.size());
        }
        return purged;
    }
}
