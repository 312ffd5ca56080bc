package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tablet's process is killed ({@code kill -9}) 20 times at seeded random moments while it captures
 * reports with photos and syncs them through a link. After each kill the next run opens the store; at the
 * end nothing it printed as committed is missing, its outbox drains, and the office holds every report and
 * every photo exactly once, byte for byte.
 */
@Timeout(300)
class ClientKillTest {
    private static final int KILLS = 20;
    private static final String PIN = "314159";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private SyncWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    private String[] args(Path device, Path photos, LinkEmulator link, int visits) {
        return new String[] {
            "--data-dir",
            device.toString(),
            "--server",
            link.baseUrl().toString(),
            "--user",
            "conseil1",
            "--password",
            world.password(),
            "--pin",
            PIN,
            "--visits",
            Integer.toString(visits),
            "--photos-dir",
            photos.toString(),
            "--photos-per-visit",
            "2",
            "--pin-iterations",
            "1000"
        };
    }

    @Test
    void aTabletKilledTwentyTimesDuringCaptureAndSyncLosesNothingItCommittedAndDeliversEverythingOnce()
            throws Exception {
        world = SyncWorld.start(tmp);
        // A fast link with some delay, so that kills also land while requests are on their way.
        LinkEmulator link = world.link(LinkEmulator.Profile.symmetricRtt("kill", 20_000_000, 50_000_000, 20), 9);
        RawApi office = world.api("bureau");
        String before = office.cursorAtEnd();
        // The demo's earlier reports, which the tablet pulls too, are not this run's.
        Set<String> earlierReports = new HashSet<>();
        String scanned = null;
        ChangesResponse page;
        do {
            page = office.changes(scanned, 1000);
            page.changes().stream()
                    .filter(r -> r.entity() == EntityType.VISIT_REPORT)
                    .forEach(r -> earlierReports.add(r.entityId()));
            scanned = page.cursor();
        } while (page.hasMore());
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        for (int i = 0; i < 5; i++) {
            Files.write(photos.resolve("facture-" + i + ".jpg"), TestImages.bill(1200, 900, 0.85f, 100 + i));
        }
        Path device = tmp.resolve("tablet");
        Path log = tmp.resolve("headless.log");

        Set<String> reports = new LinkedHashSet<>();
        Map<String, String> photoShas = new LinkedHashMap<>();
        Random random = new Random(20261126);
        int endedByThemselves = 0;
        int kills = 0;
        // A run that ends by itself before its kill moment (the faster the sync, the more often) is not counted:
        // runs go on until KILLS kills, within a bound.
        for (int run = 0; kills < KILLS && run < 4 * KILLS; run++) {
            HeadlessProcess p = HeadlessProcess.start(null, log, "capture-loop", args(device, photos, link, 5));
            try {
                assertThat(p.awaitLine(l -> l.startsWith("ready "), Duration.ofSeconds(60)))
                        .as("run %d: the store opens (%s)", run, p.lines())
                        .isTrue();
                // A random moment of capture and sync, including the first sync of a run, which refreshes the
                // session (the access token lives in memory only): a kill between the server's rotation of the
                // refresh token and the device storing the new pair must not sign the device out.
                Thread.sleep(random.nextInt(1_500));
                if (p.isAlive()) {
                    p.kill();
                    kills++;
                } else {
                    endedByThemselves++;
                }
            } finally {
                p.close();
            }
            collect(p.lines(), reports, photoShas);
        }
        assertThat(kills).isEqualTo(KILLS);

        // The drafts a kill left are completed, then everything is sent.
        HeadlessProcess finish = HeadlessProcess.start(null, log, "capture-loop", args(device, photos, link, 0));
        assertThat(finish.waitFor(Duration.ofSeconds(120)))
                .as(finish.lines().toString())
                .isZero();
        collect(finish.lines(), reports, photoShas);
        HeadlessProcess drain = HeadlessProcess.start(
                null, log, "drain", "--data-dir", device.toString(), "--pin", PIN, "--interval-ms", "200");
        assertThat(drain.waitFor(Duration.ofSeconds(120)))
                .as(drain.lines().toString())
                .isZero();
        assertThat(drain.lines()).contains("drained");

        // Nothing committed is missing on the device, and everything is received.
        HeadlessProcess list = HeadlessProcess.start(null, log, "list", "--data-dir", device.toString(), "--pin", PIN);
        assertThat(list.waitFor(Duration.ofSeconds(60))).isZero();
        // What the device holds: every report and photo it printed as committed, and perhaps a few more that a
        // kill cut between their commit and the printed line. The device's list is the truth to reconcile.
        Map<String, String> deviceReports = new HashMap<>();
        Map<String, String> devicePhotos = new HashMap<>();
        for (String line : list.lines()) {
            String[] w = line.split(" ");
            if (w[0].equals("report")) {
                deviceReports.put(w[1], w[2]);
            } else if (w[0].equals("photo")) {
                devicePhotos.put(w[1], w[2]);
                assertThat(w[3]).as("photo " + w[1]).isEqualTo("RECEIVED");
            }
        }
        assertThat(deviceReports)
                .containsKeys(reports.toArray(String[]::new))
                .allSatisfy((id, delivery) ->
                        assertThat(delivery).as("report " + id).isEqualTo("RECEIVED"));
        assertThat(devicePhotos).containsAllEntriesOf(photoShas);
        assertThat(list.lines()).contains("outbox pending=0 photos=0 attention=0");
        assertThat(reports).hasSizeGreaterThan(KILLS / 2);

        // The office: each report and each photo exactly once, and the bytes the tablet took. (The same five
        // pictures are taken again and again: each blob is stored once, and its status is announced again
        // to the audience of each new document that names it, so BLOB rows repeat by design.)
        List<ChangeDto> rows = office.rowsSince(before);
        assertThat(rows)
                .filteredOn(r -> r.entity() == EntityType.BLOB)
                .extracting(ChangeDto::entityId)
                .hasSameElementsAs(Set.copyOf(devicePhotos.values()));
        Map<String, Long> perRecord = rows.stream()
                .filter(r -> r.entity() != EntityType.BLOB)
                .collect(Collectors.groupingBy(r -> r.entity().code() + ":" + r.entityId(), Collectors.counting()));
        assertThat(perRecord)
                .allSatisfy((record, count) -> assertThat(count).as(record).isEqualTo(1L));
        assertThat(rows)
                .filteredOn(r -> r.entity() == EntityType.VISIT_REPORT)
                .extracting(ChangeDto::entityId)
                .containsExactlyInAnyOrderElementsOf(deviceReports.keySet().stream()
                        .filter(id -> !earlierReports.contains(id))
                        .toList());
        Map<String, String> officeDocs = rows.stream()
                .filter(r -> r.entity() == EntityType.DOCUMENT)
                .collect(Collectors.toMap(ChangeDto::entityId, r -> ((DocumentDto) r.data()).sha256()));
        assertThat(officeDocs).containsExactlyInAnyOrderEntriesOf(devicePhotos);
        for (String sha : Set.copyOf(devicePhotos.values())) {
            assertThat(TestImages.sha256(office.blob(sha))).isEqualTo(sha);
        }
        System.out.printf(
                "client killed %d times (%d runs had ended by themselves): %d reports, %d photos, "
                        + "all received once%n",
                kills, endedByThemselves, deviceReports.size(), devicePhotos.size());
    }

    private static void collect(List<String> lines, Set<String> reports, Map<String, String> photos) {
        for (String line : lines) {
            String[] w = line.split(" ");
            if (line.startsWith("committed report ")) {
                reports.add(w[2]);
            } else if (line.startsWith("committed photo ")) {
                photos.put(w[2], w[3]);
            }
        }
    }
}
