package fr.mediance.bench.solomon;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.planning.vrptw.JspritVrptwSolver;
import fr.mediance.planning.vrptw.SolomonInstance;
import fr.mediance.planning.vrptw.SolomonReader;
import fr.mediance.planning.vrptw.VrptwSolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimiser on reduced real instances (the first 25 customers), checked by the independent checker on the
 * reduced file's text. Iteration caps keep it short; the time limit is only a safety net and is not asserted.
 */
class SolomonSolverTest {

    /** The instance file cut after customer {@code n}: header lines kept, customer rows above n dropped. */
    static String firstCustomers(String text, int n) {
        return text.lines()
                .filter(line -> {
                    String[] f = line.trim().split("\\s+");
                    return f.length != 7 || !f[0].matches("\\d+") || Integer.parseInt(f[0]) <= n;
                })
                .collect(Collectors.joining("\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C101.txt", "R101.txt", "RC101.txt"})
    void jspritSolutionOnTheFirst25CustomersPassesTheChecker(String file) throws IOException {
        String text = firstCustomers(SolomonCheckerTest.resource(file), 25);
        SolomonInstance instance = SolomonReader.parse(text);
        assertThat(instance.size()).isEqualTo(25);

        VrptwSolution solution = new JspritVrptwSolver(1, 7, 50).solve(instance, Duration.ofMinutes(2));

        SolomonChecker.Verdict verdict = new SolomonChecker(text).check(solution.routes());
        assertThat(verdict.vehicles()).isEqualTo(solution.vehicles()).isLessThanOrEqualTo(instance.vehicleLimit());
        assertThat(verdict.distance())
                .isCloseTo(solution.distance(instance), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theBenchRefusesAMissingInstancesFolder(@TempDir Path dir) throws IOException {
        SolomonBenchOptions options =
                new SolomonBenchOptions(dir.resolve("nowhere"), 1, dir.resolve("out"), "jsprit", List.of());
        assertThat(new SolomonBench(options).run()).isEqualTo(2);
    }

    @Test
    void theBenchWritesTheRoutesAsJson(@TempDir Path dir) throws IOException {
        Path instances = Files.createDirectories(dir.resolve("solomon/instances"));
        Files.writeString(instances.resolve("TINY.txt"), SolomonCheckerTest.TINY);
        Files.writeString(
                dir.resolve("solomon/bks.csv"), "instance,vehicles,distance,source\n# comment\nTINY,3,190.00,test\n");
        SolomonBenchOptions options = new SolomonBenchOptions(instances, 1, dir.resolve("out"), "jsprit", List.of());

        assertThat(new SolomonBench(options).run()).isZero();

        String json = Files.readString(dir.resolve("out/TINY.json"));
        assertThat(json)
                .startsWith("{\"instance\":\"TINY\",\"routes\":[[")
                .contains("3")
                .contains("4");
        assertThat(SolomonBench.readBks(dir.resolve("solomon/bks.csv"))).containsOnlyKeys("TINY");
    }
}
