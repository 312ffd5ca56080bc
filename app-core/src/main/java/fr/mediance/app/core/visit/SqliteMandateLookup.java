package fr.mediance.app.core.visit;

import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.protocol.MandateDto;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Active mandates read from the local {@code mandates} table ({@link MandateDto#covers}). */
public final class SqliteMandateLookup implements MandateLookup {
    private final StoreHolder store;
    private final ZoneId zone;

    public SqliteMandateLookup(StoreHolder store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    @Override
    public List<MandateDto> activeCovering(String residentId, String domain, LocalDate date) {
        return store.db().read(tx -> activeCovering(tx, residentId, domain, date, zone));
    }

    /** The same inside a transaction (the report's validation). */
    public static List<MandateDto> activeCovering(Tx tx, String residentId, String domain, LocalDate date, ZoneId zone) {
        if (residentId == null || domain == null || date == null) {
            return List.of();
        }
        return tx.query("SELECT * FROM mandates WHERE resident_id = ? ORDER BY start_date DESC, id", Records::mandate,
                        residentId).stream()
                .filter(m -> m.covers(domain, date, zone))
                .toList();
    }
}
