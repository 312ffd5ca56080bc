package fr.mediance.server;

import com.zaxxer.hikari.HikariDataSource;
import fr.mediance.server.blob.FileBlobStore;
import fr.mediance.server.db.DataSources;
import fr.mediance.server.demo.DemoSeeder;
import fr.mediance.server.geo.ImportBanCommand;
import fr.mediance.server.geo.RoadNetworkException;
import fr.mediance.server.http.Https;
import fr.mediance.server.storage.BackupCommand;
import fr.mediance.server.storage.PrivateFiles;
import fr.mediance.server.storage.S3;
import fr.mediance.server.storage.S3BlobStore;
import fr.mediance.server.upload.S3PartStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Starts the office server from the command line:
 * {@code java -jar mediance-server.jar --data-dir DIR --port N [--demo] [--demo-counsellors N] [--database-url URL]
 * [--road-network FILE]}.
 * Reads the environment for what must not appear in a process list (database credentials, passwords).
 * Prints {@code listening on port N} on standard output once requests are served.
 */
public final class ServerMain {
    static final String USAGE = """
            Utilisation : java -jar mediance-server.jar --data-dir DOSSIER [--port N] [--demo] [--demo-counsellors N]
                                                       [--database-url URL] [--road-network FICHIER]
                          java -jar mediance-server.jar --help
                          java -jar mediance-server.jar backup|restore …   (sauvegarde, voir « backup --help »)
                          java -jar mediance-server.jar import-ban …   (adresses, voir « import-ban --help »)

              --data-dir DOSSIER   dossier des données (créé au premier démarrage) : base SQLite, fichiers, journaux
              --port N             port HTTP (0 : un port libre) ; 8080 par défaut
              --demo               crée une fois une structure de démonstration avec quatre comptes
              --demo-counsellors N la démonstration avec N conseillers (conseil1 à conseilN, de 2 à 1000), chacun
                                   avec ses habitants et sa semaine ; implique --demo (2 par défaut)
              --database-url URL   base PostgreSQL (jdbc:postgresql://hôte:5432/base) au lieu de SQLite
              --tls-keystore FICHIER   sert HTTPS (et plus HTTP) avec ce magasin de clés PKCS12
              --trusted-proxy IP[,IP]  mandataires inverses dont les en-têtes X-Forwarded-For sont crus
              --blob-store s3://COMPARTIMENT   fichiers et envois en cours dans un magasin d'objets S3
                                   (plusieurs serveurs avec PostgreSQL) au lieu du dossier de données
              --geocoder-url URL   service public de géocodage (https://data.geopf.fr/geocodage) pour placer
                                   sur la carte les adresses que la Base Adresse Nationale importée ne connaît pas
              --road-network FICHIER   extrait OpenStreetMap de la zone du bureau (.osm.pbf ou .osm) : les tournées
                                   comptent les temps de trajet par la route au lieu de l'estimation à vol d'oiseau ;
                                   préparé au premier démarrage (quelques minutes pour un département) dans le dossier
                                   des données (roads/), puis relu en quelques secondes tant que le fichier ne change pas

            Variables d'environnement :
              MEDIANCE_DATABASE_URL, MEDIANCE_DATABASE_USER, MEDIANCE_DATABASE_PASSWORD   base PostgreSQL
              MEDIANCE_DEMO_PASSWORD    mot de passe des comptes de démonstration (sinon un mot de passe est généré)
              MEDIANCE_ADMIN_PASSWORD   crée le compte « admin » au démarrage s'il n'existe pas
              MEDIANCE_TLS_KEYSTORE_PASSWORD   mot de passe du magasin de clés de --tls-keystore
              MEDIANCE_S3_ENDPOINT, MEDIANCE_S3_ACCESS_KEY, MEDIANCE_S3_SECRET_KEY, MEDIANCE_S3_REGION
                                        magasin d'objets de --blob-store
            """;

    static final String TLS_PASSWORD = "MEDIANCE_TLS_KEYSTORE_PASSWORD";

    /** Read by logback.xml: where server.log goes. */
    static final String LOG_DIR_PROPERTY = "mediance.log.dir";

    /** The parsed command line. */
    record Options(
            Path dataDir,
            int port,
            boolean demo,
            String databaseUrl,
            Path tlsKeystore,
            Set<InetAddress> trustedProxies,
            String blobStore,
            int demoCounsellors,
            URI geocoder,
            Path roadNetwork) {
        Options(Path dataDir, int port, boolean demo, String databaseUrl) {
            this(dataDir, port, demo, databaseUrl, null, Set.of(), null, DemoSeeder.DEFAULT_COUNSELLORS, null, null);
        }
    }

    /** A command line that cannot be used; the message is French. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private ServerMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import-ban")) {
            System.exit(ImportBanCommand.run(args, System.getenv(), Clock.systemUTC(), System.out, System.err));
            return;
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            System.exit(BackupCommand.run(args, System.getenv(), Clock.systemUTC(), System.out, System.err));
            return;
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        Options options;
        try {
            options = parse(args, System.getenv());
        } catch (UsageException e) {
            System.err.println("Erreur : " + e.getMessage());
            System.err.println();
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options, System.getenv(), System.out);
        } catch (RoadNetworkException e) {
            // what is wrong with the file is the whole story: no stack trace
            System.err.println("Le serveur n'a pas pu démarrer : " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(ServerMain.class).error("start failed: {}", e.getMessage());
            System.exit(1);
        } catch (RuntimeException | IOException e) {
            System.err.println("Le serveur n'a pas pu démarrer (détails dans le journal logs/server.log) : "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            if (System.getProperty(LOG_DIR_PROPERTY) != null) {
                org.slf4j.LoggerFactory.getLogger(ServerMain.class).error("start failed", e);
            }
            System.exit(1);
        }
    }

    static Options parse(String[] args, Map<String, String> env) throws UsageException {
        Path dataDir = null;
        int port = 8080;
        boolean demo = false;
        Path tlsKeystore = null;
        String blobStore = null;
        URI geocoder = null;
        Path roadNetwork = null;
        Set<InetAddress> proxies = Set.of();
        int demoCounsellors = DemoSeeder.DEFAULT_COUNSELLORS;
        String databaseUrl = env.get("MEDIANCE_DATABASE_URL");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                case "--port" -> port = port(value(args, ++i, a));
                case "--demo" -> demo = true;
                case "--demo-counsellors" -> {
                    demoCounsellors = counsellors(value(args, ++i, a));
                    demo = true;
                }
                case "--database-url" -> databaseUrl = value(args, ++i, a);
                case "--tls-keystore" -> tlsKeystore = Path.of(value(args, ++i, a));
                case "--blob-store" -> blobStore = value(args, ++i, a);
                case "--geocoder-url" -> geocoder = httpUrl(value(args, ++i, a), a);
                case "--road-network" -> roadNetwork = readableFile(value(args, ++i, a), a);
                case "--trusted-proxy" -> {
                    try {
                        proxies = Https.parseAddresses(value(args, ++i, a));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--trusted-proxy : " + e.getMessage());
                    }
                }
                default -> throw new UsageException("option inconnue « " + a + " ».");
            }
        }
        if (dataDir == null) {
            throw new UsageException("l'option --data-dir est obligatoire.");
        }
        if (databaseUrl != null && databaseUrl.isBlank()) {
            databaseUrl = null;
        }
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new UsageException("l'adresse de base doit commencer par jdbc:postgresql:");
        }
        if (tlsKeystore != null && env.get(TLS_PASSWORD) == null) {
            throw new UsageException(
                    "--tls-keystore demande le mot de passe du magasin de clés dans la variable " + TLS_PASSWORD + ".");
        }
        if (blobStore != null) {
            try {
                S3.fromEnvironment(blobStore, env);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return new Options(
                dataDir,
                port,
                demo,
                databaseUrl,
                tlsKeystore,
                proxies,
                blobStore,
                demoCounsellors,
                geocoder,
                roadNetwork);
    }

    /** A file that exists and can be read (checked before anything is created), as an absolute path. */
    private static Path readableFile(String text, String option) throws UsageException {
        Path file = Path.of(text).toAbsolutePath();
        if (!Files.exists(file)) {
            throw new UsageException(option + " : le fichier « " + text + " » est introuvable.");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException(option + " : le fichier « " + text
                    + " » ne peut pas être lu (un dossier, ou des droits insuffisants).");
        }
        return file;
    }

    private static URI httpUrl(String text, String option) throws UsageException {
        try {
            URI uri = new URI(text);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new UsageException(option + " attend une adresse http(s)://…, pas « " + text + " ».");
    }

    private static int counsellors(String text) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n >= DemoSeeder.DEFAULT_COUNSELLORS && n <= DemoSeeder.MAX_COUNSELLORS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException("le nombre de conseillers de démonstration doit être un nombre entre "
                + DemoSeeder.DEFAULT_COUNSELLORS + " et " + DemoSeeder.MAX_COUNSELLORS + " (reçu « " + text + " »).");
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException("l'option " + option + " attend une valeur.");
        }
        return args[i];
    }

    private static int port(String text) throws UsageException {
        try {
            int p = Integer.parseInt(text);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException("le port doit être un nombre entre 0 et 65535 (reçu « " + text + " »).");
    }

    /**
     * Creates the data folder owner-only (0700, and 0600 files below), takes the rights of other accounts away
     * from a folder an earlier version left readable, and creates the log file owner-only before the logger
     * opens it.
     */
    static void prepareDataDir(Path dataDir) {
        PrivateFiles.createDirectories(dataDir);
        PrivateFiles.restrict(dataDir);
        try (var children = Files.list(dataDir)) {
            children.forEach(PrivateFiles::restrict);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PrivateFiles.createDirectories(dataDir.resolve("blobs"));
        PrivateFiles.createDirectories(dataDir.resolve("logs"));
        PrivateFiles.createFileIfAbsent(dataDir.resolve("logs").resolve("server.log"));
        PrivateFiles.restrict(dataDir.resolve("logs").resolve("server.log"));
    }

    private static void run(Options o, Map<String, String> env, PrintStream out) throws IOException {
        Path dataDir = o.dataDir().toAbsolutePath();
        prepareDataDir(dataDir);
        // thumbnails are drawn with AWT: never look for a display
        System.setProperty("java.awt.headless", "true");
        // before the first logger exists: logback.xml writes to this directory
        System.setProperty(LOG_DIR_PROPERTY, dataDir.resolve("logs").toString());

        HikariDataSource dataSource = o.databaseUrl() == null
                ? DataSources.sqlite(dataDir.resolve("mediance.db"))
                : DataSources.postgres(
                        o.databaseUrl(), env.get("MEDIANCE_DATABASE_USER"), env.get("MEDIANCE_DATABASE_PASSWORD"));
        ServerApp app;
        try {
            ServerConfig config = new ServerConfig(
                            o.port(),
                            o.demo(),
                            env.get("MEDIANCE_DEMO_PASSWORD"),
                            env.get("MEDIANCE_ADMIN_PASSWORD"),
                            o.demoCounsellors())
                    .withTrustedProxies(o.trustedProxies())
                    .withGeocoder(o.geocoder())
                    .withRoadNetwork(o.roadNetwork());
            if (o.tlsKeystore() != null) {
                config = config.withTls(new Https.Keystore(
                        o.tlsKeystore().toAbsolutePath(), env.get(TLS_PASSWORD).toCharArray()));
                Https.load(config.tls());
            }
            if (o.blobStore() == null) {
                app = ServerApp.create(
                                config,
                                dataSource,
                                new FileBlobStore(dataDir.resolve("blobs")),
                                dataDir.resolve("uploads"),
                                Clock.systemUTC(),
                                auditRetentionMonths(env))
                        .start();
            } else {
                // blobs and upload parts in the object store: only logs and temporary files stay here
                S3 s3 = S3.fromEnvironment(o.blobStore(), env);
                s3.ensureBucket();
                Path tmp = dataDir.resolve("tmp");
                app = ServerApp.create(
                                config,
                                dataSource,
                                new S3BlobStore(s3, tmp.resolve("blobs")),
                                new S3PartStore(s3, tmp.resolve("uploads"), Clock.systemUTC()),
                                dataDir,
                                Clock.systemUTC(),
                                auditRetentionMonths(env))
                        .start();
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        ServerApp running = app;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            running.stop();
                            dataSource.close();
                        },
                        "mediance-shutdown"));
        running.generatedDemoPassword().ifPresent(p -> out.println("mot de passe de démonstration : " + p));
        out.println("listening on port " + running.port());
        out.flush();
    }

    /** {@code MEDIANCE_AUDIT_RETENTION_MONTHS}: how long the audit log is kept, 6 to 12 months (12 if unset). */
    static int auditRetentionMonths(Map<String, String> env) {
        String v = env.get("MEDIANCE_AUDIT_RETENTION_MONTHS");
        if (v == null || v.isBlank()) {
            return fr.mediance.protocol.Audit.MAX_RETENTION_MONTHS;
        }
        try {
            return fr.mediance.server.audit.AuditRetention.checkedMonths(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "MEDIANCE_AUDIT_RETENTION_MONTHS doit être un nombre de mois entre 6 et 12 (reçu « " + v + " »).");
        }
    }
}
