package fr.mediance.app.core.resident;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An executor whose tasks run only when the test says so: the pause after typing, made explicit. */
public final class ManualExecutor implements Executor {
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public void execute(Runnable command) {
        tasks.add(command);
    }

    public int queued() {
        return tasks.size();
    }

    /** Runs every queued task (and those they queue). */
    public void runAll() {
        while (!tasks.isEmpty()) {
            List<Runnable> now = new ArrayList<>(tasks);
            tasks.clear();
            now.forEach(Runnable::run);
        }
    }
}
