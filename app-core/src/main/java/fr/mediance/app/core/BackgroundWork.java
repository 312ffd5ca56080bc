package fr.mediance.app.core;

import fr.mediance.app.core.store.StoreException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way a view model works in the background: the work runs on the background executor, its result is
 * delivered on the FX executor, and an unexpected exception (a bug, never an expected failure: those are
 * {@link Outcome}s) is logged once with what was being done, then handed to the caller's failure handler on
 * the FX executor so that the screen can say "could not be saved" while the log keeps the trace. A store
 * locked while the work ran (the session was locked under the screen) is expected, not a bug: it is logged
 * at INFO without its trace, and still handed to the failure handler.
 *
 * <p>The returned future completes on the FX executor once the handler has run: with the work's value, or
 * exceptionally with the work's exception after the failure handler. Tests wait on it; screens ignore it.
 */
public final class BackgroundWork {

    private static final System.Logger LOG = System.getLogger(BackgroundWork.class.getName());

    private final Executor background;
    private final Executor fx;

    public BackgroundWork(Executor background, Executor fx) {
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /**
     * Computes {@code work} in the background, then hands its value to {@code onResult} on the FX executor.
     *
     * @param what      what is being done, for the log ("loading the visit report"); never resident data
     * @param onFailure called on the FX executor with the exception if the work (or {@code onResult}) throws
     */
    public <T> CompletableFuture<T> supply(
            String what,
            Supplier<? extends T> work,
            Consumer<? super T> onResult,
            Consumer<? super RuntimeException> onFailure) {
        Objects.requireNonNull(what);
        Objects.requireNonNull(work);
        Objects.requireNonNull(onResult);
        Objects.requireNonNull(onFailure);
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            background.execute(() -> {
                T value;
                try {
                    value = work.get();
                } catch (RuntimeException e) {
                    fail(what, e, onFailure, done);
                    return;
                }
                fx.execute(() -> {
                    try {
                        onResult.accept(value);
                    } catch (RuntimeException e) {
                        LOG.log(Level.ERROR, "Unexpected error while " + what + " (delivering the result)", e);
                        done.completeExceptionally(e);
                        return;
                    }
                    done.complete(value);
                });
            });
        } catch (RuntimeException e) {
            // The executor refused the work (shut down while the app closes).
            LOG.log(Level.WARNING, "Could not start " + what, e);
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Like {@link #supply}, for work with no value: {@code onDone} runs on the FX executor afterwards. */
    public CompletableFuture<Void> run(
            String what, Runnable work, Runnable onDone, Consumer<? super RuntimeException> onFailure) {
        Objects.requireNonNull(work);
        Objects.requireNonNull(onDone);
        return supply(
                what,
                () -> {
                    work.run();
                    return null;
                },
                ignored -> onDone.run(),
                onFailure);
    }

    /** Runs {@code action} on the FX executor (for results that arrive from elsewhere, such as sync events). */
    public void onFx(Runnable action) {
        fx.execute(action);
    }

    private <T> void fail(
            String what, RuntimeException e, Consumer<? super RuntimeException> onFailure, CompletableFuture<T> done) {
        if (e instanceof StoreException s && s.kind() == StoreException.Kind.LOCKED) {
            LOG.log(Level.INFO, "The store was locked while " + what);
        } else {
            LOG.log(Level.ERROR, "Unexpected error while " + what, e);
        }
        fx.execute(() -> {
            try {
                onFailure.accept(e);
            } finally {
                done.completeExceptionally(e);
            }
        });
    }
}
