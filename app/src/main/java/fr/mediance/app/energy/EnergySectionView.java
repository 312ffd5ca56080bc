package fr.mediance.app.energy;

import fr.mediance.app.core.energy.EnergyFileViewModel;
import fr.mediance.app.core.energy.EnergyFileViewModel.ClockLine;
import fr.mediance.app.core.energy.EnergyFileViewModel.ClockSection;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The resident file's energy section: « Énergie : droits et échéances » (today's protections and the dates that
 * follow, per contract with an unpaid bill, each date with « Créer une relance »), then the contracts and the unpaid
 * bills, each opening its form.
 */
public final class EnergySectionView {
    private final EnergyFileViewModel vm;
    private final ResourceBundle texts;
    private final Runnable addContract;
    private final Consumer<String> openContract;
    private final Runnable addDebt;
    private final Consumer<String> openDebt;
    private Consumer<String> openPlan;

    public EnergySectionView(
            EnergyFileViewModel vm,
            ResourceBundle texts,
            Runnable addContract,
            Consumer<String> openContract,
            Runnable addDebt,
            Consumer<String> openDebt) {
        this.vm = vm;
        this.texts = texts;
        this.addContract = addContract;
        this.openContract = openContract;
        this.addDebt = addDebt;
        this.openDebt = openDebt;
    }

    /** Shows an « Échéancier » button on each debt row that opens the debt's payment plan. */
    public EnergySectionView setOnPlan(Consumer<String> openPlan) {
        this.openPlan = openPlan;
        return this;
    }

    public VBox build() {
        VBox clock = new VBox(12);
        clock.setId("energy-clock");
        VBox contracts = new VBox(6);
        contracts.setId("energy-contracts");
        VBox debts = new VBox(6);
        debts.setId("energy-debts");
        Runnable renderClock = () -> renderClock(clock);
        Runnable renderContracts = () -> renderContracts(contracts);
        Runnable renderDebts = () -> renderDebts(debts);
        vm.clockSections().addListener((ListChangeListener<ClockSection>) c -> renderClock.run());
        vm.contracts().addListener((ListChangeListener<EnergyFileViewModel.ContractItem>) c -> renderContracts.run());
        vm.debts().addListener((ListChangeListener<EnergyFileViewModel.DebtItem>) c -> renderDebts.run());
        renderClock.run();
        renderContracts.run();
        renderDebts.run();

        Button newContract = Ui.button(texts.getString("energy.contracts.add"), Material2AL.ADD, Styles.SECONDARY);
        newContract.setId("energy-contract-add");
        newContract.setMinHeight(44);
        newContract.setOnAction(e -> addContract.run());
        Button newDebt = Ui.button(texts.getString("energy.debts.add"), Material2AL.ADD, Styles.SECONDARY);
        newDebt.setId("energy-debt-add");
        newDebt.setMinHeight(44);
        newDebt.setOnAction(e -> addDebt.run());
        for (Button b : new Button[] {newContract, newDebt}) {
            b.visibleProperty().bind(vm.mayWriteProperty());
            b.managedProperty().bind(vm.mayWriteProperty());
        }

        VBox clockCard = Ui.card(Ui.label(texts.getString("energy.section.title"), Styles.SECTION_TITLE), clock);
        VBox contractsCard = Ui.card(
                Ui.label(texts.getString("energy.contracts.title"), Styles.SECTION_TITLE), contracts, newContract);
        VBox debtsCard = Ui.card(Ui.label(texts.getString("energy.debts.title"), Styles.SECTION_TITLE), debts, newDebt);
        VBox box = new VBox(14, clockCard, contractsCard, debtsCard);
        box.setId("energy-section");
        return box;
    }

    private void renderClock(VBox box) {
        box.getChildren().clear();
        if (vm.clockSections().isEmpty()) {
            box.getChildren().add(Ui.label(texts.getString("energy.clock.empty"), Styles.MUTED));
            return;
        }
        int s = 0;
        for (ClockSection section : vm.clockSections()) {
            VBox one = new VBox(6);
            one.getChildren().add(Ui.label(section.title(), Styles.ITEM_TITLE));
            for (String p : section.protections()) {
                Label line = Ui.label(p, Styles.REMINDER);
                line.setGraphic(Icons.of(Material2MZ.SECURITY));
                one.getChildren().add(line);
            }
            if (section.problem() != null) {
                one.getChildren().add(Ui.label(section.problem(), Styles.FORM_ERROR));
            }
            if (!section.dates().isEmpty()) {
                one.getChildren().add(Ui.label(texts.getString("energy.clock.dates"), Styles.FIELD_LABEL));
            }
            int d = 0;
            for (ClockLine line : section.dates()) {
                Label text = Ui.label(line.text(), line.past() ? Styles.MUTED : Styles.ITEM_TIME);
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                HBox head = new HBox(8, Icons.of(Material2AL.EVENT), text);
                head.setAlignment(Pos.CENTER_LEFT);
                // the button goes under its date, so that the sentence keeps the whole width on a phone
                VBox row = new VBox(6, head);
                row.getStyleClass().add(Styles.LIST_ITEM);
                if (!line.past()) {
                    Button followUp =
                            Ui.button(texts.getString("energy.clock.followUp"), Material2MZ.SCHEDULE, Styles.SECONDARY);
                    followUp.setId("energy-followup-" + s + "-" + d);
                    followUp.setMinHeight(44);
                    followUp.setMinWidth(Button.USE_PREF_SIZE);
                    followUp.setOnAction(e -> vm.createFollowUp(line));
                    HBox actions = new HBox(followUp);
                    actions.setAlignment(Pos.CENTER_RIGHT);
                    row.getChildren().add(actions);
                }
                one.getChildren().add(row);
                d++;
            }
            box.getChildren().add(one);
            s++;
        }
    }

    private void renderContracts(VBox box) {
        box.getChildren().clear();
        if (vm.contracts().isEmpty()) {
            box.getChildren().add(Ui.label(texts.getString("energy.contracts.empty"), Styles.MUTED));
        }
        for (EnergyFileViewModel.ContractItem c : vm.contracts()) {
            Label title = Ui.label(c.title(), Styles.ITEM_TITLE);
            Label details = Ui.label(c.details(), Styles.MUTED);
            Ui.hideWhenBlank(details);
            Label supply = Ui.label(c.supply(), Styles.SMALL);
            VBox text = new VBox(2, title, details, supply);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button open = Ui.iconButton(Material2AL.EDIT, c.title());
            open.setMinSize(44, 44);
            open.setOnAction(e -> openContract.accept(c.id()));
            HBox row = new HBox(8, Icons.of(Material2AL.ELECTRICAL_SERVICES), text, open);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("energy-contract-" + c.id());
            row.getStyleClass().add(Styles.LIST_ITEM);
            row.setOnMouseClicked(e -> openContract.accept(c.id()));
            box.getChildren().add(row);
        }
    }

    private void renderDebts(VBox box) {
        box.getChildren().clear();
        if (vm.debts().isEmpty()) {
            box.getChildren().add(Ui.label(texts.getString("energy.debts.empty"), Styles.MUTED));
        }
        for (EnergyFileViewModel.DebtItem d : vm.debts()) {
            VBox text = new VBox(2, Ui.label(d.title(), Styles.ITEM_TITLE), Ui.label(d.details(), Styles.MUTED));
            HBox.setHgrow(text, Priority.ALWAYS);
            Button open = Ui.iconButton(Material2AL.EDIT, d.title());
            open.setMinSize(44, 44);
            open.setOnAction(e -> openDebt.accept(d.id()));
            HBox row = new HBox(8, Icons.of(Material2MZ.RECEIPT), text, open);
            if (openPlan != null) {
                Button plan = Ui.button(texts.getString("plan.debt.open"), Material2AL.EVENT_NOTE, Styles.SECONDARY);
                plan.setId("energy-debt-plan-" + d.id());
                plan.setMinHeight(44);
                plan.setOnAction(e -> openPlan.accept(d.id()));
                // a click on the button is not a click on the row (which opens the debt's form)
                plan.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, javafx.event.Event::consume);
                text.getChildren().add(plan);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("energy-debt-" + d.id());
            row.getStyleClass().add(Styles.LIST_ITEM);
            row.setOnMouseClicked(e -> openDebt.accept(d.id()));
            box.getChildren().add(row);
        }
    }
}
