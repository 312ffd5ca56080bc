package fr.mediance.server.partner;

import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.db.Database;
import fr.mediance.server.sync.EntityWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the seed partners on start: each once, never over an edit or a deletion by the office. A partner moved from
 * the former "partner" code list and never edited since (its name only) gets the seed's services and website, and
 * keeps being inactive if it was.
 */
public final class PartnerSeeder {
    private final Database db;
    private final EntityWriter writer;
    private final Clock clock;

    public PartnerSeeder(Database db, EntityWriter writer, Clock clock) {
        this.db = db;
        this.writer = writer;
        this.clock = clock;
    }

    private record Stored(PartnerDto partner, boolean untouched) {}

    /** Answers how many partners were added or completed. */
    public int seed(List<PartnerDto> seeds) {
        return db.inSequencedTransaction(tx -> {
            writer.beginWrite(tx);
            Map<String, Stored> stored = new HashMap<>();
            tx.query(
                    "SELECT id, data, updated_by, deleted FROM partners",
                    rs -> stored.put(
                            rs.getString(1),
                            new Stored(
                                    MedianceJson.gson().fromJson(rs.getString(2), PartnerDto.class),
                                    rs.getString(3) == null && rs.getInt(4) == 0)));
            int added = 0;
            for (PartnerDto seed : seeds) {
                Stored before = stored.get(seed.id());
                if (before == null) {
                    writer.save(tx, seed, null, null, clock.instant(), null, null);
                    added++;
                } else if (before.untouched()
                        && before.partner().services().isEmpty()
                        && !seed.services().isEmpty()) {
                    PartnerDto b = before.partner();
                    writer.save(
                            tx,
                            new PartnerDto(
                                    b.id(),
                                    b.type(),
                                    b.name(),
                                    b.categories(),
                                    seed.services(),
                                    seed.website(),
                                    b.active()),
                            null,
                            null,
                            clock.instant(),
                            null,
                            null);
                    added++;
                }
            }
            return added;
        });
    }
}
