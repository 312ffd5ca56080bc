package fr.mediance.app.core.store;

import java.util.Optional;

/**
 * The store of the unlocked session: the services keep this holder and ask it for the database on each
 * call, so they stay valid across lock and unlock. While locked, {@link #db()} fails with
 * {@link StoreException.Kind#LOCKED}.
 */
public final class StoreHolder {
    private volatile Database db;
    private volatile BlobFiles blobs;

    public Database db() {
        Database d = db;
        if (d == null || d.isClosed()) {
            throw new StoreException(StoreException.Kind.LOCKED, "the store is locked");
        }
        return d;
    }

    public BlobFiles blobs() {
        BlobFiles b = blobs;
        if (b == null || db == null) {
            throw new StoreException(StoreException.Kind.LOCKED, "the store is locked");
        }
        return b;
    }

    public Optional<Database> current() {
        Database d = db;
        return d == null || d.isClosed() ? Optional.empty() : Optional.of(d);
    }

    public boolean isOpen() {
        return current().isPresent();
    }

    public synchronized void open(Database database, BlobFiles blobFiles) {
        close();
        this.blobs = blobFiles;
        this.db = database;
    }

    public synchronized void close() {
        Database d = db;
        db = null;
        blobs = null;
        if (d != null) {
            d.close();
        }
    }
}
