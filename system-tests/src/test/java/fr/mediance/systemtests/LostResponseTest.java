package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.testing.TestImages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server applies a push and its answer is lost on the way back (the link is cut as the server starts
 * answering): the tablet cannot know, sends the same operations again, and the office has each record once.
 */
@Timeout(120)
class LostResponseTest {
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
    void aPushWhoseAnswerIsLostIsSentAgainOnANewConnectionAndAppliedOnce() {
        lostAnswerThenRetry(false);
    }

    @Test
    void aPushWhoseAnswerIsLostWhileTheLinkStaysDownIsSentAgainAtTheNextSyncAndAppliedOnce() {
        lostAnswerThenRetry(true);
    }

    private void lostAnswerThenRetry(boolean linkStaysDown) {
        world = SyncWorld.start(tmp);
        CoreContext coord = world.device("coord", "coord", world.serverUrl());
        String counsellor = SyncWorld.userId(coord, "conseil1");
        LocalDate day = LocalDate.now(CoreContext.PARIS).plusDays(1);
        List<String> appointments = SyncWorld.planVisits(coord, counsellor, 2, day, "L");

        LinkEmulator link = world.link(LinkEmulator.Profile.UNLIMITED, 11);
        WireLog wire = new WireLog();
        CoreContext tablet = world.device(
                "tablet",
                "conseil1",
                link.baseUrl(),
                new OkHttpClient.Builder().addNetworkInterceptor(wire).build(),
                null);
        RawApi office = world.api("bureau");
        String before = office.cursorAtEnd();

        VisitReport first = SyncWorld.completeVisit(
                tablet, appointments.get(0), "Facture EDF impayée.", List.of(TestImages.bill(800, 600, 0.8f, 1)));
        VisitReport second = SyncWorld.completeVisit(
                tablet, appointments.get(1), "Dossier FSL à compléter.", List.of(TestImages.bill(800, 600, 0.8f, 2)));
        assertThat(tablet.sync().pendingItems())
                .as("two reports, two documents, the two cases they opened, two appointment statuses")
                .hasSize(8);

        if (linkStaysDown) {
            link.afterCut(LinkEmulator.AfterCut.REFUSE);
        }
        link.dropResponseTo("POST " + ApiPaths.SYNC_PUSH + " ");
        SyncReport lost = tablet.sync().syncNow().join();
        assertThat(link.pendingTriggers())
                .as("the answer to the push was dropped")
                .isZero();
        // The server did the work before its answer was lost.
        assertThat(ids(office.rowsSince(before), EntityType.VISIT_REPORT))
                .containsExactlyInAnyOrder(first.id(), second.id());

        SyncReport retried;
        if (linkStaysDown) {
            assertThat(lost.result()).isEqualTo(SyncReport.Result.OFFLINE);
            assertThat(tablet.sync().pendingItems())
                    .as("not acknowledged, so still queued")
                    .hasSize(8);
            link.heal();
            retried = tablet.sync().syncNow().join();
        } else {
            retried = lost; // OkHttp sent the request again on a new connection within the same sync
        }
        assertThat(retried.ok()).as(retried.message()).isTrue();
        assertThat(tablet.sync().pendingItems()).isEmpty();
        assertThat(tablet.sync().quarantinedItems()).isEmpty();
        List<WireLog.Attempt> pushes = wire.attempts(
                a -> a.method().equals("POST") && a.path().equals(ApiPaths.SYNC_PUSH) && a.bodyBytes() > 1_000);
        assertThat(pushes).as("the same push went again on the wire").hasSizeGreaterThanOrEqualTo(2);
        assertThat(pushes)
                .filteredOn(a -> a.status() == 200)
                .as("and one answer came back")
                .hasSize(1);

        // Each record was written once: one change row per record in the office's feed.
        List<ChangeDto> rows = office.rowsSince(before);
        Map<String, Long> perRecord = rows.stream()
                .collect(Collectors.groupingBy(r -> r.entity().code() + ":" + r.entityId(), Collectors.counting()));
        assertThat(perRecord)
                .allSatisfy((record, count) -> assertThat(count).as(record).isEqualTo(1L));
        assertThat(ids(rows, EntityType.VISIT_REPORT)).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(ids(rows, EntityType.APPOINTMENT)).containsExactlyInAnyOrderElementsOf(appointments);
        List<String> photos = Stream.of(first, second)
                .flatMap(r -> tablet.documents().photos(r.id()).stream())
                .map(PhotoItem::id)
                .toList();
        assertThat(photos).hasSize(2);
        assertThat(ids(rows, EntityType.DOCUMENT)).containsExactlyInAnyOrderElementsOf(photos);
        assertThat(ids(rows, EntityType.CASE)).hasSize(2);
    }

    private static List<String> ids(List<ChangeDto> rows, EntityType type) {
        return rows.stream()
                .filter(r -> r.entity() == type)
                .map(ChangeDto::entityId)
                .toList();
    }
}
