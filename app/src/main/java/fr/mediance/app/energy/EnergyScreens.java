package fr.mediance.app.energy;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.energy.ContractFormViewModel;
import fr.mediance.app.core.energy.EnergyFileViewModel;
import fr.mediance.app.debt.DebtScreens;
import fr.mediance.app.debt.PaymentPlanScreens;
import fr.mediance.protocol.DebtDto;
import javafx.scene.Node;

/** Builds this feature's section and screens for the composition root. */
public final class EnergyScreens {
    private final ScreenContext ctx;

    public EnergyScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    /** The resident file's section « Énergie : droits et échéances », contracts and unpaid bills. */
    public Node residentEnergy(String residentId) {
        CoreContext core = ctx.core();
        EnergyFileViewModel vm = new EnergyFileViewModel(
                core.energy(),
                core.tasks(),
                core.reference(),
                ctx.clock(),
                ctx.zone(),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        Node node = new EnergySectionView(
                        vm,
                        ctx.texts(),
                        () -> openContract(residentId, null, vm),
                        id -> openContract(residentId, id, vm),
                        () -> openDebt(residentId, null, vm),
                        id -> openDebt(residentId, id, vm))
                .setOnPlan(id -> new PaymentPlanScreens(ctx).openPlanForDebt(residentId, id, null, vm::refresh))
                .build();
        vm.load(residentId);
        return node;
    }

    private void openContract(String residentId, String contractId, EnergyFileViewModel file) {
        CoreContext core = ctx.core();
        ContractFormViewModel vm = new ContractFormViewModel(
                core.energy(), core.reference(), ctx.clock(), ctx.zone(), ctx.texts(), ctx.background(), ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.setOnSaved(c -> file.refresh());
        ctx.shell().navigator().push(new ContractFormView(vm, ctx.texts()));
        vm.load(residentId, contractId);
    }

    private void openDebt(String residentId, String debtId, EnergyFileViewModel file) {
        new DebtScreens(ctx).openForm(residentId, debtId, DebtDto.ENERGY, file::refresh);
    }
}
