package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.planning.StraightLineTravel;
import fr.mediance.server.blob.FileBlobStore;
import fr.mediance.server.geo.OsmExtracts;
import fr.mediance.server.geo.RoadNetworkException;
import fr.mediance.server.geo.RoadTravel;
import fr.mediance.testing.MutableClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server started with {@code --road-network}: in the JVM, and as its own process. */
class RoadNetworkStartTest {
    @TempDir
    Path dir;

    @Test
    void theServerOpensTheRoadNetworkAndOffersItsTimes() {
        Path extract = OsmExtracts.town(dir.resolve("ville.osm"));
        Path data = dir.resolve("donnees");
        TestDatabase db = TestDatabase.sqlite(createdDir(data));
        try (TestServer server = new TestServer(
                db,
                data,
                new MutableClock(TestServer.START),
                new ServerConfig(0, false, null, TestServer.PASSWORD).withRoadNetwork(extract))) {
            RoadTravel roads = server.app.roads().orElseThrow();

            assertThat(roads.minutes(OsmExtracts.SOUTH_RIVERSIDE, OsmExtracts.NORTH_RIVERSIDE))
                    .isGreaterThan(3
                            * new StraightLineTravel()
                                    .minutes(OsmExtracts.SOUTH_RIVERSIDE, OsmExtracts.NORTH_RIVERSIDE));
            assertThat(roads.opening().folder()).startsWith(data.resolve("roads"));
        } finally {
            db.close();
        }
    }

    @Test
    void theWeeksProposalCountsTravelByRoadWhenTheOfficeConfiguredAnExtract() {
        Path extract = OsmExtracts.town(dir.resolve("ville.osm"));
        Path data = dir.resolve("donnees");
        TestDatabase db = TestDatabase.sqlite(createdDir(data));
        try (TestServer server = new TestServer(
                db,
                data,
                new MutableClock(TestServer.START),
                new ServerConfig(0, true, TestServer.PASSWORD, TestServer.PASSWORD).withRoadNetwork(extract))) {
            String coord = server.token("coord");
            fr.mediance.protocol.PlanningSettingsDto settings = server.get(
                            fr.mediance.protocol.ApiPaths.PLANNING_SETTINGS, coord)
                    .as(fr.mediance.protocol.PlanningSettingsDto.class);
            assertThat(settings.roadNetwork()).isTrue();

            fr.mediance.protocol.WeekProposalDto week = server.post(
                            fr.mediance.protocol.ApiPaths.PLANNING_PROPOSALS,
                            coord,
                            new fr.mediance.protocol.WeekProposalRequest(
                                    java.time.LocalDate.of(2026, 11, 30), java.util.List.of(), 1))
                    .as(fr.mediance.protocol.WeekProposalDto.class);
            assertThat(week.travel()).isEqualTo(fr.mediance.protocol.Rounds.TRAVEL_ROADS);
            // the demo's residents live in Marseille, far from this small town: each gets the office's estimate
            assertThat(week.plannedVisits()).isPositive();
            assertThat(week.problems()).anyMatch(p -> p.contains("hors du réseau routier configuré"));
        } finally {
            db.close();
        }
    }

    @Test
    void withoutTheOptionThereAreNoRoadTimes() {
        Path data = dir.resolve("donnees");
        TestDatabase db = TestDatabase.sqlite(createdDir(data));
        try (TestServer server =
                new TestServer(db, data, new MutableClock(TestServer.START), new ServerConfig(0, false, null, null))) {
            assertThat(server.app.roads()).isEmpty();
            assertThat(data.resolve("roads")).doesNotExist();
        } finally {
            db.close();
        }
    }

    @Test
    void aBrokenExtractStopsTheStartBeforeTheDatabaseIsTouched() throws Exception {
        Path broken = Files.writeString(dir.resolve("zone.osm"), "<osm version=\"0.6\"><way id=");
        Path data = createdDir(dir.resolve("donnees"));
        TestDatabase db = TestDatabase.sqlite(data);
        try {
            assertThatThrownBy(() -> ServerApp.create(
                            new ServerConfig(0, false, null, null).withRoadNetwork(broken),
                            db.dataSource(),
                            new FileBlobStore(data.resolve("blobs")),
                            data.resolve("uploads"),
                            new MutableClock(TestServer.START)))
                    .isInstanceOf(RoadNetworkException.class)
                    .hasMessageContaining("zone.osm");
            try (var c = db.dataSource().getConnection();
                    var tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                assertThat(tables.next()).as("not migrated").isFalse();
            }
        } finally {
            db.close();
        }
    }

    @Test
    @Timeout(120)
    void theServerProcessStartsWithTheRoadNetwork() throws Exception {
        Path extract = OsmExtracts.town(dir.resolve("ville.osm"));
        Path data = dir.resolve("donnees");
        Process p = java("--data-dir", data.toString(), "--port", "0", "--road-network", extract.toString())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            List<String> lines = new ArrayList<>();
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("listening on port ")) {
                    break;
                }
            }
            assertThat(lines).last().asString().matches("listening on port \\d+");
            // the tests' logging configuration writes to standard error only
            assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("road network imported: ville.osm");
            try (var graphs = Files.list(data.resolve("roads"))) {
                assertThat(graphs.toList()).hasSize(1);
            }
        } finally {
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @Timeout(120)
    void aMissingOrBrokenExtractIsSaidInFrenchWithoutAStackTrace() throws Exception {
        Process missing = java("--data-dir", dir.resolve("d1").toString(), "--road-network", "absent.osm.pbf")
                .start();
        String missingErr = new String(missing.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(missing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(missing.exitValue()).isEqualTo(2);
        assertThat(missingErr).contains("--road-network : le fichier « absent.osm.pbf » est introuvable.");
        assertThat(dir.resolve("d1")).doesNotExist();

        Path broken = Files.writeString(dir.resolve("zone.osm"), "<osm version=\"0.6\"><way id=");
        Process bad = java(
                        "--data-dir", dir.resolve("d2").toString(), "--port", "0", "--road-network", broken.toString())
                .start();
        String badErr = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(1);
        assertThat(badErr)
                .contains("Le serveur n'a pas pu démarrer : Le fichier du réseau routier")
                .contains("zone.osm")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    private static Path createdDir(Path d) {
        try {
            return Files.createDirectories(d);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ServerMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("MEDIANCE_DEMO_PASSWORD");
        pb.environment().remove("MEDIANCE_DATABASE_URL");
        return pb;
    }
}
