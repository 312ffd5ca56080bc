package fr.mediance.app.core;

import fr.mediance.app.core.agenda.AgendaService;
import fr.mediance.app.core.agenda.SqliteAgendaService;
import fr.mediance.app.core.aid.AidService;
import fr.mediance.app.core.aid.SqliteAidService;
import fr.mediance.app.core.budget.BudgetService;
import fr.mediance.app.core.budget.SqliteBudgetService;
import fr.mediance.app.core.checkin.CheckInService;
import fr.mediance.app.core.conflict.ConflictService;
import fr.mediance.app.core.conflict.SqliteConflictService;
import fr.mediance.app.core.consent.ConsentService;
import fr.mediance.app.core.consent.MandateService;
import fr.mediance.app.core.consent.SqliteConsentService;
import fr.mediance.app.core.consent.SqliteMandateService;
import fr.mediance.app.core.debt.PaymentPlanService;
import fr.mediance.app.core.debt.SqlitePaymentPlanService;
import fr.mediance.app.core.document.DocumentService;
import fr.mediance.app.core.document.RetentionPurge;
import fr.mediance.app.core.document.SqliteDocumentService;
import fr.mediance.app.core.office.OfficeService;
import fr.mediance.app.core.office.SqliteOfficeService;
import fr.mediance.app.core.overindebtedness.OverindebtednessService;
import fr.mediance.app.core.overindebtedness.SqliteOverindebtednessService;
import fr.mediance.app.core.partner.PartnerService;
import fr.mediance.app.core.partner.SqlitePartnerService;
import fr.mediance.app.core.platform.HealthProbeNetworkMonitor;
import fr.mediance.app.core.platform.NetworkMonitor;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.resident.ResidentFileService;
import fr.mediance.app.core.resident.ResidentService;
import fr.mediance.app.core.resident.SqliteResidentFileService;
import fr.mediance.app.core.resident.SqliteResidentService;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.session.SessionManager;
import fr.mediance.app.core.session.SessionService;
import fr.mediance.app.core.session.SessionState;
import fr.mediance.app.core.signature.SignatureService;
import fr.mediance.app.core.signature.SqliteSignatureService;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.sync.Backoff;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.app.core.sync.SyncEngine;
import fr.mediance.app.core.sync.SyncScheduler;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.app.core.visit.SqliteVisitService;
import fr.mediance.app.core.visit.VisitService;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The client without a screen, for ONE device data directory: encrypted store, session, remote client,
 * sync engine and the feature services, wired with {@code new}. The app's composition root builds its view
 * models from it; system tests and benchmarks drive the product through it headless.
 *
 * <pre>{@code
 * try (CoreContext core = CoreContext.open(dir, Clock.systemUTC(), Executors.newSingleThreadExecutor())) {
 *     core.login("http://127.0.0.1:8080", "conseil1", "secret");   // online
 *     core.choosePin("123456");                                      // creates the encrypted store
 *     core.sync().syncNow().join();                                  // push, photos, pull
 *     List<AgendaItem> today = core.agenda().myDay(LocalDate.now(core.zone()));
 * }
 * }</pre>
 *
 * The service getters always return the same objects; their methods fail with a
 * {@link fr.mediance.app.core.store.StoreException} of kind LOCKED until the session is unlocked.
 */
public final class CoreContext implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CoreContext.class.getName());
    /** Europe/Paris: the zone of days and times shown to users. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Path dataDir;
    private final Clock clock;
    private final ZoneId zone;
    private final StoreHolder store;
    private final Outbox outbox;
    private final SessionManager session;
    private final fr.mediance.app.core.session.IdleLock idleLock;
    private final HealthProbeNetworkMonitor network;
    private final SyncEngine sync;
    private final SyncScheduler scheduler;
    private final ScheduledExecutorService timer;
    private final boolean autoSync;
    private final SqliteResidentService residents;
    private final SqliteAgendaService agenda;
    private final fr.mediance.app.core.agenda.SqliteAgendaChanges agendaChanges;
    private final SqliteVisitService visits;
    private final SqliteDocumentService documents;
    private final RetentionPurge retention;
    private final CheckInService checkIns;
    private final SqliteOfficeService office;
    private final fr.mediance.app.core.task.SqliteTaskService tasks;
    private final fr.mediance.app.core.casework.SqliteCaseService cases;
    private final SqliteReferenceService reference;
    private final SqliteConflictService conflicts;
    private final SqliteResidentFileService residentFiles;
    private final fr.mediance.app.core.audit.AccessLog accessLog;
    private final SqliteBudgetService budgets;
    private final SqliteAidService aids;
    private final SqliteOverindebtednessService overindebtedness;
    private final SqlitePaymentPlanService paymentPlans;
    private final SqlitePartnerService partners;
    private final SqliteSignatureService signatures;
    private final SqliteConsentService consents;
    private final SqliteMandateService mandates;
    private final fr.mediance.app.core.energy.SqliteEnergyService energy;

    private CoreContext(Builder b) {
        this.dataDir = b.dataDir;
        this.clock = b.clock;
        this.zone = b.zone;
        this.store = new StoreHolder();
        this.session = new SessionManager(dataDir, clock, store, b.ui, b.http, b.pinIterations);
        this.network = new HealthProbeNetworkMonitor(session::remote, b.ui);
        this.outbox = new Outbox(clock);
        this.reference = new SqliteReferenceService(store, session::remote, clock, outbox, session::currentAccount);
        this.residents = new SqliteResidentService(store, outbox, session::currentAccount, clock);
        this.agenda = new SqliteAgendaService(store, outbox, session::currentAccount, clock, zone);
        this.agendaChanges =
                new fr.mediance.app.core.agenda.SqliteAgendaChanges(store, session::currentAccount, clock, zone);
        this.accessLog = new fr.mediance.app.core.audit.AccessLog(store, clock);
        this.documents = new SqliteDocumentService(store, session::currentAccount, clock, zone, accessLog);
        this.retention = new RetentionPurge(store, clock, zone);
        this.checkIns = new CheckInService(store);
        this.cases = new fr.mediance.app.core.casework.SqliteCaseService(
                store, outbox, session::currentAccount, clock, zone);
        this.visits = new SqliteVisitService(store, outbox, session::currentAccount, clock, zone, agenda, cases);
        this.office = new SqliteOfficeService(store, session::remote, clock);
        this.tasks = new fr.mediance.app.core.task.SqliteTaskService(store, outbox, session::currentAccount, clock);
        this.conflicts = new SqliteConflictService(store, outbox, session::currentAccount, clock);
        this.residentFiles =
                new SqliteResidentFileService(store, outbox, session::currentAccount, clock, zone, accessLog);
        this.budgets = new SqliteBudgetService(store, outbox, session::currentAccount, clock, zone);
        this.aids = new SqliteAidService(store, outbox, session::currentAccount, clock, zone);
        this.overindebtedness = new SqliteOverindebtednessService(store, outbox, session::currentAccount, clock, zone);
        this.paymentPlans = new SqlitePaymentPlanService(store, outbox, session::currentAccount, clock);
        this.partners = new SqlitePartnerService(store, outbox, session::currentAccount, clock);
        this.signatures = new SqliteSignatureService(store, outbox, session::currentAccount, clock, zone);
        this.consents = new SqliteConsentService(store, outbox, session::currentAccount, clock, signatures);
        this.mandates = new SqliteMandateService(store, outbox, session::currentAccount, clock, zone, signatures);
        this.energy =
                new fr.mediance.app.core.energy.SqliteEnergyService(store, outbox, session::currentAccount, clock);
        this.sync = new SyncEngine(
                store,
                outbox,
                session::remote,
                network,
                clock,
                b.background,
                b.ui,
                new Backoff(b.random, Duration.ofSeconds(10), Duration.ofMinutes(10)),
                b.pullPageSize);
        sync.onDeviceRevoked(session::wipeRevoked);
        this.idleLock = new fr.mediance.app.core.session.IdleLock(
                session, clock, fr.mediance.app.core.session.IdleLock.TIMEOUT);
        session.addUnlockListener(idleLock::userActivity);
        this.scheduler = new SyncScheduler(sync, network, clock, b.periodicSync);
        this.autoSync = b.autoSync;
        // what follows each unlock, handed on when the app is ready for it (by default at once): documents past
        // their retention date leave the device, without holding the unlock up; the counts; the first sync
        session.addUnlockListener(() -> b.afterUnlock.execute(() -> {
            b.background.execute(retention::run);
            sync.refreshCounts();
            if (b.autoSync) {
                scheduler.onUnlocked();
            }
        }));
        if (b.autoSync) {
            network.onlineProperty().addListener((obs, was, now) -> {
                if (now) {
                    scheduler.onOnline();
                }
            });
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mediance-sync-timer");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(
                    () -> {
                        try {
                            retention.runIfDue(); // and once a day
                            scheduler.tick();
                            idleLock.check();
                        } catch (
                                RuntimeException
                                        e) { // top boundary of the timer thread: a bug must not stop later ticks
                            LOG.log(Level.ERROR, "The sync timer failed (periodic sync or retention purge)", e);
                        }
                    },
                    b.tickSeconds,
                    b.tickSeconds,
                    TimeUnit.SECONDS);
        } else {
            this.timer = null;
        }
    }

    /**
     * A headless core for {@code dataDir}: no timers, no automatic sync (call {@code sync().syncNow()}),
     * UI notifications run on the calling thread.
     */
    public static CoreContext open(Path dataDir, Clock clock, Executor background) {
        return builder(dataDir).clock(clock).background(background).build();
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Options of a core; every one has a default fit for a headless test. */
    public static final class Builder {
        private final Path dataDir;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = PARIS;
        private Executor background = Runnable::run;
        private Executor ui = Runnable::run;
        private Executor afterUnlock = Runnable::run;
        private OkHttpClient http;
        private int pinIterations = SessionManager.DEFAULT_PIN_ITERATIONS;
        private Random random = new Random();
        private boolean autoSync;
        private Duration periodicSync = Duration.ofMinutes(5);
        private long tickSeconds = 15;
        private int pullPageSize = fr.mediance.protocol.Limits.DEFAULT_CHANGES_PAGE;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }

        public Builder zone(ZoneId v) {
            zone = Objects.requireNonNull(v);
            return this;
        }

        /** Where syncs and other long work run (a single-thread executor is fine). */
        public Builder background(Executor v) {
            background = Objects.requireNonNull(v);
            return this;
        }

        /** Where property changes are published: {@code Platform::runLater} in the app. */
        public Builder ui(Executor v) {
            ui = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Where the work that follows each unlock is handed (the retention purge, the pending counts, the first sync
         * with {@link #autoSync}): by default it starts at once, on the thread that unlocked. The app holds it until
         * its home screen has drawn its first frame, so that it does not compete with that frame; the executor may
         * run it on any thread but the UI's.
         */
        public Builder afterUnlock(Executor v) {
            afterUnlock = Objects.requireNonNull(v);
            return this;
        }

        /** A base OkHttp client (timeouts, a test proxy); default {@link fr.mediance.app.core.remote.RemoteClient#defaultHttpClient()}. */
        public Builder httpClient(OkHttpClient v) {
            http = v;
            return this;
        }

        /** PBKDF2 iterations for a NEW PIN (default 310,000; tests may lower it, minimum 1,000). */
        public Builder pinIterations(int v) {
            if (v < 1_000) {
                throw new IllegalArgumentException("at least 1000 iterations");
            }
            pinIterations = v;
            return this;
        }

        /** Source of jitter for the retry delays. */
        public Builder random(Random v) {
            random = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sync by itself: after unlock, when the network comes back, periodically (see
         * {@link #periodicSync}) and after failures with capped exponential backoff. Off by default.
         */
        public Builder autoSync(boolean v) {
            autoSync = v;
            return this;
        }

        public Builder periodicSync(Duration v) {
            periodicSync = Objects.requireNonNull(v);
            return this;
        }

        /** Changes asked per page of the pull (default {@code Limits.DEFAULT_CHANGES_PAGE}). */
        public Builder pullPageSize(int v) {
            if (v < 1 || v > fr.mediance.protocol.Limits.MAX_CHANGES_PAGE) {
                throw new IllegalArgumentException("page size out of range");
            }
            pullPageSize = v;
            return this;
        }

        public CoreContext build() {
            return new CoreContext(this);
        }
    }

    public Path dataDirectory() {
        return dataDir;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public SessionService session() {
        return session;
    }

    public SessionState state() {
        return session.state();
    }

    /** See {@link SessionService#login}; throws {@link IllegalStateException} with the French message on failure. */
    public AccountInfo login(String serverUrl, String username, String password) {
        return orThrow(session.login(serverUrl, username, password.toCharArray()));
    }

    /** The same with the second factor's code (office and admin accounts); throws on failure. */
    public AccountInfo login(String serverUrl, String username, String password, String totpCode) {
        return orThrow(session.login(serverUrl, username, password.toCharArray(), totpCode, null));
    }

    /** See {@link SessionService#choosePin}, with the same PIN typed twice; throws on failure. */
    public AccountInfo choosePin(String pin) {
        return orThrow(session.choosePin(pin.toCharArray(), pin.toCharArray()));
    }

    /** See {@link SessionService#unlock}; throws on failure. */
    public AccountInfo unlock(String pin) {
        return orThrow(session.unlock(pin.toCharArray()));
    }

    private static <T> T orThrow(Outcome<T> o) {
        if (o.isOk()) {
            return o.value();
        }
        throw new IllegalStateException(o.message());
    }

    public ResidentService residents() {
        return residents;
    }

    /** A resident's whole file, the signed-in user's private note and the timeline. */
    public ResidentFileService residentFiles() {
        return residentFiles;
    }

    /** The households' payment plans (échéanciers) of their debts. */
    public PaymentPlanService paymentPlans() {
        return paymentPlans;
    }

    /** The partner directory (annuaire des partenaires), read offline, edited by the office. */
    public PartnerService partners() {
        return partners;
    }

    /** The households' overindebtedness files (Banque de France). */
    public OverindebtednessService overindebtedness() {
        return overindebtedness;
    }

    /** The households' aid applications (FSL, CCAS, CAF…). */
    public AidService aids() {
        return aids;
    }

    /** The households' budget sheets. */
    public BudgetService budgets() {
        return budgets;
    }

    /** Drawn signatures kept as signature documents. */
    public SignatureService signatures() {
        return signatures;
    }

    /** The information notice and consents per scope. */
    public ConsentService consents() {
        return consents;
    }

    /** Mandates to act on the resident's behalf; {@code activeCovering} for the actions of a report. */
    public MandateService mandates() {
        return mandates;
    }

    /** « Ce qui a changé depuis hier » in the signed-in counsellor's upcoming appointments. */
    public fr.mediance.app.core.agenda.AgendaChanges agendaChanges() {
        return agendaChanges;
    }

    public AgendaService agenda() {
        return agenda;
    }

    public VisitService visits() {
        return visits;
    }

    public DocumentService documents() {
        return documents;
    }

    /** Deletes the documents whose retention date has passed (run at unlock and once a day by the timer). */
    public RetentionPurge retention() {
        return retention;
    }

    /** The optional GPS check-in of draft reports, and its setting. */
    public CheckInService checkIns() {
        return checkIns;
    }

    /** A household's energy contracts and debts (unpaid bills). */
    public fr.mediance.app.core.energy.EnergyService energy() {
        return energy;
    }

    /** Cases, requests and anonymous contacts. */
    public fr.mediance.app.core.casework.CaseService cases() {
        return cases;
    }

    /** The requests the rounds plan home visits from (reads of this device's store). */
    public fr.mediance.app.core.rounds.RequestQueue requestQueue() {
        return new fr.mediance.app.core.rounds.SqliteRequestQueue(store);
    }

    /** Follow-up tasks ("Mes suivis"). */
    public fr.mediance.app.core.task.TaskService tasks() {
        return tasks;
    }

    public OfficeService office() {
        return office;
    }

    /** The office's register of rights requests (« Demandes RGPD »), kept on the server and read online. */
    public fr.mediance.app.core.gdpr.RightsRequestService rightsRequests() {
        return new fr.mediance.app.core.gdpr.RightsRequestService(session::remote, residents);
    }

    public ReferenceService reference() {
        return reference;
    }

    public SyncService sync() {
        return sync;
    }

    /** What this device showed, printed or shared of residents' data: queued for the audit log. */
    public fr.mediance.app.core.audit.AccessLog accessLog() {
        return accessLog;
    }

    /** The signed-in account's connection to the office, when there is one (the journal, the export, « Comptes »). */
    public java.util.Optional<fr.mediance.app.core.remote.RemoteClient> remote() {
        return session.remote();
    }

    /** Conflicts on shared records, and their resolution (office, coordinator, admin). */
    public ConflictService conflicts() {
        return conflicts;
    }

    /**
     * The app came back to the foreground (call it from the platform's lifecycle): the PIN is asked again, periodic
     * syncs resume and,
     * with {@code autoSync}, one sync starts now (unless one just ran). Without {@code autoSync} it only resumes.
     */
    public void appResumed() {
        idleLock.resumed();
        if (autoSync) {
            scheduler.onResumed();
        } else {
            scheduler.setPaused(false);
        }
    }

    /** The automatic lock after 5 minutes without input and on return from the background. */
    public fr.mediance.app.core.session.IdleLock idleLock() {
        return idleLock;
    }

    /** The app went to the background: no periodic sync until {@link #appResumed()}. */
    public void appPaused() {
        scheduler.onPaused();
    }

    /** Whether the server is reachable; probed by the health endpoint. */
    public NetworkMonitor network() {
        return network;
    }

    /** The automatic triggers (tick, on unlock, on network back), for apps that drive them themselves. */
    public SyncScheduler scheduler() {
        return scheduler;
    }

    /** Stops timers, locks the store. Does not wait for a running sync to finish its network call. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        session.lock();
    }
}
