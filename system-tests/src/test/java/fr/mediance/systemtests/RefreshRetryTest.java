package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.EntityType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer to a token refresh is lost (the link is cut as the server answers): the server has rotated the
 * refresh token, the tablet still holds the old one. The tablet's retry must be answered — not taken for a
 * stolen token — so that it stays signed in and delivers what it holds.
 */
@Timeout(120)
class RefreshRetryTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private SyncWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aRefreshWhoseAnswerIsLostIsRetriedAndTheTabletStaysSignedIn() {
        world = SyncWorld.start(tmp);
        CoreContext coord = world.device("coord", "coord", world.serverUrl());
        String counsellor = SyncWorld.userId(coord, "conseil1");
        List<String> appointments = SyncWorld.planVisits(
                coord, counsellor, 1, LocalDate.now(CoreContext.PARIS).plusDays(1), "R");
        LinkEmulator link = world.link(LinkEmulator.Profile.UNLIMITED, 17);
        Path dir = tmp.resolve("devices").resolve("tablet");
        CoreContext first = world.device("tablet", "conseil1", link.baseUrl());
        first.close();

        // The app starts again: the access token lived in memory only, so its first sync refreshes the session.
        CoreContext tablet =
                world.keep(CoreContext.builder(dir).pinIterations(1_000).build());
        tablet.unlock(SyncWorld.PIN);
        VisitReport report =
                SyncWorld.completeVisit(tablet, appointments.get(0), "Facture d'eau contestée.", List.of());
        RawApi office = world.api("bureau");
        String before = office.cursorAtEnd();
        link.dropResponseTo("POST " + ApiPaths.REFRESH + " ");

        SyncReport sync = tablet.sync().syncNow().join();
        assertThat(link.pendingTriggers())
                .as("the answer to the refresh was dropped")
                .isZero();
        if (!sync.ok()) {
            assertThat(sync.result()).as(sync.message()).isEqualTo(SyncReport.Result.OFFLINE);
            sync = tablet.sync().syncNow().join();
        }
        assertThat(sync.ok()).as(sync.message()).isTrue();
        assertThat(tablet.sync().pendingItems()).isEmpty();
        assertThat(office.rowsSince(before).stream()
                        .filter(r -> r.entity() == EntityType.VISIT_REPORT)
                        .map(ChangeDto::entityId))
                .containsExactly(report.id());
        assertThat(tablet.sync().syncNow().join().ok())
                .as("still signed in afterwards")
                .isTrue();
    }
}
