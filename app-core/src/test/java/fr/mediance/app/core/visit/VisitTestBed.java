package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.platform.DocumentCapture;
import fr.mediance.app.core.signature.Signature;
import fr.mediance.app.core.signature.SignatureService;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counsellor's device, synchronised with an office that knows Fatima Benali and her home appointment "a1" on
 * Friday 27/11/2026, and the visit report's view model opened on that appointment (executors run at once).
 * {@link #simple} has the few code lists of a first report and a camera; {@link #full} every list of the full
 * report, two mandates (water, active; energy, expired) and a signature pad.
 */
final class VisitTestBed implements AutoCloseable {

    /**
     * The set-up of a test of the visit report: a bed opened before each test in its own folder ({@link #full}
     * unless {@link #open} says otherwise) and closed after it. A test of one part takes its part from {@link #vm}
     * in its own {@code @BeforeEach}, which runs after this one.
     */
    abstract static class ReportTest {

        @TempDir
        Path dir;

        VisitTestBed bed;
        VisitReportViewModel vm;

        /** The bed this test runs on. */
        VisitTestBed open(Path dir) {
            return full(dir);
        }

        @BeforeEach
        final void openBed() {
            bed = open(dir);
            vm = bed.vm;
        }

        @AfterEach
        final void closeBed() {
            bed.close();
        }

        /** The report as saved on the device. */
        VisitReport saved() {
            return bed.saved();
        }
    }

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0); // Friday 27/11/2026, 09:00 in Paris
    final List<String> messages = new ArrayList<>();
    final List<Signature> signed = new ArrayList<>();
    final SignatureService signatures = (residentId, reportId, title, signature) -> {
        signed.add(signature);
        return "sig-" + signed.size();
    };
    /** What the camera gives next (empty: the counsellor cancelled). */
    Optional<CapturedImage> nextCapture =
            Optional.of(new CapturedImage(VisitReportViewModelTest.JPEG, "image/jpeg", "facture.jpg"));

    final DocumentCapture capture = () -> CompletableFuture.completedFuture(nextCapture);
    private final boolean full;
    CoreContext core;
    VisitReportViewModel vm;

    private VisitTestBed(boolean full) {
        this.full = full;
    }

    /** Medium, domains (energie, budget) and document types; a resident with access notes; a camera. */
    static VisitTestBed simple(Path dir) {
        VisitTestBed bed = new VisitTestBed(false);
        FakeOfficeServer server = bed.server;
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addCode("medium", "home_visit", "Visite à domicile", 1);
        server.addCode("medium", "phone", "Téléphone", 2);
        server.addCode("domain", "energie", "Énergie", 1);
        server.addCode("domain", "budget", "Budget", 2);
        server.addCode("document_type", "facture", "Facture", 1);
        server.addCode("document_type", "avis_imposition", "Avis d'imposition", 2);
        server.serverWrite(new ResidentDto(
                "r1",
                "s1",
                "D-1",
                null,
                "Benali",
                "Fatima",
                null,
                "06 12 34 56 78",
                "12 rue des Lilas",
                "13015",
                "Marseille",
                "Digicode 1234B",
                null,
                "u-c1"));
        return bed.start(dir);
    }

    /** Every list of the full report (domains energie, eau), the mandates m-eau (active) and m-old (expired). */
    static VisitTestBed full(Path dir) {
        VisitTestBed bed = new VisitTestBed(true);
        bed.nextCapture = Optional.empty();
        FakeOfficeServer server = bed.server;
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        FullReportViewModelTest.seedCodes(server);
        server.serverWrite(new ResidentDto(
                "r1",
                "s1",
                "D-1",
                null,
                "Benali",
                "Fatima",
                null,
                "06 12 34 56 78",
                "12 rue des Lilas",
                "13015",
                "Marseille",
                null,
                null,
                "u-c1"));
        server.serverWrite(FullReportViewModelTest.mandate("m-eau", List.of("eau"), "2026-11-01", "2027-04-30", null));
        server.serverWrite(
                FullReportViewModelTest.mandate("m-old", List.of("energie"), "2026-01-01", "2026-06-30", null));
        return bed.start(dir);
    }

    private VisitTestBed start(Path dir) {
        server.serverWrite(new AppointmentDto(
                "a1",
                "s1",
                "r1",
                "u-c1",
                "home_visit",
                Instant.parse("2026-11-27T09:30:00Z"),
                Instant.parse("2026-11-27T10:30:00Z"),
                "confirmed",
                null,
                null,
                null));
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        vm = newViewModel();
        assertThat(vm.load("a1").join()).isTrue();
        return this;
    }

    /** Another view model on the same device (the screen opened again). */
    VisitReportViewModel newViewModel() {
        VisitReportViewModel m = full
                ? new VisitReportViewModel(
                        core.visits(),
                        core.documents(),
                        core.agenda(),
                        core.residents(),
                        core.reference(),
                        capture,
                        core.sync(),
                        core.mandates()::activeCovering,
                        signatures,
                        clock,
                        core.zone(),
                        TEXTS,
                        Runnable::run,
                        Runnable::run)
                : new VisitReportViewModel(
                        core.visits(),
                        core.documents(),
                        core.agenda(),
                        core.reference(),
                        capture,
                        core.sync(),
                        clock,
                        core.zone(),
                        TEXTS,
                        Runnable::run,
                        Runnable::run);
        m.setOnMessage(messages::add);
        return m;
    }

    /** The report as saved on the device. */
    VisitReport saved() {
        return core.visits().find(vm.reportId()).orElseThrow();
    }

    /** A home visit about energy with its synthesis: complete but for the signature or the attestation. */
    void fillValid() {
        vm.contact().mediumProperty().set("home_visit");
        vm.contact().setDomainSelected("energie", true);
        vm.contact()
                .synthesisProperty()
                .set(
                        full
                                ? "Facture EDF de 412,50 € en retard ; échéancier demandé."
                                : "Facture EDF de 412 € en retard ; échéancier demandé.");
    }

    /** {@link #fillValid} and "Visite attestée sans signature": the visit can be terminated. */
    void fillValidAttested() {
        fillValid();
        vm.signature().attestedProperty().set(true);
    }

    /** Opens the action form and types an action to EDF Solidarité. */
    void typeAction(String type, String domain, boolean onBehalf) {
        vm.actions().newAction();
        ActionEditor a = vm.actions().editor();
        a.typeProperty().set(type);
        a.domainProperty().set(domain);
        a.targetProperty().set("EDF Solidarité");
        a.onBehalfProperty().set(onBehalf);
    }

    @Override
    public void close() {
        core.close();
        server.close();
    }
}
