package fr.mediance.app.core.tools;

import fr.mediance.app.core.CoreContext;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.EntityType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line client that system tests run in a process of their own (and kill). */
class HeadlessClientTest {
    @TempDir
    Path dir;
    final FakeOfficeServer server = new FakeOfficeServer();

    @BeforeEach
    void setUp() throws IOException {
        Visits.seed(server, 0);
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.write(photos.resolve("a.jpg"), Visits.jpeg(320, 200, 1));
        Files.write(photos.resolve("b.jpg"), Visits.jpeg(200, 320, 2));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    List<String> run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = HeadlessClient.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(code).as(String.join("\n", lines)).isZero();
        return lines;
    }

    String[] args(String command, String... more) {
        String[] base = {command, "--data-dir", dir.resolve("tablet").toString(), "--server", server.url(),
                "--user", "conseil1", "--password", TestCores.PASSWORD, "--pin", TestCores.PIN,
                "--pin-iterations", "1000"};
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void captureLoopPrintsEachCommittedStepAndEverythingReachesTheServer() {
        List<String> out = run(args("capture-loop", "--visits", "2", "--photos-dir", dir.resolve("photos").toString(),
                "--photos-per-visit", "2"));

        assertThat(out.get(0)).isEqualTo("ready user=conseil1");
        List<String> reports = out.stream().filter(l -> l.startsWith("committed report ")).map(l -> l.substring(17))
                .toList();
        List<String[]> photos = out.stream().filter(l -> l.startsWith("committed photo "))
                .map(l -> l.substring(16).split(" ")).toList();
        assertThat(reports).hasSize(2);
        assertThat(photos).hasSize(4);
        assertThat(out).filteredOn(l -> l.startsWith("synced result=OK")).hasSize(3);
        assertThat(out.get(out.size() - 1)).isEqualTo("done reports=2");
        for (String r : reports) {
            assertThat(server.entity(EntityType.VISIT_REPORT, r)).isNotNull();
        }
        for (String[] p : photos) {
            assertThat(server.entity(EntityType.DOCUMENT, p[0])).isNotNull();
            assertThat(server.hasBlob(p[1])).isTrue();
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
        run(args("capture-loop", "--visits", "0", "--photos-dir", dir.resolve("photos").toString()));
        String draftId;
        try (CoreContext core = TestCores.builder(dir.resolve("tablet"), new fr.mediance.testing.MutableClock(
                java.time.Instant.now())).build()) {
            core.unlock(TestCores.PIN);
            draftId = core.visits().startForResident("res-1").orElseThrow().id(); // then the process dies
        }

        List<String> out = run(args("capture-loop", "--visits", "0", "--photos-dir", dir.resolve("photos").toString()));

        assertThat(out).contains("committed report " + draftId);
        assertThat(run(args("drain"))).contains("drained");
        assertThat(server.entity(EntityType.VISIT_REPORT, draftId)).isNotNull();
    }

    @Test
    void wrongArgumentsExitWithTwo() {
        assertThat(HeadlessClient.run(new String[]{"capture-loop", "--pin"}, System.out)).isEqualTo(2);
        assertThat(HeadlessClient.run(new String[]{"fly"}, System.out)).isEqualTo(2);
        assertThat(HeadlessClient.run(new String[]{"list", "--pin", "123456"}, System.out)).isEqualTo(2);
    }
}
