package fr.mediance.app.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.testing.RoundsFixture;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.EntityType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * « Demandes » for the coordination: the queue, a week's proposal shown then partly accepted, the proposal refused
 * offline, and a wish whose length breaks the shared rule.
 */
class RoundsScreenTest extends UiTest {
    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;
    LocalDate monday;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        LocalDate today = LocalDate.now(DemoOffice.PARIS);
        monday = RoundsFixture.nextMonday(today);
        RoundsFixture.seed(office.server, today);
        office.server.weekProposal = RoundsFixture.proposal(monday);
        core = office.signedIn(dir, "coord");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 1280, 800);
        until(() -> exists("#rail-REQUESTS"));
        clickOn("#rail-REQUESTS");
        until(() -> exists("#queue-row-q1"));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    private void fire(String query) {
        interact(() -> ((ButtonBase) node(query)).fire());
    }

    private List<String> pending(EntityType type) {
        return core.sync().pendingItems().stream()
                .filter(i -> i.entity() == type)
                .map(i -> i.entityId())
                .toList();
    }

    @Test
    void aProposalIsShownWithItsReasonsThenPartlyAcceptedAsProposedAppointmentsQueuedForTheOffice() {
        assertThat(text("#queue-deadline-q1")).startsWith("En retard : à faire avant le ");
        assertThat(visible("#queue-nolocation-q2")).isTrue();
        clickOn("#queue-propose");
        until(() -> exists("#proposal-propose") && exists("#proposal-counsellor-u-c1"));
        clickOn("#proposal-propose");
        until(() -> visible("#proposal-totals") && !text("#proposal-totals").isEmpty());
        assertThat(text("#proposal-totals")).startsWith("3 visites proposées · 140 min de trajet");
        assertThat(office.server.proposalRequests.get(0).monday()).isEqualTo(monday);

        assertThat(visible("#proposal-explanations-q1")).isFalse();
        fire("#proposal-why-q1");
        assertThat(visible("#proposal-explanations-q1")).isTrue();
        interact(() -> ((CheckBox) node("#proposal-stop-q3")).setSelected(false));
        fire("#proposal-accept");
        until(() -> text("#proposal-result").startsWith("2 visites acceptées"));

        assertThat(core.agenda().answeredRequests()).containsExactlyInAnyOrder("q1", "q2");
        List<AgendaItem> made = core.agenda().planned(monday, monday.plusDays(6)).stream()
                .filter(i -> i.status().equals("proposed"))
                .toList();
        assertThat(made).extracting(AgendaItem::residentId).containsExactlyInAnyOrder("rr1", "rr2");
        assertThat(pending(EntityType.APPOINTMENT))
                .containsExactlyInAnyOrderElementsOf(
                        made.stream().map(AgendaItem::appointmentId).toList());
        assertThat(((CheckBox) node("#proposal-stop-q1")).isDisabled()).isTrue();
    }

    @Test
    void offlineTheProposalIsRefusedWithAClearMessageAndNothingIsAsked() {
        office.server.goOffline();
        core.sync().syncNow().join();
        until(() -> visible("#offline-badge"));
        clickOn("#queue-propose");
        until(() -> exists("#proposal-propose"));
        assertThat(visible("#proposal-offline")).isTrue();
        clickOn("#proposal-propose");
        until(() -> visible("#proposal-error"));
        assertThat(text("#proposal-error"))
                .isEqualTo("Hors connexion : la proposition est calculée par le serveur du bureau. Reconnectez-vous "
                        + "puis recommencez ; rien n’est perdu.");
        assertThat(office.server.proposalRequests).isEmpty();
    }

    @Test
    void aWishWithAnImpossibleLengthIsRefusedWithItsMessageAndNotSaved() {
        clickOn("#queue-edit-q1");
        until(() -> visible("#wish-editor"));
        clickOn("#wish-minutes").write("300");
        until(() -> visible("#wish-error"));
        assertThat(text("#wish-error")).isEqualTo("Une visite à domicile dure de 15 à 240 minutes.");
        fire("#wish-save");
        assertThat(visible("#wish-editor")).isTrue();
        assertThat(pending(EntityType.REQUEST)).isEmpty();

        interact(() -> ((TextField) node("#wish-minutes")).setText("75"));
        assertThat(visible("#wish-error")).isFalse();
        fire("#wish-save");
        until(() -> !visible("#wish-editor"));
        assertThat(pending(EntityType.REQUEST)).containsExactly("q1");
        assertThat(core.cases().requests("rr1").get(0).homeVisit().minutes()).isEqualTo(75);
    }
}
