package fr.mediance.server.sync;

import fr.mediance.server.db.Tx;

/**
 * The global change number: each stored change takes the next one, which becomes the record's version and
 * its change log row's {@code seq}. The counter row is locked until commit, so numbers commit in order.
 */
final class Sequence {
    /** Called first in a write transaction; see {@link fr.mediance.server.db.Dialect#serializeWritersSql()}. */
    void serializeWriters(Tx tx) {
        String sql = tx.dialect().serializeWritersSql();
        if (sql != null) {
            tx.execute(sql);
        }
    }

    long next(Tx tx) {
        return tx.queryLong("UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value")
                .orElseThrow();
    }

    long current(Tx tx) {
        return tx.queryLong("SELECT value FROM counters WHERE name = 'change_seq'")
                .orElseThrow();
    }
}
