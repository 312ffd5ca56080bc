package fr.mediance.app.task;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.task.MyTasksViewModel;
import fr.mediance.app.shell.Screen;

/** Builds this feature's screens and view models for the composition root. */
public final class TaskScreens {
    private final ScreenContext ctx;

    public TaskScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    /** "Mes suivis". */
    public Screen myTasks() {
        MyTasksViewModel vm = new MyTasksViewModel(
                ctx.core().tasks(),
                ctx.clock(),
                ctx.zone(),
                ctx.texts(),
                ctx.background(),
                ctx.fx(),
                ctx.openResidentFile());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.refresh();
        return new MyTasksView(vm, ctx.texts());
    }
}
