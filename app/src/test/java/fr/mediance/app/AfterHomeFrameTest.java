package fr.mediance.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.agenda.AgendaView;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.app.theme.Styles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work that follows an unlock (purge, counts, first sync) waits until home has drawn the agenda with its day. */
class AfterHomeFrameTest extends UiTest {

    @TempDir
    Path dir;

    DemoOffice office;
    ExecutorService coreThread;
    CoreContext core;
    AfterHomeFrame gate;
    /** For each piece of work let go: whether the agenda showed its appointments at that moment. */
    final List<Boolean> dayShownWhenLetGo = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        office = new DemoOffice();
        coreThread = Executors.newSingleThreadExecutor();
        gate = new AfterHomeFrame(work -> {
            dayShownWhenLetGo.add(dayShown());
            coreThread.execute(work);
        });
        core = CoreContext.builder(dir)
                .clock(Clock.systemUTC())
                .pinIterations(1_000)
                .httpClient(TestCores.http())
                .background(coreThread)
                .ui(Platform::runLater)
                .afterUnlock(gate)
                .build();
        core.login(office.server.url(), "conseil1", DemoOffice.PASSWORD);
        core.choosePin(DemoOffice.PIN);
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        core.session().lock();
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        coreThread.shutdownNow();
        office.close();
    }

    /** On the JavaFX thread: home is the agenda and it shows the day's appointments. */
    boolean dayShown() {
        return stage.getScene().getRoot() instanceof fr.mediance.app.shell.AppShell shell
                && shell.navigator().current() instanceof AgendaView agenda
                && !agenda.node().lookupAll("." + Styles.LIST_ITEM).isEmpty();
    }

    @Test
    void the_work_after_the_unlock_is_let_go_once_the_agenda_shows_its_day() throws Exception {
        show(
                () -> {
                    AppComposition c = office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty()));
                    c.holdUnlockWorkUntilHomeIsDrawn(gate);
                    return c;
                },
                800,
                1100);
        until(() -> exists("#pin-key-1"));
        assertThat(gate.held()).isEqualTo(1); // from the first unlock, when the PIN was chosen: still held
        assertThat(dayShownWhenLetGo).isEmpty();

        for (char c : DemoOffice.PIN.toCharArray()) {
            clickOn("#pin-key-" + c);
        }

        until(() -> gate.held() == 0 && dayShownWhenLetGo.size() == 2);
        assertThat(dayShownWhenLetGo).containsExactly(true, true);
        // once home is there, work passes straight through; after a lock it is held again
        List<Boolean> before = new ArrayList<>(dayShownWhenLetGo);
        interact(() -> gate.execute(() -> {}));
        assertThat(dayShownWhenLetGo).hasSize(before.size() + 1);
        core.session().lock();
        until(() -> exists("#pin-key-1"));
        gate.execute(() -> {});
        assertThat(gate.held()).isEqualTo(1);
    }
}
