package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link ServerMain} as its own process, the way scripts and the system tests start it. */
class ServerMainProcessTest {
    @TempDir
    Path dir;

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

    @Test
    @Timeout(60)
    void startsPrintsItsPortAndServes() throws Exception {
        Path data = dir.resolve("donnees");
        Process p = java("--data-dir", data.toString(), "--port", "0", "--demo")
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("listening on port ")) {
                    break;
                }
            }
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("mot de passe de démonstration : ");
            assertThat(lines.get(1)).matches("listening on port \\d+");
            int port = Integer.parseInt(lines.get(1).substring("listening on port ".length()));

            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + ApiPaths.HEALTH))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
            assertThat(data.resolve("mediance.db")).exists();
            assertThat(data.resolve("blobs")).isDirectory();
            assertThat(data.resolve("logs")).isDirectory();
        } finally {
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @Timeout(30)
    void badArgumentsExitWithCode2AndAFrenchUsage() throws IOException, InterruptedException {
        Process p = java("--port", "huit").redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).contains("Erreur").contains("port").contains("Utilisation :");
        assertThat(Files.list(dir)).isEmpty();
    }
}
