package fr.mediance.app.resident;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.aid.AidScreens;
import fr.mediance.app.budget.BudgetScreens;
import fr.mediance.app.casework.CaseworkScreens;
import fr.mediance.app.consent.ConsentView;
import fr.mediance.app.consent.MandateView;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.consent.ConsentViewModel;
import fr.mediance.app.core.consent.MandateViewModel;
import fr.mediance.app.core.resident.ResidentFileViewModel;
import fr.mediance.app.core.resident.ResidentSearchViewModel;
import fr.mediance.app.debt.DebtScreens;
import fr.mediance.app.debt.PaymentPlanScreens;
import fr.mediance.app.document.DocumentScreens;
import fr.mediance.app.energy.EnergyScreens;
import fr.mediance.app.overindebtedness.OverindebtednessScreens;
import fr.mediance.app.shell.Screen;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Builds this feature's screens and view models for the composition root. */
public final class ResidentScreens {
    /** The pause in the typing after which a search runs or a field is saved. */
    static final long PAUSE_MILLIS = 350;

    private final ScreenContext ctx;

    public ResidentScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    private Executor pause() {
        return CompletableFuture.delayedExecutor(PAUSE_MILLIS, TimeUnit.MILLISECONDS, ctx.background());
    }

    /** "Personnes": search, results, new person. */
    public Screen search() {
        CoreContext core = ctx.core();
        ResidentSearchViewModel vm = new ResidentSearchViewModel(
                core.residents(), core.residentFiles(), core.sync(), ctx.texts(), pause(), ctx.background(), ctx.fx());
        vm.setOnOpen(this::openFile);
        ctx.onDispose().accept(vm::dispose);
        return new ResidentSearchView(vm, ctx.texts());
    }

    /** Opens a resident's file on top of the back stack. */
    public void openFile(String residentId) {
        CoreContext core = ctx.core();
        ResidentFileViewModel vm = new ResidentFileViewModel(
                core.residentFiles(),
                core.consents(),
                core.mandates(),
                core.reference(),
                core.sync(),
                ctx.clock(),
                ctx.zone(),
                ctx.texts(),
                pause(),
                ctx.background(),
                ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        ctx.onDispose().accept(vm::dispose);
        ResidentFileView view = new ResidentFileView(
                        vm,
                        ctx.texts(),
                        id -> openConsent(id, vm),
                        id -> openMandate(id, vm),
                        () -> new DocumentScreens(ctx).residentDocuments(residentId),
                        () -> new EnergyScreens(ctx).residentEnergy(residentId))
                .withCasework(() -> new CaseworkScreens(ctx).caseSection(residentId))
                .withDebts(() -> new DebtScreens(ctx).residentDebts(residentId));
        fr.mediance.app.agenda.NextAppointmentScreens next = new fr.mediance.app.agenda.NextAppointmentScreens(ctx);
        if (next.offered()) {
            view.setOnNextAppointment(() -> next.open(residentId));
        }
        view.setOnBudget(
                () -> new BudgetScreens(ctx).open(residentId, vm.titleProperty().get()));
        view.setOnAids(
                () -> new AidScreens(ctx).open(residentId, vm.titleProperty().get()));
        view.setOnOverindebtedness(() -> new OverindebtednessScreens(ctx)
                .open(residentId, vm.titleProperty().get()));
        view.setOnPaymentPlans(() ->
                new PaymentPlanScreens(ctx).open(residentId, vm.titleProperty().get()));
        boolean mayExport = core.session()
                .account()
                .map(fr.mediance.app.core.session.AccountInfo::role)
                .map(fr.mediance.app.core.audit.ResidentExports::mayExport)
                .orElse(false);
        if (mayExport) {
            view.setOnExport(() -> export(residentId, view));
        }
        ctx.shell().navigator().push(view);
        vm.load(residentId).thenAccept(found -> {
            if (!found) {
                ctx.shell().showError(ctx.texts().getString("resident.error.not.found"));
            }
        });
    }

    /** Asks where to save the access export (its extension chooses the format), then downloads it there. */
    private void export(String residentId, ResidentFileView view) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setInitialFileName("export-" + residentId.substring(0, Math.min(8, residentId.length())) + ".pdf");
        chooser.getExtensionFilters()
                .addAll(
                        new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"),
                        new javafx.stage.FileChooser.ExtensionFilter("HTML", "*.html"),
                        new javafx.stage.FileChooser.ExtensionFilter("JSON", "*.json"),
                        new javafx.stage.FileChooser.ExtensionFilter("ZIP (JSON, PDF et fichiers)", "*.zip"));
        java.io.File file = chooser.showSaveDialog(
                view.node().getScene() == null ? null : view.node().getScene().getWindow());
        if (file == null) {
            return;
        }
        fr.mediance.app.core.audit.ResidentExports exports =
                new fr.mediance.app.core.audit.ResidentExports(ctx.core()::remote, ctx.texts());
        ctx.shell().showMessage(ctx.texts().getString("export.working"));
        ctx.background().execute(() -> {
            String message = exports.saveTo(residentId, file.toPath());
            ctx.fx().execute(() -> ctx.shell().showMessage(message));
        });
    }

    private void openConsent(String residentId, ResidentFileViewModel file) {
        CoreContext core = ctx.core();
        ConsentViewModel vm =
                new ConsentViewModel(core.consents(), core.reference(), ctx.texts(), ctx.background(), ctx.fx());
        vm.setOnRecorded(c -> {
            ctx.shell().showMessage(ctx.texts().getString("consent.recorded"));
            file.refresh();
        });
        ctx.shell().navigator().push(new ConsentView(vm, ctx.texts()));
        vm.load(residentId);
    }

    private void openMandate(String residentId, ResidentFileViewModel file) {
        CoreContext core = ctx.core();
        MandateViewModel vm = new MandateViewModel(
                core.mandates(), core.reference(), ctx.clock(), ctx.zone(), ctx.texts(), ctx.background(), ctx.fx());
        vm.setOnSigned(m -> {
            ctx.shell().showMessage(ctx.texts().getString("mandate.signed"));
            ctx.shell().navigator().back();
            file.refresh();
        });
        ctx.shell()
                .navigator()
                .push(new MandateView(vm, ctx.texts(), file.titleProperty().get()));
        vm.load(residentId);
    }
}
