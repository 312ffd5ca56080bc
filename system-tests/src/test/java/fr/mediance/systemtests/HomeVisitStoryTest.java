package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AppointmentForm;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.office.ReceivedReport;
import fr.mediance.app.core.office.ReportDetail;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.Role;
import fr.mediance.testing.TestImages;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain of a home visit, with the office server as its own process: a coordinator plans, the
 * counsellor's tablet receives the appointment, works through a server outage, and the office receives the
 * report and its photo byte for byte.
 */
class HomeVisitStoryTest {
    private static final String PASSWORD = "Demo-" + UUID.randomUUID();
    private static final Map<String, String> ENV = Map.of("MEDIANCE_DEMO_PASSWORD", PASSWORD);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        open.add(resource);
        return resource;
    }

    private CoreContext device(String name, OkHttpClient http) {
        CoreContext.Builder b =
                CoreContext.builder(tmp.resolve("devices").resolve(name)).pinIterations(1_000);
        if (http != null) {
            b.httpClient(http);
        }
        return keep(b.build());
    }

    private ServerProcess startServer(Path dataDir, int port) {
        return keep(ServerProcess.start(dataDir, port, true, ENV, ServerProcess.defaultStartTimeout()));
    }

    @Test
    void aHomeVisitReachesTheOfficeThroughAServerOutageWithoutLossOrDuplicate() throws Exception {
        int port = ServerProcess.freePort();
        Path serverData = tmp.resolve("server").resolve("data");
        ServerProcess server = startServer(serverData, port);
        String url = server.baseUrl().toString();

        // The coordinator creates a resident and a home appointment for conseil1.
        CoreContext coord = device("coord", null);
        coord.login(url, "coord", PASSWORD);
        coord.choosePin("482913");
        assertThat(coord.sync().syncNow().join().ok()).isTrue();
        assertThat(coord.reference().refreshUsers().isOk()).isTrue();
        UserItem conseil1 = coord.reference().users(Role.COUNSELLOR).stream()
                .filter(u -> u.username().equals("conseil1"))
                .findFirst()
                .orElseThrow();
        Resident resident = coord.residents()
                .create(new ResidentForm(
                        "Mme",
                        "Ferrand",
                        "Odette",
                        LocalDate.of(1941, 6, 2),
                        "04 91 00 00 01",
                        "3 impasse des Tilleuls",
                        "13014",
                        "Marseille",
                        "2e étage sans ascenseur, sonner longtemps",
                        "elderly",
                        conseil1.id()))
                .value();
        LocalDate day = LocalDate.now(CoreContext.PARIS).plusDays(1);
        AgendaItem planned = coord.agenda()
                .plan(new AppointmentForm(
                        resident.id(),
                        conseil1.id(),
                        "home_visit",
                        day,
                        LocalTime.of(10, 0),
                        Duration.ofHours(1),
                        null,
                        "Apporter le dossier FSL"))
                .value();
        SyncReport coordPush = coord.sync().syncNow().join();
        assertThat(coordPush.ok()).as(coordPush.message()).isTrue();
        assertThat(coordPush.pushed()).isEqualTo(2);

        // The counsellor's tablet receives it.
        PushRecorder recorder = new PushRecorder();
        CoreContext tablet = device(
                "tablet", new OkHttpClient.Builder().addInterceptor(recorder).build());
        tablet.login(url, "conseil1", PASSWORD);
        tablet.choosePin("739164");
        assertThat(tablet.sync().syncNow().join().ok()).isTrue();
        AgendaItem received = tablet.agenda().find(planned.appointmentId()).orElseThrow();
        assertThat(received.residentName()).contains("Ferrand");
        assertThat(received.accessNotes()).isEqualTo("2e étage sans ascenseur, sonner longtemps");

        // The server goes away; the visit happens offline.
        server.stop();
        VisitReport draft =
                tablet.visits().openForAppointment(planned.appointmentId()).orElseThrow();
        draft = tablet.visits()
                .saveDraft(draft.withMedium("home_visit")
                        .withDomains(List.of("energie", "budget"))
                        .withSynthesis("Facture d'électricité de 412,50 € impayée, échéance le 28/11.")
                        .withFollowUp("Appeler EDF Solidarité pour un échéancier")
                        .withFollowUpDue(day.plusDays(7))
                        .withVisitAttested(true))
                .value();
        byte[] photo = TestImages.bill(1600, 1200, 0.8f, 42);
        PhotoItem attached = tablet.documents()
                .attach(draft.id(), new CapturedImage(photo, "image/jpeg", "facture.jpg"), "facture")
                .value();
        assertThat(tablet.visits().complete(draft.id()).isOk()).isTrue();
        SyncReport offline = tablet.sync().syncNow().join();
        assertThat(offline.result()).isEqualTo(SyncReport.Result.OFFLINE);
        assertThat(tablet.sync().pendingItems()).isNotEmpty();

        // The server is back where the tablet expects it; the tablet pushes twice.
        startServer(serverData, port);
        SyncReport first = tablet.sync().syncNow().join();
        assertThat(first.ok()).as(first.message()).isTrue();
        assertThat(first.rejected()).isZero();
        assertThat(first.photosSent()).isEqualTo(1);
        assertThat(tablet.sync().pendingItems()).isEmpty();
        SyncReport second = tablet.sync().syncNow().join();
        assertThat(second.ok()).isTrue();
        assertThat(second.pushed()).isZero();
        assertThat(second.photosSent()).isZero();

        // Replaying the tablet's push on the wire changes nothing: same receipts, no new change in the feed.
        List<String> pushes = recorder.bodies();
        String lastPush = pushes.get(pushes.size() - 1);
        RawApi office = new RawApi(server.baseUrl());
        office.login("bureau", PASSWORD, "system-test-office");
        String cursorBefore = office.cursorAtEnd();
        RawApi replay = new RawApi(server.baseUrl());
        replay.login("conseil1", PASSWORD, "system-test-replay");
        PushResponse replayed = replay.push(lastPush);
        assertThat(replayed.results())
                .isNotEmpty()
                .allSatisfy((OperationResultDto r) -> assertThat(r.version()).isNotNull());
        assertThat(office.changes(cursorBefore).changes()).isEmpty();

        // The office receives one report with its photo, byte-identical.
        CoreContext desk = device("office", null);
        desk.login(url, "bureau", PASSWORD, DemoCodes.next("bureau"));
        desk.choosePin("205817");
        assertThat(desk.sync().syncNow().join().ok()).isTrue();
        String reportId = draft.id();
        List<ReceivedReport> reports = desk.office().receivedReports().stream()
                .filter(r -> r.reportId().equals(reportId))
                .toList();
        assertThat(reports)
                .as("the demo's earlier reports aside, this visit's report once")
                .hasSize(1);
        assertThat(reports.get(0).photoCount()).isEqualTo(1);
        ReportDetail detail = desk.office().open(draft.id()).orElseThrow();
        assertThat(detail.report().synthesis())
                .isEqualTo("Facture d'électricité de 412,50 € impayée, échéance le 28/11.");
        assertThat(detail.report().domains()).containsExactly("energie", "budget");
        assertThat(detail.photos())
                .singleElement()
                .satisfies(p -> assertThat(p.sha256()).isEqualTo(sha256(photo)));
        byte[] downloaded = desk.office().photo(attached.id()).value();
        assertThat(sha256(downloaded)).isEqualTo(sha256(photo));
        assertThat(downloaded).isEqualTo(photo);
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
