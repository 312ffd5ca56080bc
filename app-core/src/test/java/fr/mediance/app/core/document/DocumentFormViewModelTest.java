package fr.mediance.app.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.CodeDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Describing a photo just taken: French amounts and dates, messages beside the fields, retention by type. */
class DocumentFormViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS); // Friday 27/11/2026
    CoreContext core;
    DocumentFormViewModel vm;
    String reportId;
    String documentId;
    final List<String> messages = new ArrayList<>();
    int saved;

    @BeforeEach
    void setUp() {
        Visits.seed(server, 1);
        server.serverWrite(new CodeDto("document_type", "avis_imposition", "Avis d'imposition", null, 2, true, "P3Y"));
        server.serverWrite(new CodeDto("document_type", "quittance", "Quittance", null, 3, true, null));
        server.serverWrite(new CodeDto("document_purpose", "fsl", "Dossier FSL", null, 1, true, null));
        server.serverWrite(new CodeDto("document_purpose", "cheque_energie", "Chèque énergie", null, 2, true, null));
        server.serverWrite(
                new CodeDto("setting", "retention_default", "Conservation par défaut", null, 1, true, "P6M"));
        core = TestCores.signedIn(dir, clock, server, "conseil1");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        reportId = core.visits().openForAppointment("apt-1").orElseThrow().id();
        documentId = core.documents()
                .attach(reportId, new CapturedImage(Visits.bytes(2000, 1), "image/png", null), "facture")
                .value()
                .id();
        vm = new DocumentFormViewModel(
                core.documents(), core.reference(), clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
        vm.setOnSaved(() -> saved++);
        assertThat(vm.load(documentId).join()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    @Test
    void a_new_photo_gets_the_default_retention_of_its_type_or_of_the_service() {
        assertThat(core.documents().find(documentId).orElseThrow().retentionUntil())
                .isEqualTo(LocalDate.of(2027, 5, 27));
        assertThat(vm.retentionProperty().get()).isEqualTo("27/05/2027"); // setting: six months

        vm.typeProperty().set("avis_imposition");
        assertThat(vm.retentionProperty().get()).isEqualTo("27/11/2029"); // the type's value: three years
        assertThat(core.documents().defaultRetention("quittance", LocalDate.of(2026, 11, 27)))
                .isEqualTo(LocalDate.of(2027, 5, 27));
    }

    @Test
    void without_the_setting_a_document_is_kept_one_year() {
        server.serverWrite(
                new CodeDto("setting", "retention_default", "Conservation par défaut", null, 1, true, "bad"));
        core.sync().syncNow().join();
        assertThat(core.documents().defaultRetention("quittance", LocalDate.of(2026, 11, 27)))
                .isEqualTo(LocalDate.of(2027, 11, 27));
    }

    @Test
    void a_retention_typed_by_the_user_no_longer_follows_the_type() {
        vm.retentionProperty().set("31/12/2027");
        vm.typeProperty().set("avis_imposition");
        assertThat(vm.retentionProperty().get()).isEqualTo("31/12/2027");
    }

    @Test
    void the_description_is_saved_with_the_amount_in_cents_and_french_dates() {
        vm.typeProperty().set("facture");
        vm.titleProperty().set("  Électricité novembre ");
        vm.issuerProperty().set("EDF");
        vm.amountProperty().set("1 234,5 €");
        vm.dueDateProperty().set("15/12/2026");
        vm.setPurposeSelected("fsl", true);

        assertThat(vm.save().join()).isTrue();

        PhotoItem p = core.documents().find(documentId).orElseThrow();
        assertThat(p.title()).isEqualTo("Électricité novembre");
        assertThat(p.issuer()).isEqualTo("EDF");
        assertThat(p.amountCents()).isEqualTo(123450L);
        assertThat(p.dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(p.purpose()).containsExactly("fsl");
        assertThat(p.retentionUntil()).isEqualTo(LocalDate.of(2027, 5, 27));
        assertThat(saved).isEqualTo(1);
        assertThat(messages).containsExactly("Document enregistré.");
        assertThat(core.documents().forResident("res-1"))
                .extracting(PhotoItem::id)
                .containsExactly(documentId);
    }

    @Test
    void bad_input_gets_a_message_beside_each_field_and_nothing_typed_is_lost() {
        vm.typeProperty().set(null);
        vm.titleProperty().set("x".repeat(201));
        vm.amountProperty().set("douze euros");
        vm.dueDateProperty().set("31/02/2026");
        vm.retentionProperty().set("01/01/2020");

        assertThat(vm.save().join()).isFalse();

        assertThat(vm.typeErrorProperty().get()).isEqualTo("Choisissez le type de document.");
        assertThat(vm.titleErrorProperty().get()).isEqualTo("Texte trop long (200 caractères au plus).");
        assertThat(vm.amountErrorProperty().get())
                .isEqualTo("Montant invalide : tapez des chiffres, par exemple 412,30.");
        assertThat(vm.dueDateErrorProperty().get())
                .isEqualTo("Date impossible : utilisez le format jj/mm/aaaa (par exemple 05/03/2026).");
        assertThat(vm.retentionErrorProperty().get()).isEqualTo("La date de conservation est déjà passée.");
        assertThat(vm.formErrorProperty().get()).isEqualTo("Corrigez les champs signalés.");
        assertThat(vm.amountProperty().get()).isEqualTo("douze euros");
        assertThat(vm.dueDateProperty().get()).isEqualTo("31/02/2026");
        assertThat(vm.titleProperty().get()).hasSize(201);
        assertThat(core.documents().find(documentId).orElseThrow().title()).isNull();
        assertThat(saved).isZero();

        vm.amountProperty().set("12");
        assertThat(vm.amountErrorProperty().get()).isEmpty();
    }

    @Test
    void a_blank_retention_is_required_and_an_impossible_one_is_refused() {
        vm.retentionProperty().set("");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.retentionErrorProperty().get()).isEqualTo("Indiquez jusqu'à quand conserver le document.");
        vm.retentionProperty().set("2027-01-01");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.retentionErrorProperty().get()).startsWith("Date impossible");
    }

    @Test
    void the_service_refuses_a_past_retention_and_a_document_of_a_completed_report() {
        assertThat(core.documents()
                        .describe(
                                documentId,
                                new DocumentMetadata(
                                        "facture", null, null, null, null, List.of(), LocalDate.of(2026, 11, 26)))
                        .fieldErrors())
                .containsKey("retentionUntil");
        assertThat(core.documents()
                        .describe(
                                documentId,
                                new DocumentMetadata("facture", null, null, null, null, List.of("inconnu"), null))
                        .fieldErrors())
                .containsKey("purpose");
        core.visits()
                .saveDraft(core.visits()
                        .find(reportId)
                        .orElseThrow()
                        .withDomains(List.of("energie"))
                        .withSynthesis("Facture reçue.")
                        .withVisitAttested(true));
        assertThat(core.visits().complete(reportId).isOk()).isTrue();
        assertThat(core.documents()
                        .describe(documentId, new DocumentMetadata("facture", "t", null, null, null, List.of(), null))
                        .isOk())
                .isFalse();
    }

    @Test
    void an_amount_the_office_would_refuse_is_refused_offline_beside_the_field() {
        vm.typeProperty().set("facture");
        vm.amountProperty().set("2 000 000,00");

        assertThat(vm.save().join()).isFalse();

        assertThat(vm.amountErrorProperty().get())
                .startsWith("Montant invalide : entre 0 et 1")
                .endsWith("000,00 €.");
        assertThat(vm.formErrorProperty().get()).isEqualTo("Corrigez les champs signalés.");
        assertThat(core.documents().find(documentId).orElseThrow().amountCents())
                .isNull();
        assertThat(core.documents()
                        .describe(
                                documentId,
                                new DocumentMetadata(
                                        "facture",
                                        null,
                                        null,
                                        fr.mediance.protocol.Limits.MAX_AMOUNT_CENTS,
                                        null,
                                        List.of(),
                                        null))
                        .isOk())
                .isTrue();
    }

    @Test
    void a_due_date_or_a_retention_in_2206_is_refused_offline_beside_the_field() {
        vm.typeProperty().set("facture");
        vm.dueDateProperty().set("15/12/2206");
        vm.retentionProperty().set("15/12/2206");

        assertThat(vm.save().join()).isFalse();

        String implausible = "Date peu plausible : l'année doit être comprise entre 2000 et 2100.";
        assertThat(vm.dueDateErrorProperty().get()).isEqualTo(implausible);
        assertThat(vm.retentionErrorProperty().get()).isEqualTo(implausible);
        assertThat(core.documents().find(documentId).orElseThrow().dueDate()).isNull();
    }

    @Test
    void a_very_long_retention_period_stops_at_the_last_date_the_office_accepts() {
        server.serverWrite(new CodeDto("document_type", "acte", "Acte notarié", null, 4, true, "P100Y"));
        core.sync().syncNow().join();

        assertThat(core.documents().defaultRetention("acte", LocalDate.of(2026, 11, 27)))
                .isEqualTo(LocalDate.of(2100, 12, 31));
        vm.typeProperty().set("acte");
        assertThat(vm.save().join()).isTrue();
        assertThat(core.documents().find(documentId).orElseThrow().retentionUntil())
                .isEqualTo(LocalDate.of(2100, 12, 31));
    }
}
