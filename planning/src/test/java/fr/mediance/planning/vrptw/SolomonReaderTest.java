package fr.mediance.planning.vrptw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The reader on real instance files. R101.txt and C101.txt are Solomon's public instances (Operations Research
 * 35(2), 1987) as published in github.com/graphhopper/jsprit, jsprit-instances/instances/solomon/ at commit
 * d42a3e46e173e446dd7115559d688a72eda4fad1, byte for byte (CRLF line endings, trailing spaces; R101's columns are
 * laid out differently from the others).
 */
class SolomonReaderTest {

    static String resource(String name) throws IOException {
        try (InputStream in = SolomonReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsR101WithItsOwnColumnLayout() throws IOException {
        String text = resource("R101.txt");
        assertThat(text).contains("\r\n");

        SolomonInstance r101 = SolomonReader.parse(text);

        assertThat(r101.name()).isEqualTo("R101");
        assertThat(r101.vehicleLimit()).isEqualTo(25);
        assertThat(r101.capacity()).isEqualTo(200);
        assertThat(r101.size()).isEqualTo(100);
        assertThat(r101.depot()).isEqualTo(new SolomonInstance.Customer(0, 35, 35, 0, 0, 230, 0));
        assertThat(r101.customers().get(1)).isEqualTo(new SolomonInstance.Customer(1, 41, 49, 10, 161, 171, 10));
        assertThat(r101.customers().get(100)).isEqualTo(new SolomonInstance.Customer(100, 18, 18, 17, 185, 195, 10));
    }

    @Test
    void readsC101() throws IOException {
        SolomonInstance c101 = SolomonReader.parse(resource("C101.txt"));

        assertThat(c101.name()).isEqualTo("C101");
        assertThat(c101.size()).isEqualTo(100);
        assertThat(c101.depot().due()).isEqualTo(1236);
        assertThat(c101.customers().get(1)).isEqualTo(new SolomonInstance.Customer(1, 45, 68, 10, 912, 967, 90));
        assertThat(c101.customers().stream()
                        .mapToInt(SolomonInstance.Customer::demand)
                        .sum())
                .isEqualTo(1810);
        assertThat(c101.distance(0, 1)).isEqualTo(Math.hypot(5, 18));
    }

    @Test
    void readsPlainLineFeedsAndKeepsTheFirstCustomers() {
        String text = "TINY\n\nVEHICLE\nNUMBER CAPACITY\n3 50\n\nCUSTOMER\nCUST NO. XCOORD. YCOORD. DEMAND READY TIME"
                + " DUE DATE SERVICE TIME\n0 0 0 0 0 100 0\n1 3 4 10 0 50 5\n2 6 8 20 10 60 5\n";

        SolomonInstance tiny = SolomonReader.parse(text);

        assertThat(tiny.size()).isEqualTo(2);
        assertThat(tiny.firstCustomers(1).customers()).hasSize(2);
        assertThat(new VrptwSolution(java.util.List.of(java.util.List.of(1, 2))).distance(tiny))
                .isEqualTo(20.0);
    }

    @Test
    void refusesAFileThatIsNotAnInstance() {
        assertThatThrownBy(() -> SolomonReader.parse("hello\nworld\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SolomonReader.parse("X\nVEHICLE\n25 200\nCUSTOMER\n0 1 2 3\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 7 fields");
        assertThatThrownBy(() -> SolomonReader.parse("X\nVEHICLE\n25 200\nCUSTOMER\n0 0 0 0 0 9 0\n2 0 0 0 0 9 0\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without gaps");
    }
}
