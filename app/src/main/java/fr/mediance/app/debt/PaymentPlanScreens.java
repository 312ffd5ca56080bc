package fr.mediance.app.debt;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.debt.PaymentPlanViewModel;

/** Builds the payment plans screen and its view model for the composition root; other screens reuse its entries. */
public final class PaymentPlanScreens {
    private final ScreenContext ctx;

    public PaymentPlanScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    private PaymentPlanViewModel viewModel(Runnable onSaved) {
        CoreContext core = ctx.core();
        PaymentPlanViewModel vm = new PaymentPlanViewModel(
                core.paymentPlans(),
                core.energy(),
                core.tasks(),
                core.documents(),
                core.reference(),
                ctx.clock(),
                ctx.zone(),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.setOnSaved(onSaved);
        return vm;
    }

    /** Opens the household's payment plans on top of the back stack. */
    public void open(String residentId, String residentName) {
        PaymentPlanViewModel vm = viewModel(() -> {});
        ctx.shell().navigator().push(new PaymentPlanView(vm, ctx.texts(), residentName));
        vm.load(residentId);
    }

    /**
     * Opens the plan of a debt (the plan that covers it, or a new plan for it); {@code onSaved} runs after each save
     * (the caller refreshes its debts, whose status may have changed).
     */
    public void openPlanForDebt(String residentId, String debtId, String residentName, Runnable onSaved) {
        PaymentPlanViewModel vm = viewModel(onSaved);
        ctx.shell().navigator().push(new PaymentPlanView(vm, ctx.texts(), residentName));
        vm.openPlanForDebt(residentId, debtId);
    }
}
