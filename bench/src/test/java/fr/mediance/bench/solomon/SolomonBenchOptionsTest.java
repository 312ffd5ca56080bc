package fr.mediance.bench.solomon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of bench/run planning-solomon. */
class SolomonBenchOptionsTest {
    /** Where the benchmark is called from and the repository, side by side as on a developer's machine. */
    @TempDir
    static Path base;

    static Path CALLER;
    static Path ROOT;

    @org.junit.jupiter.api.BeforeAll
    static void places() {
        CALLER = base.resolve("someone").resolve("work");
        ROOT = base.resolve("mediance");
    }

    @Test
    void defaultsAreTheSharedInstancesThirtySecondsAndTheBenchTarget() {
        SolomonBenchOptions o = SolomonBenchOptions.parse(List.of(), CALLER, ROOT);

        assertThat(o.instances()).isEqualTo(base.resolve("shared/data/solomon/instances"));
        assertThat(o.seconds()).isEqualTo(30);
        assertThat(o.out()).isEqualTo(ROOT.resolve("bench/target/planning-solomon"));
        assertThat(o.solver()).isEqualTo("jsprit");
        assertThat(o.only()).isEmpty();
    }

    @Test
    void relativePathsAreTheCallersAndAbsoluteOnesKept() {
        SolomonBenchOptions o = SolomonBenchOptions.parse(
                List.of(
                        "--instances",
                        "../data/sol",
                        "--seconds",
                        "2.5",
                        "--out",
                        base.resolve("out").toString(),
                        "--solver",
                        "timefold",
                        "--only",
                        "C101,R101"),
                CALLER,
                ROOT);

        assertThat(o.instances()).isEqualTo(base.resolve("someone/data/sol"));
        assertThat(o.seconds()).isEqualTo(2.5);
        assertThat(o.out()).isEqualTo(base.resolve("out"));
        assertThat(o.solver()).isEqualTo("timefold");
        assertThat(o.only()).containsExactly("C101", "R101");
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> SolomonBenchOptions.parse(List.of("--seconds"), CALLER, ROOT))
                .isInstanceOf(SolomonBenchOptions.BadArguments.class)
                .hasMessageContaining("--seconds needs a value");
        assertThatThrownBy(() -> SolomonBenchOptions.parse(List.of("--seconds", "ten"), CALLER, ROOT))
                .hasMessageContaining("--seconds needs a number, got: ten");
        assertThatThrownBy(() -> SolomonBenchOptions.parse(List.of("--seconds", "0"), CALLER, ROOT))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> SolomonBenchOptions.parse(List.of("--fast", "yes"), CALLER, ROOT))
                .hasMessageContaining("unknown option: --fast");
        assertThatThrownBy(() -> SolomonBenchOptions.parse(List.of("C101"), CALLER, ROOT))
                .hasMessageContaining("unexpected argument: C101");
        assertThatThrownBy(() -> SolomonBenchOptions.parse(List.of("--solver", "ortools"), CALLER, ROOT))
                .hasMessageContaining("jsprit or timefold");
    }
}
