package fr.mediance.app.partner;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.partner.PartnerDirectoryViewModel;
import fr.mediance.app.core.partner.PartnerFormViewModel;
import fr.mediance.app.core.platform.ExternalApps;
import fr.mediance.app.shell.Screen;

/** Builds the partner directory's screens and view models for the composition root. */
public final class PartnerScreens {
    private final ScreenContext ctx;
    private final ExternalApps apps;

    public PartnerScreens(ScreenContext ctx, ExternalApps apps) {
        this.ctx = ctx;
        this.apps = apps;
    }

    /** « Annuaire »: the search, the results and a partner's card; the office's form from there. */
    public Screen directory() {
        PartnerDirectoryViewModel vm = new PartnerDirectoryViewModel(
                ctx.core().partners(),
                ctx.core().reference(),
                ctx.core().sync(),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        ctx.onDispose().accept(vm::dispose);
        vm.setOnEdit(id -> ctx.shell().navigator().push(form(id, vm)));
        vm.refresh();
        return new PartnerDirectoryView(vm, apps, ctx.texts(), ctx.shell()::showMessage);
    }

    /** The office's form of a partner ({@code partnerId}, or a new one for null). */
    public Screen form(String partnerId, PartnerDirectoryViewModel directory) {
        PartnerFormViewModel vm = new PartnerFormViewModel(
                ctx.core().partners(), ctx.core().reference(), ctx.texts(), ctx.background(), ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.setOnSaved(p -> {
            directory.refresh();
            directory.open(p.id());
        });
        vm.load(partnerId);
        return new PartnerFormView(vm, ctx.texts());
    }
}
