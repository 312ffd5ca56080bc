package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.json.MedianceJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit log's shared rules: what a device may send, and who reads and exports. */
class AuditTest {
    static final Instant T = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void aDevicesReadOfAResidentIsFine() {
        assertThat(Audit.problems(AuditEventDto.fromDevice("e1", T, Audit.READ, "resident", "r1", "r1", "fiche")))
                .isEmpty();
        assertThat(Audit.problems(AuditEventDto.fromDevice("e1", T, Audit.PRINT, "document", "d1", null, null)))
                .isEmpty();
    }

    @Test
    void aWriteAnUnknownTypeOrOversizedFieldsAreRefusedInFrench() {
        assertThat(Audit.problems(AuditEventDto.fromDevice("e1", T, Audit.UPDATE, "resident", "r1", "r1", null)))
                .containsExactly("L'action doit être l'une de : export, print, read, share.");
        assertThat(Audit.problems(AuditEventDto.fromDevice("e1", T, Audit.READ, "dossier", "r1", "r1", null)))
                .containsExactly("Le type d'enregistrement « dossier » est inconnu.");
        assertThat(Audit.problems(AuditEventDto.fromDevice(
                        "x".repeat(65), null, Audit.READ, "resident", "", "r".repeat(65), "s".repeat(501))))
                .hasSize(5);
    }

    @Test
    void onlyTheAdminReadsTheLogAndTheCounsellorDoesNotExport() {
        assertThat(List.of(Role.values()).stream().filter(Audit::mayReadLog)).containsExactly(Role.ADMIN);
        assertThat(List.of(Role.values()).stream().filter(Audit::mayExportResident))
                .containsExactly(Role.COORDINATOR, Role.OFFICE, Role.ADMIN);
    }

    @Test
    void theWireTypesRoundTrip() {
        AuditEventDto e =
                new AuditEventDto("e1", T, "u1", "conseil1", "tab", "device", "read", "resident", "r1", "r1", "fiche");
        AuditPage page = new AuditPage(List.of(e), "12");
        assertThat(MedianceJson.gson().fromJson(MedianceJson.gson().toJson(page), AuditPage.class))
                .isEqualTo(page);
        AuditEventsRequest req = new AuditEventsRequest(List.of(e));
        assertThat(MedianceJson.gson().fromJson(MedianceJson.gson().toJson(req), AuditEventsRequest.class))
                .isEqualTo(req);
        assertThat(MedianceJson.gson().toJson(new AuditEventsReceipt(2, 1)))
                .isEqualTo("{\"stored\":2,\"alreadyStored\":1}");
    }
}
