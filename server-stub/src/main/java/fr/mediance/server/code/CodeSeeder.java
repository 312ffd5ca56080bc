package fr.mediance.server.code;

import fr.mediance.protocol.CodeDto;
import fr.mediance.server.db.Database;
import fr.mediance.server.sync.EntityWriter;
import java.time.Clock;
import java.util.Map;

/**
 * Stores the seed code lists on start: each entry once, never over an edit or a deletion by the office. An entry
 * seeded before it had a parameter ({@code value}) and never edited since gets the parameter.
 */
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
        return db.inSequencedTransaction(tx -> {
            writer.beginWrite(tx);
            int added = 0;
            Map<String, EntityWriter.StoredCode> stored = writer.storedCodes(tx);
            for (CodeDto code : CodeLists.seed()) {
                EntityWriter.StoredCode before = stored.get(code.id());
                boolean gainsValue =
                        before != null && before.untouched() && before.code().value() == null && code.value() != null;
                if (before == null || gainsValue) {
                    writer.save(tx, code, null, null, clock.instant(), null, null);
                    added++;
                }
            }
            return added;
        });
    }
}
