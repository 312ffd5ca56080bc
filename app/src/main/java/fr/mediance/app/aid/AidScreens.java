package fr.mediance.app.aid;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.aid.AidViewModel;

/** Builds the aid applications screen and its view model for the composition root. */
public final class AidScreens {
    private final ScreenContext ctx;

    public AidScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    /** Opens the household's aid applications on top of the back stack. */
    public void open(String residentId, String residentName) {
        AidViewModel vm = new AidViewModel(
                ctx.core().aids(),
                ctx.core().energy(),
                ctx.core().reference(),
                ctx.clock(),
                ctx.zone(),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        ctx.shell().navigator().push(new AidView(vm, ctx.texts(), residentName));
        vm.load(residentId);
    }
}
