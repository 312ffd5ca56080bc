package fr.mediance.app.visit;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.visit.EnergyCheckViewModel;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.ListNames;
import java.util.Objects;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The energy card of a home visit: meters, Linky, supply and power, heating, eco-gestures, equipment, renovation. */
final class EnergyCheckView {
    private final EnergyCheckViewModel vm;
    private final VisitFields fields;

    EnergyCheckView(EnergyCheckViewModel vm, VisitFields fields) {
        this.vm = vm;
        this.fields = fields;
    }

    VBox build() {
        CheckBox meters = new CheckBox(fields.text("visit.energy.meters"));
        meters.setId("energy-meters");
        meters.selectedProperty().bindBidirectional(vm.metersCheckedProperty());

        ToggleGroup linkyGroup = new ToggleGroup();
        HBox linky = new HBox(8);
        linky.setId("energy-linky");
        Boolean[] values = {Boolean.TRUE, Boolean.FALSE, null};
        String[] keys = {"visit.energy.linky.yes", "visit.energy.linky.no", "visit.energy.linky.unknown"};
        String[] ids = {"yes", "no", "unknown"};
        for (int i = 0; i < values.length; i++) {
            Boolean v = values[i];
            ToggleButton b = new ToggleButton(fields.text(keys[i]));
            b.setId("energy-linky-" + ids[i]);
            b.getStyleClass().add(Styles.CHIP);
            b.setToggleGroup(linkyGroup);
            b.setSelected(Objects.equals(vm.linkyProperty().get(), v));
            b.setOnAction(e -> {
                vm.linkyProperty().set(v);
                b.setSelected(true);
            });
            vm.linkyProperty().addListener((o, a, n) -> b.setSelected(Objects.equals(n, v)));
            b.disableProperty().bind(vm.frozenProperty());
            linky.getChildren().add(b);
        }
        VBox linkyField = new VBox(6, Ui.label(fields.text("visit.energy.linky"), Styles.FIELD_LABEL), linky);
        linkyField.getStyleClass().add(Styles.FIELD);

        ComboBox<CodeItem> supply =
                fields.combo("energy-supply", vm.options(ListNames.SUPPLY_STATE), vm.supplyStateProperty());
        TextField kva = fields.text("energy-kva", vm.kvaProperty());
        VBox kvaField = Ui.field(fields.text("visit.energy.kva"), kva, vm.errorProperty("energy.kva"));
        Ui.showWhen(kvaField, vm.kvaVisibleProperty());
        TextField since = fields.date("energy-since", vm.supplySinceProperty());
        ComboBox<CodeItem> heating =
                fields.combo("energy-heating", vm.options(ListNames.HEATING_TYPE), vm.heatingTypeProperty());
        FlowPane eco = fields.chips(vm.options(ListNames.ECO_GESTURE), vm.ecoGestures(), vm::setEcoGesture, "eco-");
        FlowPane equipment = fields.chips(
                vm.options(ListNames.EQUIPMENT_ISSUE), vm.equipmentIssues(), vm::setEquipmentIssue, "equipment-");
        ComboBox<CodeItem> renovation = fields.combo(
                "energy-renovation", vm.options(ListNames.RENOVATION_ORIENTATION), vm.renovationProperty());
        meters.disableProperty().bind(vm.frozenProperty());

        VBox card = Ui.card(
                Ui.label(fields.text("visit.section.energy"), Styles.SECTION_TITLE),
                meters,
                linkyField,
                Ui.row(
                        Ui.field(fields.text("visit.energy.supply"), supply, null),
                        kvaField,
                        Ui.field(fields.text("visit.energy.since"), since, vm.errorProperty("energy.since"))),
                Ui.field(fields.text("visit.energy.heating"), heating, null),
                fields.chipField("visit.energy.eco", eco, null),
                fields.chipField("visit.energy.equipment", equipment, null),
                Ui.field(fields.text("visit.energy.renovation"), renovation, null));
        VBox contracts = new VBox(6);
        contracts.setId("energy-visit-contracts");
        Runnable renderContracts = () -> {
            contracts.getChildren().clear();
            if (vm.contractLines().isEmpty()) {
                return;
            }
            contracts.getChildren().add(Ui.label(fields.text("visit.energy.contracts"), Styles.FIELD_LABEL));
            for (EnergyCheckViewModel.ContractLine line : vm.contractLines()) {
                javafx.scene.control.Label text = Ui.label(line.text(), Styles.SMALL);
                HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                javafx.scene.control.Button record = Ui.button(
                        fields.text("visit.energy.contract.record"),
                        org.kordamp.ikonli.material2.Material2AL.HISTORY,
                        Styles.SECONDARY);
                record.setId("energy-record-" + line.contractId());
                record.setMinHeight(44);
                record.setMinWidth(javafx.scene.control.Button.USE_PREF_SIZE);
                record.disableProperty()
                        .bind(vm.frozenProperty().or(vm.supplyStateProperty().isNull()));
                record.setOnAction(e -> vm.recordOnContract(line.contractId()));
                HBox row = new HBox(8, text, record);
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                contracts.getChildren().add(row);
            }
        };
        vm.contractLines().addListener((javafx.collections.ListChangeListener<EnergyCheckViewModel.ContractLine>)
                c -> renderContracts.run());
        renderContracts.run();
        card.getChildren().add(3, contracts);
        card.setId("visit-energy");
        Ui.showWhen(card, vm.visibleProperty());
        return card;
    }
}
