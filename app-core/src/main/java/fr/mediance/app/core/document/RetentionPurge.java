package fr.mediance.app.core.document;

import fr.mediance.app.core.store.StoreException;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.protocol.EntityType;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes from this device the documents whose retention date has passed (before today, Europe/Paris): the
 * encrypted photo file and its original, the cached office thumbnail, the document row and what was still
 * waiting to be sent about it (its queued operation and its upload). Local only: the office applies its own
 * retention. Run at each unlock and once a day ({@link #runIfDue()}); logs a count, never a name.
 */
public final class RetentionPurge {
    private static final System.Logger LOG = System.getLogger(RetentionPurge.class.getName());
    /** The day of the last run (ISO date), in {@code settings}. */
    static final String LAST_RUN = "retention.last_run";

    private final StoreHolder store;
    private final Clock clock;
    private final ZoneId zone;

    public RetentionPurge(StoreHolder store, Clock clock, ZoneId zone) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    /** Purges now if it has not run today; returns the number of documents deleted (0 when not due). */
    public synchronized int runIfDue() {
        if (!store.isOpen()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String last = store.db().read(tx -> tx.setting(LAST_RUN).orElse(""));
        return today.toString().equals(last) ? 0 : run();
    }

    /** Deletes every document whose retention date is before today; returns how many. */
    public synchronized int run() {
        if (!store.isOpen()) {
            return 0; // locked meanwhile (it runs in the background after an unlock)
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<String> files = new ArrayList<>();
        int deleted;
        try {
            deleted = store.db().inTransaction(tx -> {
                record Expired(String id, String sha, String original) {}
                List<Expired> expired = tx.query(
                        """
                        SELECT id, sha256, original_sha256 FROM documents
                        WHERE retention_until IS NOT NULL AND retention_until < ?""", r -> new Expired(r.string("id"), r.string("sha256"), r.string("original_sha256")), today);
                Set<String> hashes = new LinkedHashSet<>();
                for (Expired e : expired) {
                    tx.update(
                            "DELETE FROM outbox WHERE entity = ? AND entity_id = ?",
                            EntityType.DOCUMENT.code(),
                            e.id());
                    tx.update("DELETE FROM documents WHERE id = ?", e.id());
                    hashes.add(e.sha());
                    if (e.original() != null) {
                        hashes.add(e.original());
                    }
                }
                for (String sha : hashes) {
                    if (tx.exists("""
                            SELECT 1 WHERE EXISTS (SELECT 1 FROM documents WHERE sha256 = ?)
                              OR EXISTS (SELECT 1 FROM documents WHERE original_sha256 = ?)""", sha, sha)) {
                        continue; // the same bytes are still another document's
                    }
                    files.add(sha);
                    tx.update("DELETE FROM uploads WHERE sha256 = ?", sha);
                    tx.queryOne(
                                    "SELECT thumbnail_sha256 FROM thumbnails WHERE sha256 = ?",
                                    r -> r.string("thumbnail_sha256"),
                                    sha)
                            .ifPresent(files::add);
                    tx.update("DELETE FROM thumbnails WHERE sha256 = ?", sha);
                }
                tx.putSetting(LAST_RUN, today.toString());
                return expired.size();
            });
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "retention purge failed: {0}", e.kind());
            return 0;
        }
        // after the commit: a crash here only leaves unreferenced files, removed at the next unlock
        files.forEach(store.blobs()::delete);
        if (deleted > 0) {
            LOG.log(Level.INFO, "{0} documents past their retention date deleted from this device", deleted);
        }
        return deleted;
    }
}
