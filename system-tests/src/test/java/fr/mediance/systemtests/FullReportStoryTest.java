package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AppointmentForm;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.office.OfficeReportViewModel;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.task.TaskItem;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.testing.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full report against the office server as its own process: the counsellor records an action on behalf of
 * the resident (covered by a mandate held by the server), an orientation, a signature document and follow-ups;
 * the rules of the server's "task_rule" list create their tasks; the office pulls and reads all of it.
 */
class FullReportStoryTest {
    private static final String PASSWORD = "Demo-" + UUID.randomUUID();
    private static final Map<String, String> ENV = Map.of("MEDIANCE_DEMO_PASSWORD", PASSWORD);
    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

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

    private CoreContext device(String name, String url, String username) {
        CoreContext core = keep(CoreContext.builder(tmp.resolve("devices").resolve(name))
                .pinIterations(1_000)
                .build());
        core.login(url, username, PASSWORD, DemoCodes.next(username));
        core.choosePin("739164");
        SyncReport first = core.sync().syncNow().join();
        assertThat(first.ok()).as(first.message()).isTrue();
        return core;
    }

    @Test
    void aFullReportWithAnActionOnBehalfReachesTheOfficeWithItsTasks() {
        ServerProcess server = keep(ServerProcess.start(
                tmp.resolve("server"), ServerProcess.freePort(), true, ENV, ServerProcess.defaultStartTimeout()));
        String url = server.baseUrl().toString();
        LocalDate day = LocalDate.now(CoreContext.PARIS);

        // the coordinator plans a home visit today
        CoreContext coord = device("coord", url, "coord");
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
                        null,
                        "elderly",
                        conseil1.id()))
                .value();
        AgendaItem planned = coord.agenda()
                .plan(new AppointmentForm(
                        resident.id(),
                        conseil1.id(),
                        "home_visit",
                        day,
                        LocalTime.of(23, 30),
                        Duration.ofMinutes(20),
                        null,
                        null))
                .value();
        assertThat(coord.sync().syncNow().join().ok()).isTrue();

        // a mandate for energy, signed earlier, is on the server
        RawApi api = new RawApi(server.baseUrl());
        api.login("conseil1", PASSWORD, "paper-" + UUID.randomUUID());
        MandateDto mandate = new MandateDto(
                UUID.randomUUID().toString(),
                null,
                resident.id(),
                List.of("energie"),
                List.of("EDF"),
                "six_months",
                day.minusDays(3),
                day.plusMonths(6),
                null,
                true,
                "Domicile",
                List.of(conseil1.id()),
                null,
                null,
                "paper",
                Instant.now().minusSeconds(3 * 86_400));
        PushResponse pushed = api.push(MedianceJson.gson()
                .toJson(new PushRequest(
                        "paper-device",
                        List.of(new OperationDto(
                                UUID.randomUUID().toString(),
                                EntityType.MANDATE,
                                mandate.id(),
                                null,
                                false,
                                mandate)))));
        assertThat(pushed.results())
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(OpStatus.APPLIED));

        // the counsellor writes the whole report
        CoreContext tablet = device("tablet", url, "conseil1");
        VisitReport draft =
                tablet.visits().openForAppointment(planned.appointmentId()).orElseThrow();
        PhotoItem signature = tablet.documents()
                .attach(
                        draft.id(),
                        new CapturedImage(TestImages.bill(400, 160, 0.8f, 7), "image/jpeg", "signature.jpg"),
                        "signature")
                .value();
        draft = draft.withDomains(List.of("energie"))
                .withPersonsPresent(List.of("resident"))
                .withSynthesis("Facture d'électricité de 412,50 € impayée ; dossier FSL déposé.")
                .withDurationMinutes(50)
                .withActions(List.of(new ActionDto(
                        UUID.randomUUID().toString(),
                        "demande_aide_fsl",
                        "energie",
                        "Conseil départemental",
                        day,
                        "pending",
                        41_250L,
                        null,
                        "FSL-118",
                        true,
                        mandate.id(),
                        null)))
                .withOrientations(List.of(new OrientationDto(
                        UUID.randomUUID().toString(), "ccas", "Aide alimentaire", day, null, true, null)))
                .withPlannedTasks(List.of(new VisitReport.PlannedTask("Rappeler EDF", day.plusDays(3))))
                .withResidentSignature(signature.id());
        assertThat(tablet.visits().saveDraft(draft).isOk()).isTrue();
        assertThat(tablet.visits().complete(draft.id()).fieldErrors()).isEmpty();
        String reportId = draft.id();
        assertThat(tablet.tasks().mine())
                .filteredOn(t -> reportId.equals(t.visitReportId()))
                .extracting(TaskItem::title)
                .containsExactlyInAnyOrder(
                        "Rappeler EDF", "Vérifier la décision du FSL", "Vérifier la prise en charge de l'orientation");
        SyncReport sent = tablet.sync().syncNow().join();
        assertThat(sent.ok()).as(sent.message()).isTrue();
        assertThat(sent.rejected()).isZero();
        assertThat(tablet.sync().pendingItems()).isEmpty();

        // the office pulls and reads all of it
        CoreContext bureau = device("office", url, "bureau");
        OfficeReportViewModel vm = new OfficeReportViewModel(
                bureau.office(), bureau.reference(), bureau.zone(), TEXTS, Runnable::run, Runnable::run);
        assertThat(vm.load(draft.id()).join()).isTrue();
        assertThat(vm.durationTextProperty().get()).isEqualTo("50 min");
        assertThat(vm.personsTextProperty().get()).isEqualTo("La personne");
        assertThat(vm.actions()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Demande d'aide FSL · Énergie");
            assertThat(a.details()).contains("Montant demandé : 412,50\u00a0€");
            assertThat(a.details())
                    .anySatisfy(d -> assertThat(d).startsWith("Pour le compte de la personne (Mandat du "));
        });
        assertThat(vm.orientations())
                .singleElement()
                .satisfies(o -> assertThat(o.details()).contains("Transmission acceptée par la personne"));
        assertThat(vm.tasks())
                .hasSize(3)
                .anySatisfy(t -> assertThat(t)
                        .startsWith("Vérifier la décision du FSL — échéance "
                                + fr.mediance.app.core.visit.FrenchInput.format(day.plusDays(60))));
        assertThat(vm.signatureTextProperty().get()).isEqualTo("Signé par la personne (document de signature joint).");
        assertThat(vm.photos())
                .extracting(OfficeReportViewModel.PhotoRow::typeLabel)
                .contains("Signature");
    }
}
