package fr.mediance.app.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** « Prochain rendez-vous » from a resident's file on a counsellor's tablet: the form, its day, its overlap warning. */
class NextAppointmentScreenTest extends UiTest {
    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        office.server.serverWrite(NextAppointmentDemo.withAvailability(
                (ResidentDto) office.server.entity(EntityType.RESIDENT, "r1"), "le matin, sauf le mercredi"));
        core = office.signedIn(dir, "conseil1");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#appointment-a1"));
        NextAppointmentDemo.openFile(this);
        clickOn("#resident-next-appointment");
        until(() -> exists("#next-date") && !text("#next-availability").isBlank());
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    @Test
    void theFormIsPrefilledWithTheResidentsAddressAndAvailability() {
        assertThat(text("#app-title")).isEqualTo("Prochain rendez-vous");
        assertThat(text("#next-resident")).isEqualTo("Avec Fatima Benali");
        assertThat(text("#next-availability")).isEqualTo("Disponibilités de la personne : le matin, sauf le mercredi");
        assertThat(((TextField) node("#next-address")).getText()).isEqualTo("12 rue des Lilas, 13015 Marseille");
        assertThat(((TextField) node("#next-start")).getText()).isEqualTo("09:00");
        assertThat(visible("#next-overlap")).isFalse();
    }

    @Test
    void aSlotOverHerAppointmentIsWarnedAndSavingStillPutsItOnHerAgenda() {
        String today = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(DemoOffice.PARIS));
        NextAppointmentDemo.type(this, "#next-date", today);
        NextAppointmentDemo.type(this, "#next-start", "10:00");
        until(() -> visible("#next-overlap"));
        assertThat(text("#next-overlap"))
                .isEqualTo("Attention : ce créneau chevauche 09:30–10:30 · Fatima Benali. Vous pouvez enregistrer "
                        + "quand même ; la coordination verra le conflit.");
        assertThat(text("#next-day-heading")).isEqualTo("Vos rendez-vous du " + today + " :");

        clickOn("#next-save");
        until(() -> exists("#resident-next-appointment"));
        AgendaItem saved = core.agenda().myDay(LocalDate.now(DemoOffice.PARIS)).stream()
                .filter(a -> a.start().atZone(DemoOffice.PARIS).getHour() == 10)
                .findFirst()
                .orElseThrow();
        assertThat(java.util.List.of(saved.residentId(), saved.counsellorId(), String.valueOf(saved.pendingSync())))
                .containsExactly("r1", "u-c1", "true");
        clickOn("#back");
        clickOn("#back");
        until(() -> exists("#appointment-" + saved.appointmentId()));
        assertThat(lookup("#appointment-" + saved.appointmentId() + " .item-time")
                        .queryLabeled()
                        .getText())
                .isEqualTo("10:00 – 11:00");
    }
}
