package fr.mediance.server.geo;

import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import fr.mediance.server.sync.EntityStore;
import fr.mediance.server.sync.EntityWriter;
import fr.mediance.server.sync.StoredEntity;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places the residents of the {@link GeocodeQueue} on the map: the address base imported at the office first, then
 * the online service when the office configured one. The place is written as a new version of the resident (by the
 * server, no author), which every device that holds the file receives at its next sync; the address is read again
 * in that transaction, so a place is never written for an address changed meanwhile, nor over a pin placed by hand
 * meanwhile. An address nobody knows stays unplaced, noted in the queue; a service that does not answer leaves the
 * resident waiting for the next run.
 * The network is never used inside a transaction.
 */
public final class GeocodingService {
    private static final Logger LOG = LoggerFactory.getLogger(GeocodingService.class);
    /** Residents taken at each run. */
    static final int BATCH = 50;

    private final Database db;
    private final EntityWriter writer;
    private final EntityStore store = new EntityStore();
    private final List<Geocoder> geocoders;
    private final Clock clock;

    /** {@code geocoders} in the order they are asked; the first to find the address wins. */
    public GeocodingService(Database db, EntityWriter writer, List<Geocoder> geocoders, Clock clock) {
        this.db = db;
        this.writer = writer;
        this.geocoders = List.copyOf(geocoders);
        this.clock = clock;
    }

    /**
     * One run: places up to {@link #BATCH} waiting residents; answers how many were placed. Once the online service
     * has not answered, it is not asked again in this run: the residents only it could place go to the back of the
     * queue, still waiting, and those the imported base knows are placed all the same.
     */
    public int placeWaiting() {
        return run().placed();
    }

    /**
     * Runs until nothing is left that can be tried now (the service that did not answer is asked again at the next
     * scheduled run, not within this call); answers how many were placed.
     */
    public int placeAll() {
        int total = 0;
        while (db.read(tx -> !GeocodeQueue.next(tx, 1).isEmpty())) {
            Run run = run();
            total += run.placed();
            if (run.settled() == 0 || run.serviceDown()) {
                break;
            }
        }
        return total;
    }

    /**
     * What a run did: residents placed, residents settled one way or another (placed, unknown, gone), and whether the
     * service did not answer.
     */
    private record Run(int placed, int settled, boolean serviceDown) {}

    private Run run() {
        List<String> ids = db.read(tx -> GeocodeQueue.next(tx, BATCH));
        int placed = 0;
        int unknown = 0;
        int settled = 0;
        boolean serviceDown = false;
        for (String id : ids) {
            Outcome o = place(id, serviceDown);
            placed += o == Outcome.PLACED ? 1 : 0;
            unknown += o == Outcome.NOT_FOUND ? 1 : 0;
            settled += o == Outcome.WAITING ? 0 : 1;
            serviceDown |= o == Outcome.WAITING;
        }
        if (placed + unknown > 0) {
            LOG.info("residents placed on the map: {}, addresses not found: {}", placed, unknown);
        }
        if (serviceDown) {
            LOG.warn("geocoding service did not answer: {} residents left waiting", ids.size() - settled);
        }
        return new Run(placed, settled, serviceDown);
    }

    private enum Outcome {
        PLACED,
        NOT_FOUND,
        /** Only a service that did not answer (or was not asked again) could say: still waiting. */
        WAITING,
        NOTHING_TO_DO
    }

    private Outcome place(String id, boolean skipRemote) {
        Optional<ResidentDto> read = db.read(tx -> live(tx, id));
        if (read.isEmpty() || !GeocodeQueue.hasAddress(read.get())) {
            db.inTransaction(tx -> {
                GeocodeQueue.done(tx, id);
                return null;
            });
            return Outcome.NOTHING_TO_DO;
        }
        ResidentDto r = read.get();
        Geocoder.Result result = new Geocoder.NotFound();
        for (Geocoder g : geocoders) {
            if (skipRemote && g.remote()) {
                result = new Geocoder.Unavailable("pas redemandé pendant cette passe");
                continue;
            }
            Geocoder.Result next = g.locate(r.street(), r.postcode(), r.city());
            if (next instanceof Geocoder.Found) {
                result = next;
                break;
            }
            if (next instanceof Geocoder.Unavailable) {
                result = next;
            }
        }
        if (result instanceof Geocoder.Found found) {
            return db.inSequencedTransaction(tx -> write(tx, r, found.point()));
        }
        if (result instanceof Geocoder.Unavailable) {
            db.inTransaction(tx -> {
                GeocodeQueue.later(tx, id, clock.millis());
                return null;
            });
            return Outcome.WAITING;
        }
        db.inTransaction(tx -> {
            GeocodeQueue.outcome(tx, id, GeocodeQueue.NOT_FOUND);
            return null;
        });
        return Outcome.NOT_FOUND;
    }

    private Outcome write(Tx tx, ResidentDto read, GeoPointDto point) {
        writer.beginWrite(tx);
        Optional<StoredEntity> stored = store.find(tx, EntityType.RESIDENT, read.id());
        Optional<ResidentDto> current = live(tx, read.id());
        if (stored.isEmpty() || current.isEmpty()) {
            GeocodeQueue.done(tx, read.id());
            return Outcome.NOTHING_TO_DO;
        }
        ResidentDto now = current.get();
        boolean sameAddress = Objects.equals(now.street(), read.street())
                && Objects.equals(now.postcode(), read.postcode())
                && Objects.equals(now.city(), read.city());
        if (!sameAddress) {
            return Outcome.NOTHING_TO_DO; // the change queued it again: the next run places the new address
        }
        GeocodeQueue.done(tx, read.id());
        if (!Objects.equals(now.location(), read.location()) || point.equals(now.location())) {
            return Outcome.NOTHING_TO_DO; // a pin placed by hand meanwhile, or already there
        }
        writer.save(tx, now.withLocation(point), stored.get().structureId(), null, clock.instant(), null, null);
        return Outcome.PLACED;
    }

    private Optional<ResidentDto> live(Tx tx, String id) {
        if (tx.exists("SELECT 1 FROM residents WHERE id = ? AND anonymised_at IS NOT NULL", id)) {
            return Optional.empty();
        }
        return store.find(tx, EntityType.RESIDENT, id).filter(s -> !s.deleted()).map(s -> (ResidentDto) s.data());
    }
}
