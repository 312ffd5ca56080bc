package fr.mediance.app.rounds;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.platform.ExternalApps;
import fr.mediance.app.core.rounds.InformViewModel;
import fr.mediance.app.core.rounds.RequestQueueViewModel;
import fr.mediance.app.core.rounds.WeekProposalViewModel;
import fr.mediance.app.shell.AppShell;
import fr.mediance.app.shell.Screen;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The coordination's rounds: « Demandes » (the requests queue), and from it « Proposer la semaine » and « Personnes à
 * prévenir », each pushed on the shell's back stack.
 */
public final class RoundsScreens {
    private final CoreContext core;
    private final ExternalApps apps;
    private final ObservableBooleanValue online;
    private final AppShell shell;
    private final Consumer<Runnable> disposers;
    private final ResourceBundle texts;
    private final Executor background;
    private final Executor fx;

    public RoundsScreens(
            CoreContext core,
            ExternalApps apps,
            ObservableBooleanValue online,
            AppShell shell,
            Consumer<Runnable> disposers,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.core = core;
        this.apps = apps;
        this.online = online;
        this.shell = shell;
        this.disposers = disposers;
        this.texts = texts;
        this.background = background;
        this.fx = fx;
    }

    /** « Demandes à visiter ». */
    public Screen queue() {
        RequestQueueViewModel vm = new RequestQueueViewModel(
                core.requestQueue(), core.cases(), core.reference(), core.clock(), core.zone(), texts, background, fx);
        vm.setOnMessage(shell::showMessage);
        vm.refresh();
        disposers.accept(core.sync().addDataListener(types -> fx.execute(vm::refresh)));
        return new RequestQueueView(vm, texts, this::propose, this::inform);
    }

    /** « Proposer la semaine ». */
    public void propose() {
        WeekProposalViewModel vm = new WeekProposalViewModel(
                core::remote,
                online,
                core.requestQueue(),
                core.agenda(),
                core.reference(),
                core.clock(),
                core.zone(),
                texts,
                background,
                fx);
        vm.load();
        shell.navigator().push(new WeekProposalView(vm, texts, this::inform));
    }

    /** « Personnes à prévenir ». */
    public void inform() {
        InformViewModel vm = new InformViewModel(
                core.agenda(), core.requestQueue(), apps, core.clock(), core.zone(), texts, background, fx);
        vm.setOnMessage(shell::showMessage);
        vm.refresh();
        shell.navigator().push(new InformView(vm, texts));
    }
}
