package fr.mediance.bench.solomon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options of bench/run planning-solomon. */
class SolomonBenchOptionsTest {
    static final Path CALLER = Path.of("/home/someone/work");
    static final Path ROOT = Path.of("/work/mediance");

    @Test
    void defaultsAreTheSharedInstancesThirtySecondsAndTheBenchTarget() {
        SolomonBenchOptions o = SolomonBenchOptions.parse(List.of(), CALLER, ROOT);

        assertThat(o.instances()).isEqualTo(Path.of("/work/shared/data/solomon/instances"));
        assertThat(o.seconds()).isEqualTo(30);
        assertThat(o.out()).isEqualTo(Path.of("/work/mediance/bench/target/planning-solomon"));
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
                        "/tmp/out",
                        "--solver",
                        "timefold",
                        "--only",
                        "C101,R101"),
                CALLER,
                ROOT);

        assertThat(o.instances()).isEqualTo(Path.of("/home/someone/data/sol"));
        assertThat(o.seconds()).isEqualTo(2.5);
        assertThat(o.out()).isEqualTo(Path.of("/tmp/out"));
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
