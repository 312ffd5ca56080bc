package fr.mediance.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StraightLineTravelTest {

    private static final GeoPoint VIEUX_PORT = new GeoPoint(43.2951, 5.3745);
    private static final GeoPoint SAINT_CHARLES = new GeoPoint(43.3027, 5.3806);

    @Test
    void haversineMatchesAKnownDistance() {
        // Vieux-Port to Saint-Charles station: about 980 m as the crow flies
        assertThat(StraightLineTravel.haversineMetres(VIEUX_PORT, SAINT_CHARLES))
                .isCloseTo(980, within(40.0));
    }

    @Test
    void marseilleDefaultsGiveMinutesByCar() {
        StraightLineTravel travel = new StraightLineTravel();
        // 980 m × 1.3 = 1.27 km at 20 km/h = 3.8 min, rounded up
        assertThat(travel.metres(VIEUX_PORT, SAINT_CHARLES)).isCloseTo(1274, within(60.0));
        assertThat(travel.minutes(VIEUX_PORT, SAINT_CHARLES)).isEqualTo(4);
        assertThat(travel.minutes(SAINT_CHARLES, VIEUX_PORT)).isEqualTo(4);
        assertThat(travel.minutes(VIEUX_PORT, VIEUX_PORT)).isZero();
    }

    @Test
    void factorAndSpeedAreSettings() {
        StraightLineTravel slow = new StraightLineTravel(1.5, 10);
        assertThat(slow.minutes(VIEUX_PORT, SAINT_CHARLES)).isEqualTo(9);
        assertThatThrownBy(() -> new StraightLineTravel(0.5, 20)).hasMessageContaining("détour");
        assertThatThrownBy(() -> new StraightLineTravel(1.3, 0)).hasMessageContaining("vitesse");
    }

    @Test
    void theMatrixHoldsThePairwiseMinutes() {
        StraightLineTravel travel = new StraightLineTravel(1.4, 18);
        List<GeoPoint> points = List.of(
                VIEUX_PORT,
                SAINT_CHARLES,
                new GeoPoint(43.2690, 5.3950),
                new GeoPoint(43.3400, 5.4100),
                VIEUX_PORT); // the same place twice: 0 both ways, like the diagonal

        int[][] matrix = travel.minutesMatrix(points);

        int[][] pairwise = new int[points.size()][points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                pairwise[i][j] = i == j ? 0 : travel.minutes(points.get(i), points.get(j));
            }
        }
        assertThat(matrix).isDeepEqualTo(pairwise);
        assertThat(matrix[0][4]).isZero();
        assertThat(matrix[0][3]).isPositive();
        assertThat(travel.minutesMatrix(List.of())).isEmpty();
    }
}
