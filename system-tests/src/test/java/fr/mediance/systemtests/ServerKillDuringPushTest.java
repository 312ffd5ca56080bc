package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.EntityType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the server process while a device pushes, then a restart on the same data directory and
 * port: the device sends its operations again and every record is stored once.
 */
@Timeout(180)
class ServerKillDuringPushTest {
    private static final int RESIDENTS = 200;
    private static final String PUSH = "POST " + ApiPaths.SYNC_PUSH + " ";

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
    void aServerKilledWhileThePushBodyArrivesStoresNothingHalfAndEveryRecordOnceAfterRestart() throws Exception {
        Setup s = setup();
        // 20 kB into the body (about a fifth of it), the server dies; no byte more reaches it.
        s.link.onRequest(PUSH, 20_000, world::killServer);

        SyncReport cut = s.coord.sync().syncNow().join();
        assertThat(cut.ok()).isFalse();
        assertThat(world.server().isAlive()).isFalse();
        world.restartServer();
        assertThat(residentRows(s)).as("a truncated push writes nothing").isEmpty();

        resumeAndCheck(s);
    }

    @Test
    void aServerKilledOnceThePushIsCommittedKeepsAllOfItAndEveryRecordOnceAfterRestart() throws Exception {
        Setup s = setup();
        // A push is one transaction (a savepoint per operation): the office sees its first operation only once the
        // whole push is committed. The server is killed at that moment, before its answer reaches the device.
        CompletableFuture<Integer> killedAfter = new CompletableFuture<>();
        s.link.onRequest(PUSH, 0, () -> {
            Thread watcher = new Thread(
                    () -> {
                        try {
                            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                            while (System.nanoTime() < deadline) {
                                int seen = (int) s.office.changes(s.before, 1000).changes().stream()
                                        .filter(c -> c.entity() == EntityType.RESIDENT)
                                        .count();
                                if (seen > 0) {
                                    world.killServer();
                                    killedAfter.complete(seen);
                                    return;
                                }
                                Thread.sleep(1);
                            }
                            killedAfter.completeExceptionally(new AssertionError("the push never started to apply"));
                        } catch (RuntimeException | InterruptedException e) {
                            killedAfter.completeExceptionally(e);
                        }
                    },
                    "kill-watcher");
            watcher.setDaemon(true);
            watcher.start();
        });

        SyncReport cut = s.coord.sync().syncNow().join();
        assertThat(killedAfter.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(cut.ok()).as("the answer never came").isFalse();
        world.restartServer();
        int committed = residentRows(s).size();
        System.out.printf("server killed after %d of %d operations of the push were committed%n", committed, RESIDENTS);
        assertThat(committed).as("a push is kept whole or not at all").isEqualTo(RESIDENTS);

        resumeAndCheck(s);
    }

    private record Setup(CoreContext coord, LinkEmulator link, RawApi office, String before, List<String> residents) {}

    /** A coordinator's device behind a link, with {@link #RESIDENTS} residents created offline. */
    private Setup setup() {
        world = SyncWorld.start(tmp);
        LinkEmulator link = world.link(LinkEmulator.Profile.UNLIMITED, 3);
        CoreContext coord = world.device("coord", "coord", link.baseUrl());
        RawApi office = world.api("bureau");
        String before = office.cursorAtEnd();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            Resident r = coord.residents()
                    .create(new ResidentForm(
                            "M.",
                            "Nom" + i,
                            "Prénom" + i,
                            LocalDate.of(1950, 1, 1).plusDays(i),
                            "06 00 00 00 " + String.format("%02d", i % 100),
                            i + " rue de la République",
                            "13001",
                            "Marseille",
                            null,
                            null,
                            null))
                    .value();
            ids.add(r.id());
        }
        assertThat(coord.sync().pendingItems()).hasSize(RESIDENTS);
        return new Setup(coord, link, office, before, ids);
    }

    private List<ChangeDto> residentRows(Setup s) {
        return s.office.rowsSince(s.before).stream()
                .filter(c -> c.entity() == EntityType.RESIDENT)
                .toList();
    }

    private void resumeAndCheck(Setup s) {
        SyncReport resumed = s.coord.sync().syncNow().join();
        assertThat(resumed.ok()).as(resumed.message()).isTrue();
        assertThat(s.coord.sync().pendingItems()).isEmpty();
        assertThat(s.coord.sync().quarantinedItems()).isEmpty();
        Map<String, Long> perResident =
                residentRows(s).stream().collect(Collectors.groupingBy(ChangeDto::entityId, Collectors.counting()));
        assertThat(perResident.keySet()).containsExactlyInAnyOrderElementsOf(s.residents);
        assertThat(perResident).allSatisfy((id, rows) -> assertThat(rows).as(id).isEqualTo(1L));
    }
}
