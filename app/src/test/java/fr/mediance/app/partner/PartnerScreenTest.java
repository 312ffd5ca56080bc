package fr.mediance.app.partner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.AppComposition;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PartnerServiceDto;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * « Annuaire »: a counsellor finds a partner as she types, without accents, and reads its card; the office corrects a
 * service's phone from the card, and the directory shows the new number and sends it to the office.
 */
class PartnerScreenTest extends UiTest {
    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;
    AppComposition app;

    static final PartnerDto CAF = new PartnerDto(
            "caf_13",
            "caf",
            "CAF des Bouches-du-Rhône",
            List.of(),
            List.of(new PartnerServiceDto(
                    "accueil",
                    "Accueil sur rendez-vous",
                    "215 chemin de Gibbes",
                    "13014",
                    "Marseille",
                    "3230",
                    null,
                    "Lun–ven 8h30–16h",
                    List.of("facture"),
                    null)),
            null,
            true);

    @BeforeEach
    void setUp() {
        office = new DemoOffice();
        office.server.addCode("partner_type", "caf", "CAF", 1);
        office.server.addCode("partner_type", "mediateur", "Médiateur", 2);
        office.server.serverWrite(CAF);
        office.server.addPartner("mne", "mediateur", "Médiateur national de l'énergie");
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        if (core != null) {
            core.close();
        }
        office.close();
    }

    void openDirectory(String user) throws Exception {
        core = office.signedIn(dir, user);
        app = show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#nav-PARTNERS"));
        interact(() -> this.<ToggleButton>node("#nav-PARTNERS").fire());
        until(() -> exists("#partner-row-caf_13") && exists("#partner-row-mne"));
    }

    @Test
    void a_counsellor_finds_a_partner_without_accents_and_reads_its_card() throws Exception {
        openDirectory("conseil1");
        assertThat(node("#partner-new").isVisible()).isFalse();
        interact(() -> this.<TextField>node("#partner-search").setText("caf bouches du rhone"));
        until(() -> !exists("#partner-row-mne"));
        clickOn("#partner-row-caf_13");
        until(() -> exists("#partner-service-0"));
        assertThat(from(this.<javafx.scene.Node>node("#partner-service-0"))
                        .lookup(".hyperlink")
                        .queryAs(Hyperlink.class)
                        .getText())
                .isEqualTo("3230");
        assertThat(
                        from(this.<javafx.scene.Node>node("#partner-card-head"))
                                .lookup(".label")
                                .queryAllAs(Label.class)
                                .stream()
                                .map(Label::getText)
                                .toList())
                .startsWith("CAF des Bouches-du-Rhône", "CAF", "N'est pas un créancier.");
        assertThat(node("#partner-card-edit").isVisible()).isFalse();
    }

    @Test
    void the_office_corrects_a_phone_from_the_card() throws Exception {
        openDirectory("bureau");
        clickOn("#partner-row-caf_13");
        until(() -> exists("#partner-card-edit"));
        interact(() -> this.<Button>node("#partner-card-edit").fire());
        until(() -> exists("#partner-form-service-0-phone")
                && "3230"
                        .equals(this.<TextField>node("#partner-form-service-0-phone")
                                .getText()));
        assertThat(node("#partner-form-id").isDisabled()).isTrue();
        interact(() -> this.<TextField>node("#partner-form-service-0-phone").setText("04 91 00 32 30"));
        interact(() -> this.<Button>node("#partner-form-save").fire());
        until(() -> core.partners()
                .partner("caf_13")
                .map(p -> p.services().get(0).phone().equals("04 91 00 32 30"))
                .orElse(false));
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(((PartnerDto) office.server.entity(EntityType.PARTNER, "caf_13"))
                        .services()
                        .get(0)
                        .phone())
                .isEqualTo("04 91 00 32 30");
    }
}
