package fr.mediance.app.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

    /** Queues FX work so that a test sees which thread hop delivered what. */
    private final List<Runnable> fxQueue = new ArrayList<>();

    private final List<Runnable> backgroundQueue = new ArrayList<>();
    private final BackgroundWork work = new BackgroundWork(backgroundQueue::add, fxQueue::add);
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger julLogger = Logger.getLogger(BackgroundWork.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        julLogger.addHandler(handler);
        julLogger.setUseParentHandlers(false);
    }

    @AfterEach
    void stopListening() {
        julLogger.removeHandler(handler);
        julLogger.setUseParentHandlers(true);
    }

    private static void drain(List<Runnable> queue) {
        while (!queue.isEmpty()) {
            queue.remove(0).run();
        }
    }

    @Test
    void the_work_runs_in_the_background_and_its_value_reaches_the_fx_executor() {
        AtomicReference<String> shown = new AtomicReference<>();
        var done = work.supply("loading", () -> "valeur", shown::set, e -> shown.set("failed"));

        assertThat(fxQueue).isEmpty();
        drain(backgroundQueue);
        assertThat(shown.get()).isNull();
        assertThat(done).isNotDone();
        drain(fxQueue);

        assertThat(shown.get()).isEqualTo("valeur");
        assertThat(done).isCompletedWithValue("valeur");
        assertThat(logged).isEmpty();
    }

    @Test
    void an_unexpected_exception_is_logged_once_with_its_context_and_reaches_the_failure_handler_on_fx() {
        IllegalStateException bug = new IllegalStateException("bug");
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        var done = work.supply(
                "saving the visit report",
                () -> {
                    throw bug;
                },
                v -> {},
                failure::set);

        drain(backgroundQueue);
        assertThat(failure.get()).isNull();
        drain(fxQueue);

        assertThat(failure.get()).isSameAs(bug);
        assertThat(done).isCompletedExceptionally();
        assertThat(logged).singleElement().satisfies(r -> {
            assertThat(r.getMessage()).contains("saving the visit report");
            assertThat(r.getThrown()).isSameAs(bug);
        });
    }

    @Test
    void an_exception_while_delivering_is_logged_and_fails_the_future() {
        var done = work.run(
                "refreshing",
                () -> {},
                () -> {
                    throw new IllegalArgumentException("view bug");
                },
                e -> {});

        drain(backgroundQueue);
        drain(fxQueue);

        assertThat(done).isCompletedExceptionally();
        assertThat(logged)
                .singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains("refreshing"));
    }

    @Test
    void a_refused_executor_fails_the_future_instead_of_throwing_at_the_caller() {
        Executor closed = r -> {
            throw new java.util.concurrent.RejectedExecutionException("closed");
        };
        var done = new BackgroundWork(closed, fxQueue::add).run("closing", () -> {}, () -> {}, e -> {});

        assertThat(done).isCompletedExceptionally();
        assertThat(logged).hasSize(1);
    }

    @Test
    void a_store_locked_under_the_screen_is_logged_without_a_trace_and_still_reaches_the_failure_handler() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        var locked = new fr.mediance.app.core.store.StoreException(
                fr.mediance.app.core.store.StoreException.Kind.LOCKED, "the store is locked");
        var done = work.supply(
                "reading the items on their way",
                () -> {
                    throw locked;
                },
                v -> {},
                failure::set);

        drain(backgroundQueue);
        drain(fxQueue);

        assertThat(failure.get()).isSameAs(locked);
        assertThat(done).isCompletedExceptionally();
        assertThat(logged).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.INFO);
            assertThat(r.getMessage()).isEqualTo("The store was locked while reading the items on their way");
            assertThat(r.getThrown()).isNull();
        });
    }
}
