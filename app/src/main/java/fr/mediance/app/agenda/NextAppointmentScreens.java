package fr.mediance.app.agenda;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.agenda.NextAppointmentViewModel;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.protocol.Role;

/** Builds « Prochain rendez-vous » for the composition root (the resident's file, the end of a visit). */
public final class NextAppointmentScreens {
    private final ScreenContext ctx;

    public NextAppointmentScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    /** Whether the signed-in account plans her own appointments here: a counsellor (the coordination plans). */
    public boolean offered() {
        return ctx.core().session().account().map(AccountInfo::role).orElse(null) == Role.COUNSELLOR;
    }

    /** Opens the form for a resident on top of the back stack; saved, it goes back with a message. */
    public void open(String residentId) {
        String me = ctx.core().session().account().map(AccountInfo::userId).orElse(null);
        NextAppointmentViewModel vm = new NextAppointmentViewModel(
                ctx.core().agenda(),
                ctx.core().residents(),
                ctx.core().reference(),
                () -> me,
                ctx.clock(),
                ctx.zone(),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        vm.setOnSaved(id -> {
            ctx.shell().navigator().back();
            ctx.shell().showMessage(ctx.texts().getString("nextAppointment.saved"));
        });
        ctx.shell().navigator().push(new NextAppointmentView(vm, ctx.texts()));
        vm.open(residentId);
    }
}
