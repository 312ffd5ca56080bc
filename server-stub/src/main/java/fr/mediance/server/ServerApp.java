package fr.mediance.server;

import fr.mediance.protocol.Audit;
import fr.mediance.server.audit.AuditController;
import fr.mediance.server.audit.AuditRetention;
import fr.mediance.server.audit.AuditStore;
import fr.mediance.server.audit.Auditor;
import fr.mediance.server.audit.BlobReads;
import fr.mediance.server.auth.AuthController;
import fr.mediance.server.auth.AuthService;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.auth.PasswordHasher;
import fr.mediance.server.blob.BlobController;
import fr.mediance.server.blob.BlobService;
import fr.mediance.server.blob.BlobStore;
import fr.mediance.server.blob.ThumbnailService;
import fr.mediance.server.calendar.CalendarController;
import fr.mediance.server.calendar.CalendarService;
import fr.mediance.server.casework.FiguresController;
import fr.mediance.server.code.CodeSeeder;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Migrations;
import fr.mediance.server.db.SingleRun;
import fr.mediance.server.demo.DemoSeeder;
import fr.mediance.server.document.DocumentRetention;
import fr.mediance.server.export.ResidentExport;
import fr.mediance.server.export.ResidentExportController;
import fr.mediance.server.gdpr.GdprController;
import fr.mediance.server.gdpr.GdprRetention;
import fr.mediance.server.geo.BanGeocoder;
import fr.mediance.server.geo.Geocoder;
import fr.mediance.server.geo.GeocodingService;
import fr.mediance.server.geo.OnlineGeocoder;
import fr.mediance.server.geo.RoadTravel;
import fr.mediance.server.http.BodyDeadline;
import fr.mediance.server.http.ErrorMapper;
import fr.mediance.server.http.HealthController;
import fr.mediance.server.http.Https;
import fr.mediance.server.http.InFlight;
import fr.mediance.server.http.ProblemErrorHandler;
import fr.mediance.server.http.SecurityHeaders;
import fr.mediance.server.partner.PartnerDirectory;
import fr.mediance.server.partner.PartnerSeeder;
import fr.mediance.server.planning.PlanningController;
import fr.mediance.server.planning.PlanningService;
import fr.mediance.server.sync.BlobRegistry;
import fr.mediance.server.sync.ChangesService;
import fr.mediance.server.sync.DocumentAccess;
import fr.mediance.server.sync.EntityFamilies;
import fr.mediance.server.sync.EntityWriter;
import fr.mediance.server.sync.PushService;
import fr.mediance.server.sync.SyncController;
import fr.mediance.server.upload.PartFiles;
import fr.mediance.server.upload.PartStore;
import fr.mediance.server.upload.UploadController;
import fr.mediance.server.upload.UploadService;
import fr.mediance.server.user.AccountController;
import fr.mediance.server.user.AccountService;
import fr.mediance.server.user.AdminSeeder;
import fr.mediance.server.user.UserController;
import fr.mediance.server.user.UserStore;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: migrates the database, seeds reference data (and the demo or admin account when
 * asked), wires controllers, services and stores with {@code new}, and builds the Javalin app. Everything
 * outside (database, blob store, upload directory, clock) is injected, so tests run the real thing on port 0.
 * Uploads left by a stop at any moment are reconciled before the first request.
 */
public final class ServerApp {
    private static final Logger LOG = LoggerFactory.getLogger(ServerApp.class);
    /** When the first purge of documents past their retention runs after a start (then once a day). */
    private static final long RETENTION_FIRST_RUN_MINUTES = 10;
    /** How often expired uploads are purged while the server runs. */
    private static final long PURGE_EVERY_MINUTES = 60;
    /** How often the residents waiting for their place on the map are looked for. */
    private static final long GEOCODING_EVERY_SECONDS = 20;
    /** Where the prepared road graph is kept, under the data directory. */
    static final String ROADS_FOLDER = "roads";

    private final Javalin javalin;
    private final ServerConfig config;
    private final String generatedDemoPassword;
    private final UploadService uploads;
    private final ExecutorService background;
    private final DocumentRetention retention;
    private final GdprRetention gdpr;
    private final ScheduledExecutorService maintenance;
    private final AuditStore auditStore;
    private final AuditRetention auditRetention;

    private final GeocodingService geocoding;
    private final ScheduledExecutorService geocodingRuns;
    private final RoadTravel roads;
    private final PlanningService planning;

    private ServerApp(
            Javalin javalin,
            ServerConfig config,
            String generatedDemoPassword,
            UploadService uploads,
            DocumentRetention retention,
            GdprRetention gdpr,
            AuditStore auditStore,
            AuditRetention auditRetention,
            ExecutorService background,
            ScheduledExecutorService maintenance,
            GeocodingService geocoding,
            ScheduledExecutorService geocodingRuns,
            RoadTravel roads,
            PlanningService planning) {
        this.planning = planning;
        this.geocoding = geocoding;
        this.roads = roads;
        this.geocodingRuns = geocodingRuns;
        this.retention = retention;
        this.gdpr = gdpr;
        this.auditStore = auditStore;
        this.auditRetention = auditRetention;
        this.javalin = javalin;
        this.config = config;
        this.generatedDemoPassword = generatedDemoPassword;
        this.uploads = uploads;
        this.background = background;
        this.maintenance = maintenance;
    }

    /** {@code uploadsDir}: where resumable uploads keep their bytes until complete ({@code DIR/uploads}). */
    public static ServerApp create(
            ServerConfig config, DataSource dataSource, BlobStore blobStore, Path uploadsDir, Clock clock) {
        return create(config, dataSource, blobStore, uploadsDir, clock, Audit.MAX_RETENTION_MONTHS);
    }

    /** The same, with the audit log kept {@code auditRetentionMonths} months (6 to 12). */
    public static ServerApp create(
            ServerConfig config,
            DataSource dataSource,
            BlobStore blobStore,
            Path uploadsDir,
            Clock clock,
            int auditRetentionMonths) {
        return create(
                config,
                dataSource,
                blobStore,
                new PartFiles(uploadsDir),
                uploadsDir.toAbsolutePath().getParent(),
                clock,
                auditRetentionMonths);
    }

    /**
     * {@code parts}: where resumable uploads keep their bytes until complete: local part files, or an object store
     * shared by several servers (with PostgreSQL and an object-store {@code blobStore}: nothing else is kept on
     * this server, so several can run behind a reverse proxy). {@code dataDir}: the data directory. The audit log,
     * kept {@code auditRetentionMonths} months (6 to 12), is kept apart from the data: on SQLite in
     * {@code dataDir/audit.db}, owner-only; on PostgreSQL in its own table, outside every synced family.
     */
    public static ServerApp create(
            ServerConfig config,
            DataSource dataSource,
            BlobStore blobStore,
            PartStore parts,
            Path dataDir,
            Clock clock,
            int auditRetentionMonths) {
        AuditRetention.checkedMonths(auditRetentionMonths);
        // first: a road network that cannot be opened stops the start before anything is changed. The rounds take
        // its road times (with the office's straight-line estimate as fallback, RoadTravel.withFallback).
        RoadTravel roads = config.roadNetwork() == null
                ? null
                : RoadTravel.open(config.roadNetwork(), dataDir.resolve(ROADS_FOLDER));
        Migrations.migrate(dataSource);
        Database db = Database.open(dataSource);
        AuditStore auditStore = "sqlite".equals(db.dialect().name())
                ? AuditStore.sqliteFile(dataDir.resolve(AuditStore.FILE_NAME))
                : AuditStore.inDatabase(dataSource);
        Auditor auditor = new Auditor(auditStore, db, clock);
        int leftStaged = auditor.flushOutbox(); // a push's events left by a server that died after its commit
        if (leftStaged > 0) {
            LOG.info("audit events moved from the outbox at start: {}", leftStaged);
        }
        UserStore users = new UserStore();
        EntityWriter writer = new EntityWriter();
        PasswordHasher hasher = new PasswordHasher();

        int codes = new CodeSeeder(db, writer, clock).seed();
        if (codes > 0) {
            LOG.info("code lists seeded: {} entries", codes);
        }
        int partners = new PartnerSeeder(db, writer, clock).seed(PartnerDirectory.national());
        if (config.demo()) {
            partners += new PartnerSeeder(db, writer, clock).seed(PartnerDirectory.bouchesDuRhone());
        }
        if (partners > 0) {
            LOG.info("partner directory seeded: {} partners", partners);
        }
        String generated = null;
        DemoSeeder demo = config.demo() ? new DemoSeeder(db, users, writer, hasher, clock) : null;
        if (demo != null) {
            generated =
                    demo.seed(config.demoPassword(), config.demoCounsellors()).orElse(null);
        }
        String adminPassword = config.adminPassword();
        if (demo != null && (adminPassword == null || adminPassword.isEmpty())) {
            adminPassword = generated != null ? generated : config.demoPassword(); // the demo's admin
        }
        new AdminSeeder(db, users, hasher, clock).seed(adminPassword);
        if (demo != null) {
            demo.enrolDemoSecondFactors();
        }

        AuthService auth = new AuthService(db, users, hasher, clock);
        Authenticator authenticator = new Authenticator(auth);
        HealthController health = new HealthController(Version.current(), clock);
        AuthController authController = new AuthController(auth, authenticator);
        UserController userController = new UserController(db, users, authenticator);
        AccountController accountController =
                new AccountController(new AccountService(db, users, hasher, clock), authenticator);
        FiguresController figures = new FiguresController(db, authenticator);
        BlobRegistry registry = new BlobRegistry();
        EntityFamilies families = SyncFamilies.all(users, registry);
        SyncController sync = new SyncController(
                new PushService(db, clock, families, auditor),
                new ChangesService(db, families, auditor),
                authenticator);
        ExecutorService background = Executors.newSingleThreadExecutor(daemon("mediance-thumbnails"));
        InFlight inFlight = new InFlight();
        ThumbnailService thumbnails = new ThumbnailService(
                db,
                blobStore,
                registry,
                writer,
                background,
                clock,
                () -> inFlight.awaitQuiet(ThumbnailService.MAX_DEFER_MILLIS));
        DocumentAccess documentAccess = new DocumentAccess(families);
        BlobService blobService = new BlobService(db, blobStore, documentAccess, registry, writer, thumbnails, clock);
        BlobController blobs =
                new BlobController(blobService, authenticator, new BlobReads(db, documentAccess, auditor));
        AuditController auditController = new AuditController(auditStore, auditor, authenticator);
        ResidentExportController exports =
                new ResidentExportController(new ResidentExport(db), blobStore, auditor, authenticator, clock);
        CalendarController calendars =
                new CalendarController(new CalendarService(db, clock), authenticator, auditor, clock);
        List<Geocoder> geocoders = new ArrayList<>(List.of(new BanGeocoder(db)));
        if (config.geocoder() != null) {
            geocoders.add(new OnlineGeocoder(config.geocoder()));
        }
        // road times when the office configured an OpenStreetMap extract, else the settings' straight-line estimate
        PlanningService planning = new PlanningService(db, clock, roads, geocoders);
        PlanningController planningController = new PlanningController(planning, authenticator, auditor);
        UploadService uploads = new UploadService(db, parts, blobStore, blobService, clock);
        uploads.reconcile();
        UploadController uploadController = new UploadController(uploads, authenticator);
        ErrorMapper errors = new ErrorMapper();
        GdprRetention gdpr = new GdprRetention(db, blobStore, writer, clock);
        GdprController gdprController = new GdprController(db, authenticator, gdpr, clock);

        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.prefer405over404 = true;
            cfg.jetty.port = config.port();
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            cfg.jetty.modifyServletContextHandler(h -> {
                h.addFilter(new FilterHolder(inFlight), "/*", EnumSet.of(DispatcherType.REQUEST));
                h.addFilter(new FilterHolder(new BodyDeadline()), "/*", EnumSet.of(DispatcherType.REQUEST));
            });
            if (!config.trustedProxies().isEmpty()) {
                cfg.jetty.modifyHttpConfiguration(
                        http -> http.addCustomizer(Https.trustedProxies(config.trustedProxies())));
            }
            if (config.tls() != null) {
                // the only connector: plain HTTP is off when the server serves HTTPS itself
                cfg.jetty.addConnector((server, http) -> Https.connector(server, http, config.tls(), config.port()));
            }
            RoutesConfig routes = cfg.routes;
            errors.register(routes);
            SecurityHeaders.register(routes);
            health.routes(routes);
            authController.routes(routes);
            userController.routes(routes);
            accountController.routes(routes);
            figures.routes(routes);
            sync.routes(routes);
            blobs.routes(routes);
            uploadController.routes(routes);
            gdprController.routes(routes);
            auditController.routes(routes);
            exports.routes(routes);
            calendars.routes(routes);
            planningController.routes(routes);
        });
        ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(daemon("mediance-purge"));
        maintenance.scheduleWithFixedDelay(
                () -> {
                    try {
                        // with several servers on one PostgreSQL database, one of them purges at a time
                        int purged = SingleRun.alone(dataSource, db.dialect(), "purge-uploads", uploads::purgeExpired)
                                .orElse(0);
                        if (purged > 0) {
                            LOG.info("expired uploads purged: {}", purged);
                        }
                    } catch (RuntimeException e) {
                        LOG.error("purge of expired uploads failed", e);
                    }
                    try {
                        // the outbox of the pushes' events, cleared in one batch (written to the journal already)
                        auditor.flushOutbox();
                    } catch (RuntimeException e) {
                        LOG.error("audit events could not be moved from the outbox", e);
                    }
                },
                PURGE_EVERY_MINUTES,
                PURGE_EVERY_MINUTES,
                TimeUnit.MINUTES);
        DocumentRetention retention = new DocumentRetention(db, blobStore, writer, clock);
        maintenance.scheduleWithFixedDelay(
                () -> {
                    try {
                        SingleRun.alone(dataSource, db.dialect(), "purge-documents", retention::purge);
                    } catch (RuntimeException e) {
                        LOG.error("purge of documents past their retention failed", e);
                    }
                },
                RETENTION_FIRST_RUN_MINUTES,
                TimeUnit.DAYS.toMinutes(1),
                TimeUnit.MINUTES);
        maintenance.scheduleWithFixedDelay(
                () -> {
                    try {
                        SingleRun.alone(dataSource, db.dialect(), "gdpr-retention", gdpr::run);
                    } catch (RuntimeException e) {
                        LOG.error("GDPR retention failed", e);
                    }
                },
                RETENTION_FIRST_RUN_MINUTES,
                TimeUnit.DAYS.toMinutes(1),
                TimeUnit.MINUTES);
        AuditRetention auditRetention = new AuditRetention(auditStore, clock, auditRetentionMonths);
        maintenance.scheduleWithFixedDelay(
                () -> {
                    try {
                        auditRetention.purge();
                    } catch (RuntimeException e) {
                        LOG.error("purge of the audit log failed", e);
                    }
                },
                RETENTION_FIRST_RUN_MINUTES,
                TimeUnit.DAYS.toMinutes(1),
                TimeUnit.MINUTES);
        GeocodingService geocoding = new GeocodingService(db, writer, geocoders, clock);
        // its own thread: the online service may be slow, and must not hold back the purges
        ScheduledExecutorService geocodingRuns =
                Executors.newSingleThreadScheduledExecutor(daemon("mediance-geocoding"));
        geocodingRuns.scheduleWithFixedDelay(
                () -> {
                    try {
                        SingleRun.alone(dataSource, db.dialect(), "geocoding", geocoding::placeWaiting);
                    } catch (RuntimeException e) {
                        LOG.error("placing residents on the map failed", e);
                    }
                },
                GEOCODING_EVERY_SECONDS,
                GEOCODING_EVERY_SECONDS,
                TimeUnit.SECONDS);
        LOG.info("server ready on {} database", db.dialect().name());
        return new ServerApp(
                javalin,
                config,
                generated,
                uploads,
                retention,
                gdpr,
                auditStore,
                auditRetention,
                background,
                maintenance,
                geocoding,
                geocodingRuns,
                roads,
                planning);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The road times of the OpenStreetMap extract the office configured ({@code --road-network}), empty when the
     * rounds use the straight-line estimate only.
     */
    public Optional<RoadTravel> roads() {
        return Optional.ofNullable(roads);
    }

    /** Purges expired uploads now (also done at start and every hour). Answers how many. */
    public int purgeExpiredUploads() {
        return uploads.purgeExpired();
    }

    /** Purges the documents past their retention now (also done daily). Answers how many. */
    public int purgeExpiredDocuments() {
        return retention.purge();
    }

    /**
     * Runs the GDPR retention now (also done daily): inactive residents anonymised, mandates and documents past
     * their retention purged.
     */
    public GdprRetention.Report runGdprRetention() {
        return gdpr.run();
    }

    /** Places the residents waiting for their place on the map now (also done every few seconds). Answers how many. */
    public int placeWaitingResidents() {
        return geocoding.placeAll();
    }

    /** Purges the audit log past its retention now (also done daily). Answers how many events. */
    public int purgeAuditLog() {
        return auditRetention.purge();
    }

    /** How many events the audit log holds. */
    public long auditEventCount() {
        return auditStore.count();
    }

    /** The rounds' service (its {@link PlanningService#beforeSearch} hook lets a test hold a proposal in flight). */
    public PlanningService planning() {
        return planning;
    }

    /** Starts listening on the configured port (0: a free one). */
    public ServerApp start() {
        javalin.start(config.port());
        return this;
    }

    /**
     * The routes Javalin registered, as {@code "METHOD /path"} (with {@code {param}} placeholders): checked against
     * {@link RouteTable#ALL} by a test.
     */
    public java.util.List<String> registeredRoutes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .sorted()
                .toList();
    }

    /** The port actually listened on. */
    public int port() {
        return javalin.port();
    }

    public void stop() {
        javalin.stop();
        maintenance.shutdownNow();
        geocodingRuns.shutdownNow();
        background.shutdownNow();
        auditStore.close();
    }

    /** The demo password generated at this start, to be shown once; empty if none was generated. */
    public Optional<String> generatedDemoPassword() {
        return Optional.ofNullable(generatedDemoPassword);
    }
}
