package fr.mediance.app.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.testing.SyncedCounsellorCase;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.AuditEventDto;
import fr.mediance.protocol.EntityType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the tablet shows offline goes into the audit log: queued in the encrypted store (a kill loses none), sent by
 * the sync in batches, forgotten once the server has it, and stored once even when an answer is lost.
 */
class AccessLogTest extends SyncedCounsellorCase {
    long pending() {
        return core.accessLog().pending();
    }

    @Test
    void openingAFileQueuesOneReadAndAReloadSoonAfterIsTheSameOpening() {
        assertThat(core.residentFiles().file(Visits.RESIDENT.id())).isPresent();
        assertThat(core.residentFiles().file(Visits.RESIDENT.id())).isPresent();
        List<AuditEventDto> queued = core.accessLog().queued(10);
        assertThat(queued).hasSize(1);
        AuditEventDto e = queued.get(0);
        assertThat(e.action()).isEqualTo(Audit.READ);
        assertThat(e.entityType()).isEqualTo("resident");
        assertThat(e.entityId()).isEqualTo(Visits.RESIDENT.id());
        assertThat(e.residentId()).isEqualTo(Visits.RESIDENT.id());
        assertThat(e.at()).isEqualTo(clock.instant());
        assertThat(e.accountId()).isNull(); // the server's to say

        clock.advance(AccessLog.SAME_OPENING);
        core.residentFiles().file(Visits.RESIDENT.id());
        assertThat(pending()).isEqualTo(2);
    }

    @Test
    void queuedEventsSurviveAKillAndArriveOnceWithTheNextSync() {
        server.goOffline();
        core.residentFiles().file(Visits.RESIDENT.id());
        core.accessLog().record(Audit.PRINT, EntityType.DOCUMENT, "doc-1", Visits.RESIDENT.id(), null);
        assertThat(core.sync().syncNow().join().ok()).isFalse();
        assertThat(pending()).isEqualTo(2);

        core.close(); // the app is killed: the store is all that is left
        core = TestCores.open(dir, clock);
        core.unlock(TestCores.PIN);
        assertThat(pending()).isEqualTo(2);

        server.comeBack();
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(pending()).isZero();
        assertThat(server.auditEvents.values())
                .extracting(AuditEventDto::action)
                .containsExactly(Audit.READ, Audit.PRINT);
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(server.auditEvents).hasSize(2);
    }

    @Test
    void aBatchWhoseAnswerIsLostIsSentAgainAndStoredOnce() {
        core.residentFiles().file(Visits.RESIDENT.id());
        server.dropNextAuditResponses(1);
        assertThat(core.sync().syncNow().join().ok()).isFalse();
        assertThat(server.auditEvents).hasSize(1); // the server has it, the tablet does not know
        assertThat(pending()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(server.auditPosts.get()).isEqualTo(2);
        assertThat(server.auditEvents).hasSize(1);
        assertThat(pending()).isZero();
    }

    @Test
    void moreEventsThanABatchGoInSeveralBatches() {
        for (int i = 0; i < Audit.MAX_EVENTS_PER_BATCH + 5; i++) {
            core.accessLog().record(Audit.READ, EntityType.DOCUMENT, "doc-" + i, Visits.RESIDENT.id(), null);
        }
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(server.auditPosts.get()).isEqualTo(2);
        assertThat(server.auditEvents).hasSize(Audit.MAX_EVENTS_PER_BATCH + 5);
        assertThat(pending()).isZero();
    }

    @Test
    void anEventTheServerWouldRefuseIsNeverQueued() {
        assertThat(core.accessLog().record(Audit.UPDATE, EntityType.RESIDENT, "r", "r", null))
                .isFalse();
        assertThat(core.accessLog().record(Audit.READ, EntityType.RESIDENT, "x".repeat(65), null, null))
                .isFalse();
        assertThat(pending()).isZero();
    }
}
