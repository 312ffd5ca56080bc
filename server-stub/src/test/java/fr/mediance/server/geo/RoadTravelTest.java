package fr.mediance.server.geo;

import static fr.mediance.server.geo.OsmExtracts.HAMLET;
import static fr.mediance.server.geo.OsmExtracts.NORTH_RIVERSIDE;
import static fr.mediance.server.geo.OsmExtracts.SOUTH_RIVERSIDE;
import static fr.mediance.server.geo.OsmExtracts.SPUR_END;
import static fr.mediance.server.geo.OsmExtracts.SPUR_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.mediance.planning.GeoPoint;
import fr.mediance.planning.StraightLineTravel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Road times on a small town written by the test: a river with one bridge, a one-way street, a far hamlet. */
class RoadTravelTest {
    @TempDir
    static Path shared;

    static RoadTravel roads;

    @TempDir
    Path dir;

    @BeforeAll
    static void openTheTown() {
        roads = RoadTravel.open(OsmExtracts.town(shared.resolve("ville.osm")), shared.resolve("roads"));
    }

    @Test
    void acrossTheRiverTheRoadGoesRoundByTheBridge() {
        StraightLineTravel straight = new StraightLineTravel();

        int road = roads.minutes(SOUTH_RIVERSIDE, NORTH_RIVERSIDE);

        // 330 m as the crow flies (2 min estimated); 1.4 km to the bridge, over it, and 1.4 km back: about 3 km at
        // 20 km/h
        assertThat(straight.minutes(SOUTH_RIVERSIDE, NORTH_RIVERSIDE)).isEqualTo(2);
        assertThat(road).isBetween(8, 11);
        assertThat(roads.minutes(NORTH_RIVERSIDE, SOUTH_RIVERSIDE)).isEqualTo(road);
        assertThat(roads.metres(SOUTH_RIVERSIDE, NORTH_RIVERSIDE)).isBetween(2_800.0, 3_400.0);
        assertThat(roads.fallbacks()).isZero();
    }

    @Test
    void aOneWayStreetIsOnlyTakenOneWay() {
        int down = roads.minutes(SPUR_START, SPUR_END);
        int back = roads.minutes(SPUR_END, SPUR_START);

        // down the one-way street: 1.3 km; back round by the west: 3.7 km
        assertThat(down).isBetween(4, 5);
        assertThat(back).isBetween(11, 13);
    }

    @Test
    void aPointOffTheRoadsGetsTheStraightLineEstimateAndIsCounted() {
        StraightLineTravel estimate = new StraightLineTravel(1.5, 25);
        RoadTravel travel = roads.withFallback(estimate);

        assertThat(travel.onNetwork(HAMLET)).isFalse(); // its own road is too small a network to route on
        assertThat(travel.onNetwork(SPUR_START)).isTrue();
        assertThat(travel.minutes(SPUR_START, HAMLET)).isEqualTo(estimate.minutes(SPUR_START, HAMLET));
        assertThat(travel.metres(HAMLET, SPUR_START)).isEqualTo(estimate.metres(HAMLET, SPUR_START));
        assertThat(travel.fallbacks()).isEqualTo(2);

        RoadTravel.RoadMatrix matrix = travel.matrix(List.of(SPUR_START, HAMLET, SPUR_END));
        assertThat(matrix.offNetwork()).containsExactly(1);
        assertThat(matrix.estimatedPairs()).isEqualTo(4);
        assertThat(matrix.minutes()[1][2]).isEqualTo(estimate.minutes(HAMLET, SPUR_END));
        assertThat(matrix.minutes()[0][2]).isEqualTo(roads.minutes(SPUR_START, SPUR_END));
        assertThat(travel.fallbacks()).isEqualTo(6);
    }

    @Test
    void theMatrixHoldsThePairwiseMinutes() {
        List<GeoPoint> points = List.of(
                SOUTH_RIVERSIDE,
                NORTH_RIVERSIDE,
                SPUR_START,
                SPUR_END,
                HAMLET,
                OsmExtracts.gridPoint(2.3, 7.6),
                OsmExtracts.gridPoint(2.3, 7.6), // twice the same place
                OsmExtracts.gridPoint(0.5, 14),
                new GeoPoint(43.3085, 5.3890)); // on the north bank

        int[][] matrix = roads.minutesMatrix(points);

        int[][] pairwise = new int[points.size()][points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                pairwise[i][j] = i == j ? 0 : roads.minutes(points.get(i), points.get(j));
            }
        }
        assertThat(matrix).isDeepEqualTo(pairwise);
        assertThat(matrix[5][6]).isZero();
        assertThat(matrix[0][1]).isGreaterThan(matrix[0][5]); // across the river is further than the next streets
    }

    @Test
    void theMatrixAgreesWithGraphHoppersOwnRoutes() {
        List<GeoPoint> points =
                new java.util.ArrayList<>(List.of(SOUTH_RIVERSIDE, NORTH_RIVERSIDE, SPUR_START, SPUR_END));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 12; i++) {
            // anywhere on either bank, between the streets
            double row = random.nextDouble() * (OsmExtracts.ROWS - 1)
                    + (random.nextBoolean() ? 0 : OsmExtracts.NORTH_OFFSET);
            points.add(OsmExtracts.gridPoint(row, random.nextDouble() * (OsmExtracts.COLS - 1)));
        }

        double[][] seconds = roads.roadSeconds(points);

        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                if (i != j) {
                    double route = roads.routeSeconds(points.get(i), points.get(j));
                    assertThat(seconds[i][j]).as("%d → %d", i, j).isCloseTo(route, within(1.0));
                }
            }
        }
    }

    @Test
    void theSecondOpeningReusesThePreparedGraphAndAChangedFileIsImportedAgain() throws IOException {
        Path extract = OsmExtracts.town(dir.resolve("ville.osm"));
        Path cache = dir.resolve("roads");

        RoadTravel first = RoadTravel.open(extract, cache);
        RoadTravel second = RoadTravel.open(extract, cache);

        assertThat(first.opening().imported()).isTrue();
        assertThat(second.opening().imported()).isFalse();
        assertThat(second.opening().folder()).isEqualTo(first.opening().folder());
        assertThat(second.minutes(SOUTH_RIVERSIDE, NORTH_RIVERSIDE))
                .isEqualTo(first.minutes(SOUTH_RIVERSIDE, NORTH_RIVERSIDE));

        // a second bridge at the west end: the river is crossed at once
        String text = Files.readString(extract);
        String bridge = "  <way id=\"999999\" version=\"1\">\n    <nd ref=\"" + (4 * 15 + 1) + "\"/>\n    <nd ref=\""
                + (5 * 15 + 1) + "\"/>\n    <tag k=\"highway\" v=\"residential\"/>\n  </way>\n</osm>\n";
        Files.writeString(extract, text.replace("</osm>\n", bridge));

        RoadTravel changed = RoadTravel.open(extract, cache);

        assertThat(changed.opening().imported()).isTrue();
        assertThat(changed.opening().folder()).isNotEqualTo(first.opening().folder());
        assertThat(changed.minutes(SOUTH_RIVERSIDE, NORTH_RIVERSIDE)).isLessThanOrEqualTo(2);
        try (var folders = Files.list(cache)) {
            assertThat(folders.toList()).containsExactly(changed.opening().folder()); // the old graph is removed
        }
    }

    @Test
    void aMissingOrBrokenFileIsSaidInFrench() throws IOException {
        Path cache = dir.resolve("roads");
        assertThatThrownBy(() -> RoadTravel.open(dir.resolve("absent.osm.pbf"), cache))
                .isInstanceOf(RoadNetworkException.class)
                .hasMessageContaining("absent.osm.pbf")
                .hasMessageContaining("introuvable");

        Path broken = Files.writeString(dir.resolve("casse.osm"), "<osm version=\"0.6\"><node id=\"1\" lat=");
        assertThatThrownBy(() -> RoadTravel.open(broken, cache))
                .isInstanceOf(RoadNetworkException.class)
                .hasMessageContaining("casse.osm")
                .hasMessageContaining("n'a pas pu être lu");

        Path notOsm = Files.write(dir.resolve("photo.osm.pbf"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThatThrownBy(() -> RoadTravel.open(notOsm, cache))
                .isInstanceOf(RoadNetworkException.class)
                .hasMessageContaining("photo.osm.pbf");

        Path empty = Files.writeString(dir.resolve("vide.osm"), "<osm version=\"0.6\"></osm>\n");
        assertThatThrownBy(() -> RoadTravel.open(empty, cache))
                .isInstanceOf(RoadNetworkException.class)
                .hasMessageContaining("aucune route");
        try (var folders = Files.list(cache)) {
            assertThat(folders.toList()).isEmpty(); // nothing half-imported left behind
        }
    }
}
