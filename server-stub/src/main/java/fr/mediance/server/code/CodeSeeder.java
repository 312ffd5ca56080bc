package fr.mediance.server.code;

import fr.mediance.protocol.CodeDto;
import fr.mediance.server.db.Database;
import fr.mediance.server.sync.EntityWriter;

import java.time.Clock;
import java.util.Set;

/** Stores the seed code lists on start: each entry once, never over an admin's edit or deletion. */
public final class CodeSeeder {
    private final Database db;
    private final EntityWriter writer;
    private final Clock clock;

    public CodeSeeder(Database db, EntityWriter writer, Clock clock) {
        this.db = db;
        this.writer = writer;
        this.clock = clock;
    }

    /** Answers how many entries were added. */
    public int seed() {
        return db.inTransaction(tx -> {
            writer.beginWrite(tx);
            int added = 0;
            Set<String> stored = writer.storedCodeIds(tx);
            for (CodeDto code : CodeLists.seed()) {
                if (!stored.contains(code.id())) {
                    writer.save(tx, code, null, null, clock.instant(), null, null);
                    added++;
                }
            }
            return added;
        });
    }
}
