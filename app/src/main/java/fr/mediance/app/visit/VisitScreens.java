package fr.mediance.app.visit;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.visit.VisitReportViewModel;
import fr.mediance.app.document.DocumentScreens;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the visit screen from other features: a contact that was not planned (desk, phone...) with a resident,
 * or an existing report. The screen is the same as for a home visit.
 */
public final class VisitScreens {
    private final ScreenContext ctx;

    public VisitScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    private VisitReportViewModel push() {
        VisitReportViewModel vm = new VisitReportViewModel(
                ctx.core().visits(),
                ctx.core().documents(),
                ctx.core().agenda(),
                ctx.core().residents(),
                ctx.core().reference(),
                ctx.capture(),
                ctx.core().sync(),
                ctx.core().mandates()::activeCovering,
                ctx.core().signatures(),
                ctx.clock(),
                ctx.zone(),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.energy().useContracts(ctx.core().energy(), ctx.core().reference());
        ctx.onDispose().accept(vm::dispose);
        VisitView view = new VisitView(vm, ctx.texts());
        view.setOnDescribe(id -> new DocumentScreens(ctx).describe(id, vm.photos()::refresh));
        fr.mediance.app.agenda.NextAppointmentScreens next = new fr.mediance.app.agenda.NextAppointmentScreens(ctx);
        if (next.offered()) {
            view.setOnNextAppointment(() -> {
                if (vm.residentId() != null) {
                    next.open(vm.residentId());
                }
            });
        }
        ctx.shell().navigator().push(view);
        return vm;
    }

    /** The report of an appointment (opened, or started as a draft). */
    public CompletableFuture<Boolean> openAppointment(String appointmentId) {
        return notFound(push().load(appointmentId));
    }

    /** "Nouveau contact": a report for a resident with this medium (a code of "medium"), started now. */
    public CompletableFuture<Boolean> startContact(String residentId, String medium) {
        return notFound(push().startContact(residentId, medium));
    }

    /** A report by its id: a draft to resume or a completed report to read (and correct). */
    public CompletableFuture<Boolean> openReport(String reportId) {
        return notFound(push().loadReport(reportId));
    }

    private CompletableFuture<Boolean> notFound(CompletableFuture<Boolean> opened) {
        return opened.thenApply(found -> {
            if (!found) {
                ctx.shell().showError(ctx.texts().getString("visit.error.not.found"));
            }
            return found;
        });
    }
}
