package fr.mediance.app.reference;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.reference.CodeListsViewModel;
import fr.mediance.app.shell.Screen;

/** Builds this feature's screens and view models for the composition root. */
public final class ReferenceScreens {
    private final ScreenContext ctx;

    public ReferenceScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    /** "Listes de référence": the office's editor of the code lists. */
    public Screen codeLists() {
        CodeListsViewModel vm = new CodeListsViewModel(ctx.core().reference(), ctx.texts(), ctx.background(), ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.refresh();
        return new CodeListsView(vm, ctx.texts());
    }
}
