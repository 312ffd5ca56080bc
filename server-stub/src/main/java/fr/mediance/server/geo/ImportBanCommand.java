package fr.mediance.server.geo;

import com.zaxxer.hikari.HikariDataSource;
import fr.mediance.server.DomainException;
import fr.mediance.server.db.DataSources;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Migrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * {@code java -jar mediance-server.jar import-ban --data-dir DIR [--database-url URL] FICHIER}: imports the national
 * address base's extract of a département (see {@link BanImport}) into the office's database, so that residents
 * are placed on the map with no network. The residents waiting for a place are placed by the server at its next run
 * (within a minute once it is started).
 */
public final class ImportBanCommand {
    static final String USAGE = """
            Utilisation : java -jar mediance-server.jar import-ban --data-dir DOSSIER [--database-url URL] FICHIER

              Importe l'extrait de la Base Adresse Nationale d'un ou plusieurs départements (« adresses-13.csv » ou
              « adresses-13.csv.gz », tel que publié sur adresse.data.gouv.fr) : les adresses d'un département du
              fichier remplacent celles déjà importées pour lui. Les habitants qui attendent leur place sur la carte
              sont placés par le serveur dans la minute qui suit. Avec PostgreSQL (--database-url ou
              MEDIANCE_DATABASE_URL), identifiants dans MEDIANCE_DATABASE_USER et MEDIANCE_DATABASE_PASSWORD.
            """;

    private ImportBanCommand() {}

    public static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        Path dataDir = null;
        Path file = null;
        String databaseUrl = env.get("MEDIANCE_DATABASE_URL");
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                    case "--database-url" -> databaseUrl = value(args, ++i, a);
                    default -> {
                        if (a.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("option inconnue « " + a + " ».");
                        }
                        file = Path.of(a);
                    }
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("l'option --data-dir est obligatoire.");
            }
            if (file == null) {
                throw new IllegalArgumentException("le fichier à importer manque.");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("le fichier « " + file + " » n'existe pas.");
            }
        } catch (IllegalArgumentException e) {
            err.println("Erreur : " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        boolean sqlite = databaseUrl == null || databaseUrl.isBlank();
        try (HikariDataSource ds = sqlite
                        ? DataSources.sqlite(dataDir.resolve("mediance.db"))
                        : DataSources.postgres(
                                databaseUrl, env.get("MEDIANCE_DATABASE_USER"), env.get("MEDIANCE_DATABASE_PASSWORD"));
                InputStream in = Files.newInputStream(file)) {
            Migrations.migrate(ds);
            BanImport.Report r = new BanImport(Database.open(ds)).importFrom(in, clock.millis());
            out.println("Base Adresse Nationale importée : " + r.addresses() + " adresses (département"
                    + (r.departments().size() > 1 ? "s " : " ") + String.join(", ", r.departments()) + "), "
                    + r.skipped() + " lignes ignorées (sans coordonnées ni code postal) ; " + r.residentsQueued()
                    + " habitants non placés seront cherchés à nouveau.");
            return 0;
        } catch (DomainException e) {
            err.println("Erreur : " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("Erreur : lecture du fichier impossible (" + e.getMessage() + ").");
            return 1;
        } catch (RuntimeException e) {
            err.println("Erreur : " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException("l'option " + option + " attend une valeur.");
        }
        return args[i];
    }
}
