package fr.mediance.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Holds the work that follows an unlock (the retention purge, the pending counts, the first sync: see
 * {@code CoreContext.Builder.afterUnlock}) until the home screen has drawn its first frame with its content, then
 * hands it to the background executor. So the first screen after the PIN has the store and the cores to itself, and
 * the sync starts a frame later. While home is shown, work passes straight through; once home is left (locked, signed
 * out) work is held again until home is back.
 */
final class AfterHomeFrame implements Executor {
    private final Executor background;
    private final List<Runnable> held = new ArrayList<>();
    private boolean open; // guarded by this

    AfterHomeFrame(Executor background) {
        this.background = background;
    }

    @Override
    public void execute(Runnable work) {
        synchronized (this) {
            if (!open) {
                held.add(work);
                return;
            }
        }
        background.execute(work);
    }

    /** Home has drawn its first frame: the held work starts, in the order it came, and later work passes straight. */
    void open() {
        List<Runnable> now;
        synchronized (this) {
            open = true;
            now = List.copyOf(held);
            held.clear();
        }
        now.forEach(background::execute);
    }

    /** Home is gone: work is held again until it has drawn its first frame once more. */
    synchronized void close() {
        open = false;
    }

    /** Work waiting for home's first frame. */
    synchronized int held() {
        return held.size();
    }
}
