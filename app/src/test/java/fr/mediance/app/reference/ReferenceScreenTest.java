package fr.mediance.app.reference;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.reference.CodeListsViewModel;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.EntityType;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office adds a domain to the reference lists; a wrong code is refused beside the field first. */
class ReferenceScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        core = office.signedIn(dir, "bureau");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 1366, 768);
        until(() -> exists("#rail-REFERENCE"));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void add_a_domain_after_a_refused_code_and_the_server_receives_it() {
        clickOn("#rail-REFERENCE");
        until(() -> exists("#reference-list"));
        assertThat(text("#app-title")).isEqualTo("Listes de référence");
        assertThat(text("#reference-empty")).isEqualTo("Choisissez une liste.");

        ComboBox<CodeListsViewModel.ListChoice> picker = node("#reference-list");
        interact(() -> picker.getSelectionModel()
                .select(picker.getItems().stream()
                        .filter(l -> l.name().equals("domain"))
                        .findFirst()
                        .orElseThrow()));
        TableView<CodeListsViewModel.Row> table = node("#reference-entries");
        until(() -> table.getItems().size() == 6);
        assertThat(table.getFixedCellSize()).isGreaterThanOrEqualTo(44);

        clickOn("#reference-add");
        until(() -> visible("#reference-form"));
        clickOn("#reference-code").write("Santé");
        clickOn("#reference-label").write("Santé");
        clickOn("#reference-save");
        until(() -> visible("#reference-code-error"));
        assertThat(text("#reference-code-error")).startsWith("Le code s'écrit en minuscules");
        assertThat(((javafx.scene.control.TextField) node("#reference-label")).getText())
                .isEqualTo("Santé");

        interact(() -> ((javafx.scene.control.TextField) node("#reference-code")).setText("sante"));
        clickOn("#reference-save");
        until(() -> !visible("#reference-form"));
        until(() -> table.getItems().size() == 7);
        assertThat(table.getItems().get(6).label()).isEqualTo("Santé");
        assertThat(text("#snackbar-text")).startsWith("« Santé » est enregistrée");

        // a tap on an entry opens it, its code fixed
        interact(() -> table.scrollTo(0));
        clickOn(from(table).lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        until(() -> visible("#reference-form"));
        assertThat(node("#reference-code").isDisabled()).isTrue();
        clickOn("#reference-cancel");

        assertThat(core.sync().syncNow().join().ok()).isTrue();
        CodeDto onServer = (CodeDto) office.server.entity(EntityType.CODE, "domain:sante");
        assertThat(onServer.label()).isEqualTo("Santé");
        assertThat(onServer.active()).isTrue();
    }
}
