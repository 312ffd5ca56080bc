package fr.mediance.app.overindebtedness;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.overindebtedness.OverindebtednessViewModel;

/** Builds the overindebtedness screen and its view model for the composition root. */
public final class OverindebtednessScreens {
    private final ScreenContext ctx;

    public OverindebtednessScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    /** Opens the household's overindebtedness file on top of the back stack. */
    public void open(String residentId, String residentName) {
        OverindebtednessViewModel vm =
                new OverindebtednessViewModel(ctx.core().overindebtedness(), ctx.texts(), ctx.background(), ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        ctx.shell().navigator().push(new OverindebtednessView(vm, ctx.texts(), residentName));
        vm.load(residentId);
    }
}
