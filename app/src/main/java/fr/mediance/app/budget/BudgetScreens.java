package fr.mediance.app.budget;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.budget.BudgetViewModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Builds the budget screen and its view model for the composition root. */
public final class BudgetScreens {
    /** The pause in the typing after which the sheet is saved. */
    static final long PAUSE_MILLIS = 600;

    private final ScreenContext ctx;

    public BudgetScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    /** Opens the household's budget on top of the back stack. */
    public void open(String residentId, String residentName) {
        BudgetViewModel vm = new BudgetViewModel(
                ctx.core().budgets(),
                ctx.core().reference(),
                ctx.clock(),
                ctx.zone(),
                ctx.texts(),
                CompletableFuture.delayedExecutor(PAUSE_MILLIS, TimeUnit.MILLISECONDS, ctx.background()),
                ctx.background(),
                ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        ctx.onDispose().accept(vm::flush);
        ctx.shell().navigator().push(new BudgetView(vm, ctx.texts(), residentName));
        vm.load(residentId);
    }
}
