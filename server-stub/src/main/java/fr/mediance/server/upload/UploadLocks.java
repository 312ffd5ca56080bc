package fr.mediance.server.upload;

import fr.mediance.server.DomainException;
import fr.mediance.server.db.Database;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request at a time per upload. In memory for one server; in the database (a lease in
 * {@code uploads.locked_until}) when several servers share the parts, so that a chunk sent to one server and
 * the next to another never write the same upload at once, and a server that dies holding a lease loses it
 * after {@link #LEASE_MILLIS}.
 */
abstract class UploadLocks {
    /** How long a request waits for another one on the same upload to finish. */
    static final long WAIT_MILLIS = 10_000;
    /** How long a database lease lasts: longer than any chunk may take. */
    static final long LEASE_MILLIS = 120_000;

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits up to {@link #WAIT_MILLIS}; a busy upload answers 503 with {@code Retry-After}. */
    abstract Held acquire(String id);

    /** The lock if it is free now, else null. */
    abstract Held tryAcquire(String id);

    static DomainException busy() {
        return new DomainException(
                        DomainException.Kind.BUSY,
                        "upload_locked",
                        "Un autre envoi de ce fichier est en cours : réessayez dans un instant.")
                .withHeader("Retry-After", "1");
    }

    /** Locks of one server; an upload's entry lives while a request holds or waits for it. */
    static final class InMemory extends UploadLocks {
        private static final class Entry {
            final ReentrantLock lock = new ReentrantLock();
            int users; // guarded by the map's compute
        }

        private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

        private Entry enter(String id) {
            return locks.compute(id, (k, e) -> {
                Entry entry = e == null ? new Entry() : e;
                entry.users++;
                return entry;
            });
        }

        private void leave(String id) {
            locks.compute(id, (k, e) -> e == null || --e.users == 0 ? null : e);
        }

        @Override
        Held acquire(String id) {
            Entry e = enter(id);
            try {
                if (e.lock.tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return () -> {
                        e.lock.unlock();
                        leave(id);
                    };
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            leave(id);
            throw busy();
        }

        @Override
        Held tryAcquire(String id) {
            Entry e = enter(id);
            if (e.lock.tryLock()) {
                return () -> {
                    e.lock.unlock();
                    leave(id);
                };
            }
            leave(id);
            return null;
        }
    }

    /** Leases in the database, shared by every server. */
    static final class Leases extends UploadLocks {
        private static final long POLL_MILLIS = 50;
        private final Database db;

        Leases(Database db) {
            this.db = db;
        }

        @Override
        Held acquire(String id) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            while (true) {
                Held h = tryAcquire(id);
                if (h != null) {
                    return h;
                }
                if (System.nanoTime() > deadline) {
                    throw busy();
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy();
                }
            }
        }

        @Override
        Held tryAcquire(String id) {
            long now = System.currentTimeMillis();
            long until = now + LEASE_MILLIS;
            // the wall clock of the machines, not the injected one: leases are between servers
            Integer taken = db.inTransaction(tx -> tx.update(
                    "UPDATE uploads SET locked_until = ? WHERE id = ? AND (locked_until IS NULL OR locked_until < ?)",
                    until,
                    id,
                    now));
            if (taken != null && taken == 1) {
                return () -> db.inTransaction(tx -> {
                    tx.update("UPDATE uploads SET locked_until = NULL WHERE id = ? AND locked_until = ?", id, until);
                    return null;
                });
            }
            boolean exists = db.read(tx -> tx.exists("SELECT 1 FROM uploads WHERE id = ?", id));
            // an unknown upload: nothing to lock, the request answers 404
            return exists ? null : () -> {};
        }
    }
}
