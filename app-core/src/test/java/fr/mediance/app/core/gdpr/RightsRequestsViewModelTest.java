package fr.mediance.app.core.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.resident.CounsellorStoreTest;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.RightsRequestDto;
import fr.mediance.protocol.RightsRequestsResponse;
import fr.mediance.protocol.json.MedianceJson;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** « Demandes RGPD »: the register as the office reads it, and the form's checks before anything is sent. */
class RightsRequestsViewModelTest extends CounsellorStoreTest {
    RightsRequestsViewModel vm;

    @BeforeEach
    void open() {
        vm = new RightsRequestsViewModel(
                core.rightsRequests(), clock, ZoneId.of("Europe/Paris"), Runnable::run, Runnable::run);
    }

    static RightsRequestDto request(String id, String label, String kind, String status, boolean overdue) {
        return new RightsRequestDto(
                id,
                "r1",
                label,
                kind,
                LocalDate.of(2026, 10, 20),
                LocalDate.of(2026, 11, 20),
                false,
                null,
                status,
                "answered".equals(status) ? LocalDate.of(2026, 11, 2) : null,
                null,
                overdue);
    }

    @Test
    void theRegisterShowsTheOpenRequestsTheOverdueOnesAndAnonymisedFiles() {
        server.answerRaw(
                ApiPaths.GDPR_REQUESTS,
                MedianceJson.gson()
                        .toJson(new RightsRequestsResponse(List.of(
                                request("q1", "Bénali Fatima", "rectification", "open", true),
                                request("q2", "", "erasure", "answered", false)))));
        vm.refresh().join();

        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.rows().get(0).status()).isEqualTo("En retard");
        assertThat(vm.rows().get(0).kind()).isEqualTo("Rectification");
        assertThat(vm.rows().get(0).due()).isEqualTo("20/11/2026");
        assertThat(vm.rows().get(1).person()).isEqualTo("Dossier anonymisé");
        assertThat(vm.rows().get(1).status()).isEqualTo("Traitée le 02/11");
        assertThat(vm.summaryProperty().get()).startsWith("1 demande en cours, dont 1 en retard");
        assertThat(vm.residents())
                .extracting(RightsRequestsViewModel.Choice::id)
                .contains("r1");
    }

    @Test
    void anIncompleteRequestIsRefusedBesideItsFieldsAndNothingIsSent() {
        int pushes = server.pushes.get();
        vm.extendedProperty().set(true);
        vm.receivedOnProperty().set("31/02/2026");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errorProperty("receivedOn").get()).isEqualTo("Date invalide (exemple : 31/01/2026).");

        vm.receivedOnProperty().set("20/11/2026");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errorProperty("residentId").get()).isEqualTo("Choisissez la personne concernée.");
        assertThat(vm.errorProperty("extensionReason").get()).startsWith("Une prolongation de deux mois se motive");
        assertThat(server.pushes.get()).isEqualTo(pushes);
    }
}
