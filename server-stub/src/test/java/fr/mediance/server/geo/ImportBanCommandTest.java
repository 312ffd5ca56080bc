package fr.mediance.server.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-ban}: the office imports its département's addresses from the command line. */
class ImportBanCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ImportBanCommand.run(
                args,
                Map.of(),
                Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void importsAnExtractIntoTheOfficesDatabaseAndSaysWhatItDid() throws Exception {
        Path csv = dir.resolve("adresses-13.csv");
        Files.writeString(
                csv,
                "id;numero;rep;nom_voie;code_postal;code_insee;nom_commune;lon;lat\n"
                        + "a;12;;Boulevard National;13003;13203;Marseille;5.3791;43.311\n"
                        + "b;3;;Rue de la République;13002;13202;Marseille;5.3691;43.2993\n"
                        + "c;5;;Rue sans lieu;13002;13202;Marseille;;\n");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        assertThat(run("import-ban", "--data-dir", data.toString(), csv.toString()))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Base Adresse Nationale importée : 2 adresses (département 13), 1 lignes ignorées");
        assertThat(Files.exists(data.resolve("mediance.db"))).isTrue();
    }

    @Test
    void aMissingOrWrongFileIsSaidInFrench() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        assertThat(run("import-ban", "--data-dir", data.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("le fichier à importer manque");
        err.reset();
        assertThat(run(
                        "import-ban",
                        "--data-dir",
                        data.toString(),
                        dir.resolve("absent.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("n'existe pas");
        err.reset();
        Path other = dir.resolve("autre.csv");
        Files.writeString(other, "nom;prénom\nMartin;Odile\n");
        assertThat(run("import-ban", "--data-dir", data.toString(), other.toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("n'est pas un extrait de la Base Adresse Nationale");
    }
}
