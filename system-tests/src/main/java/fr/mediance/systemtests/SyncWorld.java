package fr.mediance.systemtests;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AppointmentForm;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.Role;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * An office server (its own process, demo data, a fixed port so that it can be killed and restarted where
 * its clients expect it) and the devices a scenario needs: the common ground of the fault tests and the sync
 * benchmarks. Everything it opens is closed with it, last opened first.
 */
public final class SyncWorld implements AutoCloseable {
    public static final String PIN = "482913";

    private final Path root;
    private final String password = "Demo-" + UUID.randomUUID();
    private final Map<String, String> env = Map.of("MEDIANCE_DEMO_PASSWORD", password);
    private final int serverPort = ServerProcess.freePort();
    private final List<AutoCloseable> open = new ArrayList<>();
    private volatile ServerProcess server;

    private SyncWorld(Path root) {
        this.root = root;
    }

    /** Starts the server with demo data under {@code root/server/data}. */
    public static SyncWorld start(Path root) {
        SyncWorld w = new SyncWorld(root);
        w.server = w.startServer();
        return w;
    }

    private ServerProcess startServer() {
        return ServerProcess.start(serverData(), serverPort, true, env, ServerProcess.defaultStartTimeout());
    }

    public Path root() {
        return root;
    }

    public Path serverData() {
        return root.resolve("server").resolve("data");
    }

    public String password() {
        return password;
    }

    public int serverPort() {
        return serverPort;
    }

    /** The server's own address (no emulated link). */
    public URI serverUrl() {
        return URI.create("http://127.0.0.1:" + serverPort);
    }

    public ServerProcess server() {
        return server;
    }

    /** {@code kill -9} of the server process. */
    public void killServer() {
        server.kill();
    }

    /** Starts the server again on the same data directory and port (after a kill or a stop). */
    public ServerProcess restartServer() {
        if (server.isAlive()) {
            server.kill();
        }
        server = startServer();
        return server;
    }

    /** A link in front of the server; closed with the world. */
    public LinkEmulator link(LinkEmulator.Profile profile, long seed) {
        return keep(LinkEmulator.start(serverPort, profile, seed));
    }

    public <T extends AutoCloseable> T keep(T resource) {
        open.add(resource);
        return resource;
    }

    /**
     * A device of {@code username}, signed in through {@code url} (the server or a link), PIN chosen, first
     * sync done. {@code http} may be null (the app's default client); {@code customise} may add options.
     */
    public CoreContext device(
            String name, String username, URI url, OkHttpClient http, Consumer<CoreContext.Builder> customise) {
        CoreContext.Builder b =
                CoreContext.builder(root.resolve("devices").resolve(name)).pinIterations(1_000);
        if (http != null) {
            b.httpClient(http);
        }
        if (customise != null) {
            customise.accept(b);
        }
        CoreContext core = keep(b.build());
        core.login(url.toString(), username, password, DemoCodes.next(username));
        core.choosePin(PIN);
        SyncReport first = core.sync().syncNow().join();
        if (!first.ok()) {
            throw new IllegalStateException("first sync of " + name + " failed: " + first.message());
        }
        return core;
    }

    public CoreContext device(String name, String username, URI url) {
        return device(name, username, url, null, null);
    }

    /** A raw API client signed in as {@code username}, straight to the server. */
    public RawApi api(String username) {
        RawApi api = new RawApi(serverUrl());
        api.login(username, password, "raw-" + username + "-" + UUID.randomUUID());
        return api;
    }

    /** The id of an account of the demo structure, as the coordinator's device knows it. */
    public static String userId(CoreContext coord, String username) {
        if (!coord.reference().refreshUsers().isOk()) {
            throw new IllegalStateException("users could not be read");
        }
        return coord.reference().users(Role.COUNSELLOR).stream()
                .filter(u -> u.username().equals(username))
                .map(UserItem::id)
                .findFirst()
                .orElseThrow();
    }

    /**
     * The coordinator creates {@code n} residents followed by {@code counsellorId} and one home visit each on
     * {@code day} (from 08:00, every 30 minutes), then syncs. Returns the appointment ids.
     */
    public static List<String> planVisits(CoreContext coord, String counsellorId, int n, LocalDate day, String tag) {
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Resident r = coord.residents()
                    .create(new ResidentForm(
                            "Mme",
                            "Résidente" + tag + i,
                            "Odette",
                            LocalDate.of(1941, 6, 2),
                            "04 91 00 00 " + String.format("%02d", i % 100),
                            (i + 1) + " impasse des Tilleuls",
                            "13014",
                            "Marseille",
                            "Sonner longtemps",
                            "elderly",
                            counsellorId))
                    .value();
            LocalTime start = LocalTime.of(8, 0).plusMinutes(30L * (i % 24));
            AgendaItem a = coord.agenda()
                    .plan(new AppointmentForm(
                            r.id(),
                            counsellorId,
                            "home_visit",
                            day,
                            start,
                            Duration.ofMinutes(30),
                            null,
                            "Visite " + tag + i))
                    .value();
            appointments.add(a.appointmentId());
        }
        SyncReport r = coord.sync().syncNow().join();
        if (!r.ok()) {
            throw new IllegalStateException("the coordinator's sync failed: " + r.message());
        }
        return appointments;
    }

    /** The counsellor writes and completes the report of an appointment, with photos (JPEG bytes). */
    public static VisitReport completeVisit(
            CoreContext tablet, String appointmentId, String synthesis, List<byte[]> photos) {
        VisitReport draft = tablet.visits()
                .openForAppointment(appointmentId)
                .orElseThrow(
                        () -> new IllegalStateException("appointment " + appointmentId + " unknown on the device"));
        draft = tablet.visits()
                .saveDraft(draft.withMedium("home_visit")
                        .withDomains(List.of("energie", "budget"))
                        .withSynthesis(synthesis)
                        .withFollowUp("Rappeler dans une semaine")
                        .withVisitAttested(true)
                        .withFollowUpDue(LocalDate.now(CoreContext.PARIS).plusDays(7)))
                .value();
        for (int i = 0; i < photos.size(); i++) {
            var attached = tablet.documents()
                    .attach(
                            draft.id(),
                            new CapturedImage(photos.get(i), "image/jpeg", "document-" + i + ".jpg"),
                            "facture");
            if (!attached.isOk()) {
                throw new IllegalStateException("photo refused: " + attached.message());
            }
        }
        var done = tablet.visits().complete(draft.id());
        if (!done.isOk()) {
            throw new IllegalStateException("report not completed: " + done.message());
        }
        return done.value();
    }

    /**
     * One sync that must leave the device up to date: it succeeds, nothing waits to be sent and nothing is set aside;
     * otherwise an {@link AssertionError} that says why.
     */
    public static void syncUpToDate(CoreContext device) {
        SyncReport r = device.sync().syncNow().join();
        if (!r.ok()) {
            throw new AssertionError("the sync failed: " + r.message());
        }
        if (!device.sync().pendingItems().isEmpty()) {
            throw new AssertionError(
                    "still waiting to be sent: " + device.sync().pendingItems());
        }
        if (!device.sync().quarantinedItems().isEmpty()) {
            throw new AssertionError("set aside: " + device.sync().quarantinedItems());
        }
    }

    /** The photos attached to a report on its device. */
    public static List<PhotoItem> photos(CoreContext tablet, String reportId) {
        return tablet.documents().photos(reportId);
    }

    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception ignored) {
                // closing everything anyway
            }
        }
        if (server != null) {
            server.close();
        }
    }
}
