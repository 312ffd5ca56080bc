package fr.mediance.server.geo;

import fr.mediance.protocol.GeoPointDto;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Places an address from the national address base imported at the office ({@link BanImport}), without any
 * network. The street is looked for under the address's postcode by its key ({@link AddressKey}); a street typed
 * without its kind (« République ») or with a letter wrong is recognised when exactly one street of the postcode
 * comes that close. The door itself when the number is in the base; else the nearest number of the street, or the
 * street's middle, both marked approximate; nothing when the street is not found.
 */
public final class BanGeocoder implements Geocoder {
    private final Database db;

    public BanGeocoder(Database db) {
        this.db = db;
    }

    @Override
    public Result locate(String street, String postcode, String city) {
        AddressKey.Parsed p = AddressKey.parse(street);
        String pc = postcode == null ? "" : postcode.trim();
        if (p.streetKey().isEmpty() || pc.isEmpty()) {
            return new NotFound();
        }
        return db.read(tx -> locate(tx, p, pc));
    }

    private static Result locate(Tx tx, AddressKey.Parsed p, String postcode) {
        Optional<String> key = streetKey(tx, postcode, p.streetKey());
        if (key.isEmpty()) {
            return new NotFound();
        }
        if (p.number() != null) {
            Optional<double[]> door = tx.queryOne(
                    "SELECT latitude, longitude FROM ban_addresses WHERE postcode = ? AND street_key = ? AND number = ? "
                            + "ORDER BY CASE WHEN suffix = ? THEN 0 WHEN suffix = '' THEN 1 ELSE 2 END, suffix LIMIT 1",
                    rs -> new double[] {rs.getDouble(1), rs.getDouble(2)},
                    postcode,
                    key.get(),
                    p.number(),
                    p.suffix());
            if (door.isPresent()) {
                return found(door.get(), GeoPointDto.PRECISION_HOUSE);
            }
            Optional<double[]> near = tx.queryOne(
                    "SELECT latitude, longitude FROM ban_addresses WHERE postcode = ? AND street_key = ? "
                            + "AND number IS NOT NULL ORDER BY ABS(number - ?), number LIMIT 1",
                    rs -> new double[] {rs.getDouble(1), rs.getDouble(2)},
                    postcode,
                    key.get(),
                    p.number());
            if (near.isPresent()) {
                return found(near.get(), GeoPointDto.PRECISION_STREET);
            }
        }
        return tx.queryOne(
                        "SELECT AVG(latitude), AVG(longitude), COUNT(*) FROM ban_addresses WHERE postcode = ? "
                                + "AND street_key = ?",
                        rs -> rs.getLong(3) == 0 ? null : new double[] {rs.getDouble(1), rs.getDouble(2)},
                        postcode,
                        key.get())
                .<Result>map(c -> found(c, GeoPointDto.PRECISION_STREET))
                .orElseGet(NotFound::new);
    }

    private static Result found(double[] at, String precision) {
        return new Found(new GeoPointDto(round(at[0]), round(at[1]), GeoPointDto.SOURCE_BAN, precision));
    }

    /** Seven decimals: about a centimetre, what the base gives. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    /** The base's key of the street: the typed one, or the one street of the postcode that comes close to it. */
    private static Optional<String> streetKey(Tx tx, String postcode, String typed) {
        if (tx.exists("SELECT 1 FROM ban_addresses WHERE postcode = ? AND street_key = ?", postcode, typed)) {
            return Optional.of(typed);
        }
        List<String> streets = tx.query(
                "SELECT DISTINCT street_key FROM ban_addresses WHERE postcode = ?", rs -> rs.getString(1), postcode);
        return closest(typed, streets);
    }

    /**
     * The one candidate that holds every typed word (the kind of street left out), else the one within a few typing
     * mistakes (one per eight letters, at least one); empty when none or when two come equally close.
     */
    static Optional<String> closest(String typed, List<String> candidates) {
        Set<String> words = new HashSet<>(List.of(typed.split(" ")));
        List<String> containing = candidates.stream()
                .filter(c -> new HashSet<>(List.of(c.split(" "))).containsAll(words))
                .toList();
        if (containing.size() == 1) {
            return Optional.of(containing.get(0));
        }
        if (containing.size() > 1) {
            return Optional.empty();
        }
        int allowed = Math.max(1, typed.length() / 8);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String c : candidates) {
            if (Math.abs(c.length() - typed.length()) > allowed) {
                continue;
            }
            int d = AddressKey.distance(typed, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best != null && bestDistance <= allowed && !tie ? Optional.of(best) : Optional.empty();
    }
}
