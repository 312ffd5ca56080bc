package fr.mediance.server.planning;

import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.Rounds;
import fr.mediance.server.db.Tx;
import java.time.Instant;

/** Writes a structure's rounds settings and hours directly, for the demo's seeding (no caller, no checks beyond the rules). */
public final class PlanningSeeds {
    private static final PlanningStore STORE = new PlanningStore();

    private PlanningSeeds() {}

    /** The office at {@code address}, placed at {@code point}, with the default travel estimate. */
    public static void office(Tx tx, String structureId, String address, GeoPointDto point, Instant at, String by) {
        STORE.saveSettings(
                tx,
                structureId,
                new PlanningStore.Settings(
                        address, point, Rounds.DEFAULT_DETOUR_FACTOR, Rounds.DEFAULT_SPEED_KMH, at, by));
    }

    /** A counsellor's hours, which must follow {@link Rounds#check(CounsellorScheduleDto)}. */
    public static void schedule(Tx tx, String structureId, CounsellorScheduleDto schedule, Instant at, String by) {
        Rounds.check(schedule).ifPresent(v -> {
            throw new IllegalArgumentException(v.message());
        });
        STORE.saveSchedule(tx, structureId, schedule, at, by);
    }
}
