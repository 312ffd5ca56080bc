package fr.mediance.server.storage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * {@code java -jar mediance-server.jar backup --data-dir DIR --to DEST} and
 * {@code java -jar mediance-server.jar restore --from DEST/mediance-… --data-dir DIR}; see {@link Backup}.
 */
public final class BackupCommand {
    public static final String USAGE = """
            Utilisation : java -jar mediance-server.jar backup --data-dir DOSSIER --to DESTINATION [--database-url URL]
                          java -jar mediance-server.jar restore --from DESTINATION/mediance-… --data-dir DOSSIER

              backup    sauvegarde à chaud (le serveur peut tourner) la base SQLite et les fichiers du dossier de
                        données dans DESTINATION/mediance-<date UTC>/ ; les fichiers déjà sauvegardés ne sont pas
                        recopiés (DESTINATION/blobs/). Avec PostgreSQL (--database-url ou MEDIANCE_DATABASE_URL),
                        seuls les fichiers sont sauvegardés : la base se sauvegarde avec pg_dump, juste avant.
              restore   remet une sauvegarde dans un dossier de données sans base, en vérifiant chaque empreinte.
            """;

    private BackupCommand() {}

    /** Runs a {@code backup} or {@code restore} command line; answers the exit code (0, 1 failure, 2 usage). */
    public static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        String command = args[0];
        if (java.util.Arrays.asList(args).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        Path dataDir = null;
        Path to = null;
        Path from = null;
        String databaseUrl = env.get("MEDIANCE_DATABASE_URL");
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                    case "--to" -> to = Path.of(value(args, ++i, a));
                    case "--from" -> from = Path.of(value(args, ++i, a));
                    case "--database-url" -> databaseUrl = value(args, ++i, a);
                    default -> throw new IllegalArgumentException("option inconnue « " + a + " ».");
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("l'option --data-dir est obligatoire.");
            }
            if (command.equals("backup") && to == null) {
                throw new IllegalArgumentException("l'option --to est obligatoire.");
            }
            if (command.equals("restore") && from == null) {
                throw new IllegalArgumentException("l'option --from est obligatoire.");
            }
        } catch (IllegalArgumentException e) {
            err.println("Erreur : " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        try {
            if (command.equals("backup")) {
                boolean sqlite = databaseUrl == null || databaseUrl.isBlank();
                Backup.Result r = Backup.backup(dataDir, to, sqlite, clock);
                out.println("sauvegarde " + r.folder() + " : base "
                        + (sqlite ? r.databaseBytes() + " octets" : "PostgreSQL (pg_dump)") + ", " + r.blobs()
                        + " fichiers (" + r.blobsCopied() + " nouveaux)");
            } else {
                Backup.Restored r = Backup.restore(from, dataDir);
                out.println("restauré dans " + dataDir.toAbsolutePath() + " : base " + r.databaseBytes() + " octets, "
                        + r.blobs() + " fichiers vérifiés");
            }
            return 0;
        } catch (Backup.BackupException e) {
            err.println("Erreur : " + e.getMessage());
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
