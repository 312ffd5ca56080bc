package fr.mediance.server.geo;

import fr.mediance.server.DomainException;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Imports the national address base's CSV extract of one or more départements (« adresses-13.csv » or its
 * « .csv.gz » as published: semicolons, a header naming the columns, UTF-8) into {@code ban_addresses}. A
 * département present in the file replaces what was there for it, in one transaction: a broken file changes
 * nothing. Lines without coordinates or a postcode are skipped and counted; the columns used are found by their
 * header name, so the order of the columns does not matter. Afterwards the residents not yet placed are queued
 * again.
 */
public final class BanImport {
    static final List<String> REQUIRED =
            List.of("numero", "rep", "nom_voie", "code_postal", "code_insee", "lon", "lat");
    private static final int BATCH = 2_000;
    private static final String INSERT = "INSERT INTO ban_addresses (department, postcode, street_key, number, suffix, "
            + "latitude, longitude) VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** What an import did. */
    public record Report(int addresses, int skipped, Set<String> departments, int residentsQueued) {}

    private final Database db;

    public BanImport(Database db) {
        this.db = db;
    }

    /** Reads the extract (plain or gzip) and replaces its départements' addresses. */
    public Report importFrom(InputStream raw, long now) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String header = reader.readLine();
        if (header == null) {
            throw DomainException.invalid("ban_empty", "Le fichier de la Base Adresse Nationale est vide.");
        }
        Map<String, Integer> columns = columns(header);
        return db.inTransaction(tx -> {
            try {
                return load(tx, reader, columns, now);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static Map<String, Integer> columns(String header) {
        String[] names = strip(header).split(";", -1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing =
                REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid(
                    "ban_columns",
                    "Ce fichier n'est pas un extrait de la Base Adresse Nationale (format « adresses-XX.csv ») : "
                            + "colonnes manquantes " + String.join(", ", missing) + ".");
        }
        return columns;
    }

    private static String strip(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private Report load(Tx tx, BufferedReader reader, Map<String, Integer> c, long now) throws IOException {
        Set<String> departments = new LinkedHashSet<>();
        List<Object[]> rows = new ArrayList<>(BATCH);
        int count = 0;
        int skipped = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            String postcode = field(f, c.get("code_postal"));
            String insee = field(f, c.get("code_insee"));
            String street = field(f, c.get("nom_voie"));
            Double lat = number(field(f, c.get("lat")));
            Double lon = number(field(f, c.get("lon")));
            if (postcode.isEmpty()
                    || insee.length() < 5
                    || street.isEmpty()
                    || lat == null
                    || lon == null
                    || Math.abs(lat) > 90
                    || Math.abs(lon) > 180) {
                skipped++;
                continue;
            }
            String department = insee.startsWith("97") ? insee.substring(0, 3) : insee.substring(0, 2);
            if (departments.add(department)) {
                flush(tx, rows);
                tx.update("DELETE FROM ban_addresses WHERE department = ?", department);
            }
            Integer number = integer(field(f, c.get("numero")));
            String key = AddressKey.street(street);
            if (key.isEmpty()) {
                skipped++;
                continue;
            }
            rows.add(
                    new Object[] {department, postcode, key, number, AddressKey.suffix(field(f, c.get("rep"))), lat, lon
                    });
            count++;
            if (rows.size() == BATCH) {
                flush(tx, rows);
            }
        }
        flush(tx, rows);
        if (count == 0) {
            throw DomainException.invalid(
                    "ban_no_address", "Aucune adresse utilisable dans ce fichier : rien n'a été importé.");
        }
        int queued = GeocodeQueue.requeueUnplaced(tx, now);
        return new Report(count, skipped, departments, queued);
    }

    private static void flush(Tx tx, List<Object[]> rows) {
        tx.batch(INSERT, rows);
        rows.clear();
    }

    private static String field(String[] f, int index) {
        return index < f.length ? f[index].trim() : "";
    }

    private static Double number(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        if (s.isEmpty() || s.length() > 6) {
            return null;
        }
        try {
            int v = Integer.parseInt(s);
            return v > 0 && v < 99_999 ? v : null; // the base writes 99999 for a place without a number
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
