package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line client that {@link ClientKillTest} runs in a process of its own (and kills), here in this
 * JVM against the real server: what it prints is what the office receives.
 */
@Timeout(180)
class HeadlessClientTest {
    private static final String PIN = "314159";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private SyncWorld world;
    private RawApi office;
    private String before;

    @BeforeEach
    void setUp() throws IOException {
        world = SyncWorld.start(tmp);
        office = world.api("bureau");
        before = office.cursorAtEnd();
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        Files.write(photos.resolve("a.jpg"), TestImages.bill(640, 480, 0.85f, 1));
        Files.write(photos.resolve("b.jpg"), TestImages.bill(480, 640, 0.85f, 2));
    }

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    List<String> run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = HeadlessClient.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines =
                Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(code).as(String.join("\n", lines)).isZero();
        return lines;
    }

    String[] args(String command, String... more) {
        String[] base = {
            command,
            "--data-dir",
            tmp.resolve("tablet").toString(),
            "--server",
            world.serverUrl().toString(),
            "--user",
            "conseil1",
            "--password",
            world.password(),
            "--pin",
            PIN,
            "--pin-iterations",
            "1000",
            "--photos-dir",
            tmp.resolve("photos").toString()
        };
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** The ids of {@code entity} records the office received since the test began. */
    Set<String> received(EntityType entity) {
        return office.rowsSince(before).stream()
                .filter(c -> c.entity() == entity)
                .map(ChangeDto::entityId)
                .collect(Collectors.toSet());
    }

    @Test
    void captureLoopPrintsEachCommittedStepAndEverythingReachesTheServer() throws Exception {
        List<String> out = run(args("capture-loop", "--visits", "2", "--photos-per-visit", "2"));

        assertThat(out.get(0)).isEqualTo("ready user=conseil1");
        List<String> reports = out.stream()
                .filter(l -> l.startsWith("committed report "))
                .map(l -> l.substring(17))
                .toList();
        List<String[]> photos = out.stream()
                .filter(l -> l.startsWith("committed photo "))
                .map(l -> l.substring(16).split(" "))
                .toList();
        assertThat(reports).hasSize(2);
        assertThat(photos).hasSize(4);
        assertThat(out).filteredOn(l -> l.startsWith("synced result=OK")).hasSize(3);
        assertThat(out.get(out.size() - 1)).isEqualTo("done reports=2");
        assertThat(received(EntityType.VISIT_REPORT)).containsAll(reports);
        assertThat(received(EntityType.DOCUMENT))
                .containsAll(photos.stream().map(p -> p[0]).toList());
        for (String[] p : photos) {
            byte[] blob = office.blob(p[1]);
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(blob)))
                    .isEqualTo(p[1]);
        }

        List<String> listed = run(args("list"));
        for (String r : reports) {
            assertThat(listed).contains("report " + r + " RECEIVED");
        }
        for (String[] p : photos) {
            assertThat(listed).contains("photo " + p[0] + " " + p[1] + " RECEIVED");
        }
        assertThat(listed).contains("outbox pending=0 photos=0 attention=0");
        assertThat(run(args("drain"))).contains("drained");
    }

    @Test
    void aDraftLeftByAKilledRunIsCompletedByTheNextOne() {
        run(args("capture-loop", "--visits", "0"));
        String draftId;
        try (CoreContext core = CoreContext.builder(tmp.resolve("tablet"))
                .clock(Clock.systemUTC())
                .build()) {
            core.unlock(PIN);
            String resident = core.residents().search("", 1).get(0).id();
            draftId = core.visits().startForResident(resident).orElseThrow().id(); // then the process dies
        }

        List<String> out = run(args("capture-loop", "--visits", "0"));

        assertThat(out).contains("committed report " + draftId);
        assertThat(run(args("drain"))).contains("drained");
        assertThat(received(EntityType.VISIT_REPORT)).contains(draftId);
    }

    @Test
    void wrongArgumentsExitWithTwo() {
        assertThat(HeadlessClient.run(new String[] {"capture-loop", "--pin"}, System.out))
                .isEqualTo(2);
        assertThat(HeadlessClient.run(new String[] {"fly"}, System.out)).isEqualTo(2);
        assertThat(HeadlessClient.run(new String[] {"list", "--pin", "123456"}, System.out))
                .isEqualTo(2);
    }
}
