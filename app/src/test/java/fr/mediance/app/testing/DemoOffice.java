package fr.mediance.app.testing;

import fr.mediance.app.AppComposition;
import fr.mediance.app.MedianceApp;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.DocumentCapture;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.TestImages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * A fake office with demo-like data for the UI tests: accounts of each role, the code lists, residents of
 * Marseille and the counsellor's appointments of today and of the week (Europe/Paris).
 */
public final class DemoOffice implements AutoCloseable {

    public static final String PASSWORD = TestCores.PASSWORD;
    public static final String PIN = TestCores.PIN;
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final ResourceBundle TEXTS = MedianceApp.bundle(false);

    public final FakeOfficeServer server = new FakeOfficeServer(FakeOfficeServer.Options.forScreens());
    /** The screens' background work. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    /**
     * One per core (a sync): apart from the screens', as the app's two workers, so that a long upload holds
     * neither the screens nor another device.
     */
    private final List<ExecutorService> coreExecutors = new java.util.concurrent.CopyOnWriteArrayList<>();

    public DemoOffice() {
        server.addUser("u-c1", "conseil1", "Awa Diallo", PASSWORD, Role.COUNSELLOR);
        server.addUser("u-c2", "conseil2", "Karim Haddad", PASSWORD, Role.COUNSELLOR);
        server.addUser("u-k1", "coord", "Sophie Martin", PASSWORD, Role.COORDINATOR);
        server.addUser("u-o1", "bureau", "Accueil PSP", PASSWORD, Role.OFFICE);
        code("medium", "home_visit", "Visite à domicile", "phone", "Téléphone", "desk", "Au bureau");
        code(
                "domain",
                "energie",
                "Énergie",
                "eau",
                "Eau",
                "budget",
                "Budget",
                "logement",
                "Logement",
                "caf",
                "Démarches CAF",
                "courriers",
                "Courriers");
        code(
                "document_type",
                "facture",
                "Facture",
                "relance",
                "Lettre de relance",
                "avis_imposition",
                "Avis d'imposition",
                "quittance",
                "Quittance de loyer");
        code("appointment_status", "confirmed", "Confirmé", "done", "Réalisé", "proposed", "Proposé");
        code("appointment_type", "home_visit", "Visite à domicile");
        code(
                "mobility_reason",
                "mobilite_reduite",
                "Mobilité réduite",
                "isolement",
                "Isolement",
                "sortie_hopital",
                "Retour d'hospitalisation");
        resident("r1", "Benali", "Fatima", "06 12 34 56 78", "12 rue des Lilas", "13015", "Digicode 1234B, 2e étage");
        resident("r2", "Martin", "Jean", "04 91 00 11 22", "3 avenue du Port", "13002", "Sonner chez la gardienne");
        resident("r3", "Nguyen", "Thi Lan", null, "48 boulevard National", "13003", null);
        resident(
                "r4",
                "Roux",
                "Marcel",
                "06 98 76 54 32",
                "7 traverse des Pins",
                "13012",
                "Maison au fond de l'impasse");
        LocalDate today = LocalDate.now(PARIS);
        appointment("a1", "r1", today, "09:30", 60, "confirmed");
        appointment("a2", "r2", today, "11:00", 45, "confirmed");
        appointment("a3", "r3", today, "14:00", 60, "proposed");
        appointment("a4", "r4", today, "16:00", 60, "confirmed");
        appointment("a5", "r2", today.plusDays(today.getDayOfWeek().getValue() < 7 ? 1 : -1), "10:00", 60, "confirmed");
    }

    /** The day the coordinator's week opens on: today, or Monday when today is a Sunday. */
    public static LocalDate boardDay() {
        LocalDate today = LocalDate.now(PARIS);
        return today.getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? today.plusDays(1) : today;
    }

    /**
     * A coordinator's week in Marseille (call before signing in): three counsellors, homes placed on the map (but
     * Marcel Roux's, not placed yet: its travel is unknown), on {@link #boardDay()} a locked appointment, proposed
     * ones, a cancellation, two appointments of Léa Bernard that overlap, and the team's open tasks.
     */
    public void weekOfRounds() {
        server.addUser("u-c3", "conseil3", "Léa Bernard", PASSWORD, Role.COUNSELLOR);
        LocalDate day = boardDay();
        placed("r1", "Benali", "Fatima", "12 rue des Lilas", "13015", 43.3585, 5.3632);
        placed("r2", "Martin", "Jean", "3 avenue du Port", "13002", 43.3028, 5.3676);
        placed("r3", "Nguyen", "Thi Lan", "48 boulevard National", "13003", 43.3117, 5.3849);
        placed("r5", "Ferhat", "Yasmina", "9 chemin de Château-Gombert", "13013", 43.3530, 5.4280);
        placed("r6", "Lopez", "Carmen", "22 rue de la Loge", "13004", 43.3060, 5.4010);
        placed("r7", "Aït Ali", "Mohamed", "5 traverse Saint-Joseph", "13014", 43.3470, 5.3900);
        placed("r8", "Girard", "Hélène", "31 boulevard Baille", "13005", 43.2890, 5.3920);
        LocalDate d = day;
        appointment("w1", "r5", "u-c2", d, "09:00", 60, "confirmed", true, null);
        appointment("w2", "r6", "u-c2", d, "10:30", 60, "confirmed", false, null);
        appointment("w3", "r7", "u-c2", d, "14:30", 90, "proposed", false, null);
        appointment("w4", "r8", "u-c2", d, "16:30", 60, "cancelled_by_resident", false, "Hospitalisée");
        appointment("w5", "r8", "u-c3", d, "08:30", 60, "confirmed", false, null);
        appointment("w6", "r2", "u-c3", d, "10:15", 45, "proposed", false, null);
        appointment("w7", "r6", "u-c3", d, "14:00", 60, "confirmed", false, null);
        appointment("w8", "r7", "u-c3", d, "14:30", 60, "confirmed", false, null);
        LocalDate other = d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY ? d.minusDays(1) : d.plusDays(1);
        appointment("w9", "r1", "u-c2", other, "09:30", 60, "confirmed", false, null);
        appointment("w10", "r3", "u-c3", other, "11:00", 60, "confirmed", false, null);
        task("tw1", "r1", "u-c1", "Relancer la CAF (dossier APL)", d.minusDays(3));
        task("tw2", "r3", "u-c3", "Appeler le bailleur : fuite d'eau", d.minusDays(1));
        task("tw3", "r5", "u-c2", "Envoyer le dossier FSL", d.plusDays(2));
        task("tw4", "r2", "u-c1", "Préparer la commission de surendettement", null);
    }

    private void placed(String id, String last, String first, String street, String postcode, double lat, double lon) {
        server.serverWrite(new ResidentDto(
                        id,
                        "s1",
                        "D-" + id,
                        null,
                        last,
                        first,
                        null,
                        null,
                        street,
                        postcode,
                        "Marseille",
                        null,
                        null,
                        "u-c1")
                .withLocation(new fr.mediance.protocol.GeoPointDto(
                        lat,
                        lon,
                        fr.mediance.protocol.GeoPointDto.SOURCE_BAN,
                        fr.mediance.protocol.GeoPointDto.PRECISION_HOUSE)));
    }

    private void appointment(
            String id,
            String resident,
            String counsellor,
            LocalDate day,
            String start,
            int minutes,
            String status,
            boolean locked,
            String reason) {
        ZonedDateTime s = ZonedDateTime.of(day, LocalTime.parse(start), PARIS);
        server.serverWrite(new AppointmentDto(
                id,
                "s1",
                resident,
                counsellor,
                "home_visit",
                s.toInstant(),
                s.plusMinutes(minutes).toInstant(),
                status,
                null,
                null,
                reason,
                List.of(),
                null,
                locked,
                null,
                "u-k1"));
    }

    private void task(String id, String resident, String assignee, String title, LocalDate due) {
        server.serverWrite(new fr.mediance.protocol.TaskDto(
                id,
                "s1",
                resident,
                null,
                assignee,
                title,
                due,
                fr.mediance.protocol.TaskDto.TODO,
                null,
                null,
                null,
                null));
    }

    private void code(String list, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            server.addCode(list, pairs[i], pairs[i + 1], i / 2 + 1);
        }
    }

    private void resident(
            String id, String last, String first, String phone, String street, String postcode, String access) {
        server.serverWrite(new ResidentDto(
                id,
                "s1",
                "D-" + id,
                null,
                last,
                first,
                null,
                phone,
                street,
                postcode,
                "Marseille",
                access,
                null,
                "u-c1"));
    }

    private void appointment(String id, String resident, LocalDate day, String start, int minutes, String status) {
        ZonedDateTime s = ZonedDateTime.of(day, LocalTime.parse(start), PARIS);
        server.serverWrite(new AppointmentDto(
                id,
                "s1",
                resident,
                "u-c1",
                "home_visit",
                s.toInstant(),
                s.plusMinutes(minutes).toInstant(),
                status,
                null,
                null,
                null));
    }

    /**
     * Two counsellors changed the same field of Fatima Benali's record from the same base: a conflict the
     * server kept, first value by Karim Haddad, last one (the record's current value) by Awa Diallo.
     */
    public void conflict(String id, String field, String base, String first, String last, java.time.Instant detected) {
        server.serverWrite(new fr.mediance.protocol.ConflictDto(
                id,
                "s1",
                fr.mediance.protocol.EntityType.RESIDENT,
                "r1",
                field,
                base,
                first,
                last,
                "u-c2",
                "u-c1",
                detected,
                fr.mediance.protocol.ConflictDto.OPEN,
                null,
                null,
                null));
    }

    /**
     * A visit of {@code appointmentId} written and terminated on the tablet with one photo per document type
     * (call off the FX thread); returns the report's id.
     */
    public static String completeVisit(CoreContext core, String appointmentId, String... photoTypes) {
        fr.mediance.app.core.visit.VisitReport draft = core.visits()
                .openForAppointment(appointmentId)
                .orElseThrow()
                .withDomains(List.of("energie", "courriers"))
                .withSynthesis("Facture d'électricité de 412,30 € en retard de deux mois. Échéancier demandé au "
                        + "fournisseur ; dossier FSL à préparer.")
                .withFollowUp("Appeler le fournisseur pour confirmer l'échéancier")
                .withVisitAttested(true);
        core.visits().saveDraft(draft);
        for (String type : photoTypes) {
            byte[] photo = photographedBill(type.hashCode() + draft.id().hashCode());
            if (!core.documents()
                    .attach(
                            draft.id(),
                            new fr.mediance.app.core.platform.CapturedImage(photo, "image/jpeg", null),
                            type)
                    .isOk()) {
                throw new IllegalStateException("photo not attached");
            }
        }
        if (!core.visits().complete(draft.id()).isOk()) {
            throw new IllegalStateException("visit not completed");
        }
        return draft.id();
    }

    /**
     * Holds the photo uploads on the server: chunks of {@code chunkBytes}, and the {@code patch}-th PATCH from now
     * waits until the returned latch is released (a photo seen half sent).
     */
    public java.util.concurrent.CountDownLatch holdUploadAt(int chunkBytes, int patch) {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server.chunkSize(chunkBytes);
        int before = server.patches.get();
        server.onPatch(n -> {
            if (n == before + patch) {
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        return release;
    }

    /** The size in bytes of a report's photo as it travels (after the device re-encoded it). */
    public static long travellingSize(CoreContext core, String reportId, int index) {
        return core.documents().photos(reportId).get(index).sizeBytes();
    }

    private ExecutorService coreExecutor() {
        ExecutorService e = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-core");
            t.setDaemon(true);
            return t;
        });
        coreExecutors.add(e);
        return e;
    }

    /** A core on {@code dir} publishing on the FX thread, nothing automatic. */
    public CoreContext core(Path dir) {
        return CoreContext.builder(dir)
                .clock(Clock.systemUTC())
                .pinIterations(1_000)
                .httpClient(TestCores.http())
                .background(coreExecutor())
                .ui(Platform::runLater)
                .build();
    }

    /** A core signed in as {@code username}, unlocked and synchronised (call off the FX thread). */
    public CoreContext signedIn(Path dir, String username) {
        CoreContext core = core(dir);
        core.login(server.url(), username, PASSWORD);
        core.choosePin(PIN);
        if (!core.sync().syncNow().join().ok()) {
            throw new IllegalStateException("demo sync failed");
        }
        return core;
    }

    public AppComposition compose(CoreContext core, DocumentCapture capture) {
        return new AppComposition(core, capture, TEXTS, background, Platform::runLater, server.url());
    }

    public ExecutorService background() {
        return background;
    }

    /** A real JPEG of a "bill" (a few kilobytes): {@link TestImages#smallBill()}. */
    public static byte[] jpeg() {
        return TestImages.smallBill();
    }

    /** A photo of a bill as a phone takes it, in several chunks once re-encoded: {@link TestImages#photographedBill}. */
    public static byte[] photographedBill(long seed) {
        return TestImages.photographedBill(seed);
    }

    public static List<String> demoUsers() {
        return List.of("conseil1", "coord", "bureau");
    }

    @Override
    public void close() {
        server.close();
        background.shutdownNow();
        coreExecutors.forEach(ExecutorService::shutdownNow);
    }
}
