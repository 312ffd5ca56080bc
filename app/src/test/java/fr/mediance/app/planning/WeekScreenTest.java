package fr.mediance.app.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.AppComposition;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.sync.OutboxItem;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.AppointmentPlanning;
import fr.mediance.protocol.EntityType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * « Planification », the coordinator's week: one column per counsellor with its appointments and travel, a drag to
 * another counsellor that moves the appointment (saved and queued), a locked one that does not move, and the list of
 * one counsellor's day on a phone.
 */
class WeekScreenTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;
    AppComposition app;

    @BeforeEach
    void setUp() {
        office = new DemoOffice();
        office.weekOfRounds();
        core = office.signedIn(dir, "coord");
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    void open(double width, double height) throws Exception {
        app = show(
                () -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), width, height);
        // « Planification » is the coordinator's first place
        until(() -> exists("#week-block-w2") || exists("#week-row-w1") || exists("#week-row-a1"));
    }

    Instant at(String time) {
        return ZonedDateTime.of(DemoOffice.boardDay(), LocalTime.parse(time), DemoOffice.PARIS)
                .toInstant();
    }

    /** Drags a block so that its top lands at {@code time} in the column of {@code counsellorId}. */
    void dragTo(String blockId, String counsellorId, String time) {
        Node block = node("#week-block-" + blockId);
        Pane column = node("#week-column-" + counsellorId);
        double px = column.getHeight() / (11 * 60.0);
        Bounds b = block.localToScreen(block.getLayoutBounds());
        Bounds c = column.localToScreen(column.getLayoutBounds());
        double grab = b.getHeight() / 2;
        double minutes = java.time.Duration.between(LocalTime.of(8, 0), LocalTime.parse(time))
                .toMinutes();
        Point2D target = new Point2D(c.getMinX() + c.getWidth() / 2, c.getMinY() + minutes * px + grab + 1);
        drag(block, MouseButton.PRIMARY).moveTo(target).release(MouseButton.PRIMARY);
    }

    @Test
    void the_week_shows_each_counsellors_column_with_its_appointments_and_travel() throws Exception {
        open(1600, 1000);
        until(() -> exists("#week-column-u-c3") && exists("#week-block-w8"));
        assertThat(List.of(exists("#week-column-u-c1"), exists("#week-column-u-c2"), exists("#week-column-u-c3")))
                .containsOnly(true);
        Pane karim = node("#week-column-u-c2");
        assertThat(karim.lookup("#week-block-w1")).isNotNull();
        assertThat(karim.lookup("#week-block-w3")).isNotNull();
        assertThat(karim.lookup("#week-block-w4"))
                .as("a cancellation is not on the board")
                .isNull();
        assertThat(exists("#week-lock-w1")).isTrue();
        assertThat(exists("#week-conflict-w7") && exists("#week-conflict-w8")).isTrue();
        // Karim: 9:00 Château-Gombert (13013) → 10:30 rue de la Loge (13004), then → Saint-Joseph (13014)
        assertThat(text("#week-travel-u-c2-0")).matches("\\d+ min");
        assertThat(text("#week-travel-u-c2-1")).matches("\\d+ min");
        assertThat(text("#week-totals-u-c2")).startsWith("3 visite(s) · 3 h 30 de visite · ");
        assertThat(visible("#week-tasks")).isTrue();
        assertThat(text("#week-day-0")).startsWith("Lun ");
    }

    @Test
    void a_drag_to_another_counsellor_moves_the_appointment() throws Exception {
        open(1600, 1000);
        until(() -> exists("#week-column-u-c3") && exists("#week-block-w2"));
        dragTo("w2", "u-c3", "11:15");
        until(() -> ((Pane) node("#week-column-u-c3")).lookup("#week-block-w2") != null);
        AgendaItem moved = core.agenda().find("w2").orElseThrow();
        assertThat(List.of(moved.counsellorId(), moved.start(), moved.end()))
                .containsExactly("u-c3", at("11:15"), at("12:15"));
        assertThat(core.sync().pendingItems())
                .extracting(OutboxItem::entity, OutboxItem::entityId)
                .contains(org.assertj.core.groups.Tuple.tuple(EntityType.APPOINTMENT, "w2"));
        assertThat(visible("#week-notice")).isFalse();
    }

    @Test
    void a_locked_appointment_does_not_move_and_the_coordinator_is_told() throws Exception {
        open(1600, 1000);
        until(() -> exists("#week-column-u-c3") && exists("#week-block-w1"));
        int queued = core.sync().pendingItems().size();
        dragTo("w1", "u-c3", "12:00");
        until(() -> visible("#week-notice"));
        assertThat(text("#week-notice")).isEqualTo(AppointmentPlanning.LOCKED_NOT_MOVED);
        AgendaItem kept = core.agenda().find("w1").orElseThrow();
        assertThat(List.of(kept.counsellorId(), kept.start())).containsExactly("u-c2", at("09:00"));
        assertThat(core.sync().pendingItems()).hasSize(queued);
        assertThat(((Pane) node("#week-column-u-c2")).lookup("#week-block-w1")).isNotNull();
    }

    @Test
    void a_touch_on_a_free_slot_opens_the_planning_form_there() throws Exception {
        open(1600, 1000);
        until(() -> exists("#week-column-u-c3") && exists("#week-block-w8"));
        Pane lea = node("#week-column-u-c3");
        double px = lea.getHeight() / (11 * 60.0);
        Bounds c = lea.localToScreen(lea.getLayoutBounds());
        clickOn(new Point2D(c.getMinX() + 20, c.getMinY() + (9 * 60 + 5) * px)); // 17:05
        until(() -> exists("#planning-submit") && ((ComboBox<?>) node("#planning-counsellor")).getValue() != null);
        assertThat(List.of(
                        ((javafx.scene.control.TextField) node("#planning-date")).getText(),
                        ((javafx.scene.control.TextField) node("#planning-startTime")).getText()))
                .containsExactly(
                        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                                .format(DemoOffice.boardDay()),
                        "17:00");
        assertThat(((fr.mediance.app.core.reference.UserItem) ((ComboBox<?>) node("#planning-counsellor")).getValue())
                        .id())
                .isEqualTo("u-c3");
    }

    @Test
    void on_a_phone_one_counsellors_day_is_a_list() throws Exception {
        open(412, 915);
        until(() -> exists("#week-list") && exists("#week-counsellor"));
        assertThat(exists("#week-board")).isFalse();
        ComboBox<?> picker = node("#week-counsellor");
        interact(() -> picker.getSelectionModel().select(1)); // Karim Haddad
        until(() -> exists("#week-row-w1"));
        assertThat(List.of(exists("#week-row-w2"), exists("#week-row-w3"), exists("#week-row-w4")))
                .containsOnly(true);
        assertThat(text("#week-travel-u-c2-0")).matches("\\d+ min");
        assertThat(visible("#week-tasks")).isTrue();
    }
}
