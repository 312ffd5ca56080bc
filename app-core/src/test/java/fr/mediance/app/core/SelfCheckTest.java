package fr.mediance.app.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.json.MedianceJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfCheckTest {
    @TempDir
    Path dir;

    @Test
    void everyCheckPassesAndLeavesNoFile() throws IOException {
        SelfCheck.Result r = SelfCheck.run(dir);
        assertThat(r.lines()).allSatisfy(l -> assertThat(l).startsWith("ok "));
        assertThat(r.ok()).isTrue();
        assertThat(r.lines()).hasSize(5);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void thereIsASampleForEveryWireType() {
        for (Class<?> type : MedianceJson.wireTypes()) {
            assertThat(SelfCheck.samples()).containsKey(type);
        }
    }
}
