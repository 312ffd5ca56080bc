package fr.mediance.bench.solomon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker accepts a feasible solution and refuses each kind of violation. */
class SolomonCheckerTest {
    /**
     * Depot at (0,0) open until 100, capacity 30. Customer 1 at (3,4), demand 10, window [0,50], service 5; 2 at
     * (6,8), demand 20, window [18,20], service 5; 3 at (0,40), demand 15, window [0,60], service 10; 4 at (0,45),
     * demand 5, window [0,60], service 5. Written as the published files are: CRLF, trailing spaces.
     */
    static final String TINY = "TINY\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  3         30   \r\n\r\nCUSTOMER\r\n"
            + "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r\n \r\n"
            + "    0      0         0          0          0       100          0   \r\n"
            + "    1      3         4         10          0        50          5   \r\n"
            + "    2      6         8         20         18        20          5   \r\n"
            + "    3      0        40         15          0        60         10   \r\n"
            + "    4      0        45          5          0        60          5   \r\n";

    final SolomonChecker checker = new SolomonChecker(TINY);

    static String resource(String name) throws IOException {
        try (InputStream in = SolomonCheckerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void acceptsAFeasibleSolutionWithWaitingAndRecomputesItsDistance() {
        // 1 at 5, leaves at 10; 2 reached at 15, waits until 18, leaves at 23; back at 33. 3 and 4 alone.
        SolomonChecker.Verdict verdict = checker.check(List.of(List.of(1, 2), List.of(3), List.of(4), List.of()));
        assertThat(verdict.vehicles()).isEqualTo(3);
        assertThat(verdict.distance()).isEqualTo(20.0 + 80.0 + 90.0);
    }

    @Test
    void refusesAMissingCustomer() {
        assertThatThrownBy(() -> checker.check(List.of(List.of(1, 2), List.of(3))))
                .isInstanceOfSatisfying(
                        SolomonChecker.Refused.class,
                        e -> assertThat(e.violations()).containsExactly("customer 4 not visited"));
    }

    @Test
    void refusesACustomerVisitedTwiceAnUnknownOneAndTheDepot() {
        assertThatThrownBy(() -> checker.check(List.of(List.of(1, 2), List.of(3), List.of(4), List.of(1), List.of(7))))
                .isInstanceOfSatisfying(
                        SolomonChecker.Refused.class,
                        e -> assertThat(e.violations())
                                .containsExactlyInAnyOrder(
                                        "customer 1 visited 2 times", "route 4: unknown customer 7"));
        assertThatThrownBy(() -> checker.check(List.of(List.of(1, 2, 0), List.of(3), List.of(4))))
                .isInstanceOfSatisfying(
                        SolomonChecker.Refused.class,
                        e -> assertThat(e.violations()).containsExactly("route 0: unknown customer 0"));
    }

    @Test
    void refusesAnOverload() {
        // 1, 2 and 3 weigh 45 > 30 (this route also comes back late: both are reported)
        assertThatThrownBy(() -> checker.check(List.of(List.of(1, 2, 3), List.of(4))))
                .isInstanceOfSatisfying(
                        SolomonChecker.Refused.class,
                        e -> assertThat(e.violations()).contains("route 0: load 45 over the capacity 30"));
    }

    @Test
    void refusesAServiceAfterTheDueDate() {
        // 3 first (40, leaves at 50), then 2 at 50 + √1060 = 82.6 > 20
        assertThatThrownBy(() -> checker.check(List.of(List.of(3, 2), List.of(1), List.of(4))))
                .isInstanceOfSatisfying(
                        SolomonChecker.Refused.class,
                        e -> assertThat(e.violations())
                                .anyMatch(v -> v.startsWith("route 0: customer 2 served at 82.5")));
    }

    @Test
    void refusesAReturnAfterTheDepotDueDate() {
        // 3 at 40, leaves at 50; 4 at 55 ≤ 60, leaves at 60; back at 105 > 100, every window kept, load 20
        assertThatThrownBy(() -> checker.check(List.of(List.of(1, 2), List.of(3, 4))))
                .isInstanceOfSatisfying(
                        SolomonChecker.Refused.class,
                        e -> assertThat(e.violations())
                                .containsExactly("route 1: back at the depot at 105.0 after its due date 100"));
    }

    @Test
    void acceptsOneRoutePerCustomerOnC101() throws IOException {
        SolomonChecker c101 = new SolomonChecker(resource("C101.txt"));
        List<List<Integer>> routes = new ArrayList<>();
        for (int c = 1; c <= 100; c++) {
            routes.add(List.of(c));
        }
        SolomonChecker.Verdict verdict = c101.check(routes);
        assertThat(verdict.vehicles()).isEqualTo(100);
        assertThat(verdict.distance()).isGreaterThan(0);
    }
}
