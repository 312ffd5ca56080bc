package fr.mediance.app.debt;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.debt.DebtsViewModel;
import fr.mediance.app.core.energy.DebtFormViewModel;
import fr.mediance.app.energy.DebtFormView;
import javafx.scene.Node;

/** Builds the resident file's section « Dettes » and the debt form for the composition root. */
public final class DebtScreens {
    private final ScreenContext ctx;

    public DebtScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    /** The resident file's section « Dettes et impayés »: every debt, by creditor category, with what is owed. */
    public Node residentDebts(String residentId) {
        CoreContext core = ctx.core();
        DebtsViewModel vm = new DebtsViewModel(
                core.energy(), core.paymentPlans(), core.reference(), ctx.texts(), ctx.background(), ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        Node node = new DebtsSectionView(
                        vm,
                        ctx.texts(),
                        category -> openForm(residentId, null, category, vm::refresh),
                        id -> openForm(residentId, id, null, vm::refresh))
                .build();
        vm.load(residentId);
        return node;
    }

    /**
     * Opens the form of a debt ({@code debtId}) or of a new one of {@code category}; once saved, {@code saved} runs
     * and the form closes.
     */
    public void openForm(String residentId, String debtId, String category, Runnable saved) {
        CoreContext core = ctx.core();
        DebtFormViewModel vm =
                new DebtFormViewModel(core.energy(), core.reference(), ctx.texts(), ctx.background(), ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.setOnSaved(d -> {
            saved.run();
            ctx.shell().navigator().back();
        });
        ctx.shell().navigator().push(new DebtFormView(vm, ctx.texts()));
        vm.load(residentId, debtId, category);
    }
}
