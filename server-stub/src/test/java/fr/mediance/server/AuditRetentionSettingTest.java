package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code MEDIANCE_AUDIT_RETENTION_MONTHS}: 6 to 12 months, 12 when unset, a French refusal otherwise. */
class AuditRetentionSettingTest {
    @Test
    void twelveMonthsByDefaultAndSixToTwelveAccepted() {
        assertThat(ServerMain.auditRetentionMonths(Map.of())).isEqualTo(12);
        assertThat(ServerMain.auditRetentionMonths(Map.of("MEDIANCE_AUDIT_RETENTION_MONTHS", "6")))
                .isEqualTo(6);
        assertThat(ServerMain.auditRetentionMonths(Map.of("MEDIANCE_AUDIT_RETENTION_MONTHS", " 9 ")))
                .isEqualTo(9);
    }

    @Test
    void aRetentionOutsideTheRangeOrNotANumberIsRefusedInFrench() {
        assertThatThrownBy(() -> ServerMain.auditRetentionMonths(Map.of("MEDIANCE_AUDIT_RETENTION_MONTHS", "36")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("la durée de conservation du journal va de 6 à 12 mois (reçu 36).");
        assertThatThrownBy(() -> ServerMain.auditRetentionMonths(Map.of("MEDIANCE_AUDIT_RETENTION_MONTHS", "un an")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entre 6 et 12");
    }
}
