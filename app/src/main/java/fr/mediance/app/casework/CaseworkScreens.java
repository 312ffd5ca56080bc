package fr.mediance.app.casework;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.casework.CaseViewModel;
import fr.mediance.app.core.casework.NewResidentViewModel;
import fr.mediance.app.core.casework.UnplannedContactViewModel;
import fr.mediance.app.visit.VisitScreens;
import java.time.LocalDate;
import javafx.scene.Node;

/** Builds the casework screens and view models for the composition root and the resident's file. */
public final class CaseworkScreens {
    private final ScreenContext ctx;

    public CaseworkScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    /** The "Accompagnement" section of a resident's file. */
    public Node caseSection(String residentId) {
        CoreContext core = ctx.core();
        CaseViewModel vm = new CaseViewModel(
                core.cases(),
                core.reference(),
                () -> LocalDate.ofInstant(ctx.clock().instant(), ctx.zone()),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.load(residentId);
        return new CaseSection(vm, ctx.texts(), () -> unplannedContact(residentId)).build();
    }

    /** "Nouveau dossier": the new file opens once created. */
    public void newResident() {
        NewResidentViewModel vm =
                new NewResidentViewModel(ctx.core().residents(), ctx.texts(), ctx.background(), ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.setOnOpen(id -> {
            ctx.shell().navigator().back();
            ctx.openResidentFile().accept(id);
        });
        ctx.shell().navigator().push(new NewResidentView(vm, ctx.texts()));
    }

    /** "Contact sans rendez-vous", for {@code residentId} when given (from their file), else to be chosen. */
    public void unplannedContact(String residentId) {
        CoreContext core = ctx.core();
        UnplannedContactViewModel vm = new UnplannedContactViewModel(
                core.cases(),
                core.visits(),
                core.residents(),
                core.reference(),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.setOnOpenReport(reportId -> {
            ctx.shell().navigator().back();
            new VisitScreens(ctx).openReport(reportId);
        });
        vm.load();
        if (residentId != null) {
            vm.chooseResident(residentId);
        }
        ctx.shell().navigator().push(new UnplannedContactView(vm, ctx.texts()));
    }
}
