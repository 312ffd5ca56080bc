package fr.mediance.app.energy;

import fr.mediance.app.core.energy.ContractFormViewModel;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.EnergyRecords;
import java.util.ResourceBundle;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The form of an energy contract, with its chèque énergie and its supply-state history (« Nouvel état »). */
public final class ContractFormView extends fr.mediance.app.shell.BasicScreen {
    private final ContractFormViewModel vm;
    private final ResourceBundle texts;

    public ContractFormView(ContractFormViewModel vm, ResourceBundle texts) {
        super(texts.getString("energy.form.contract.title"));
        this.vm = vm;
        this.texts = texts;
    }

    private TextField text(String id, StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.setMinHeight(44);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private TextField date(String id, StringProperty value) {
        TextField t = text(id, value);
        t.setPromptText("jj/mm/aaaa");
        return t;
    }

    private VBox field(String key, javafx.scene.control.Control control, String errorField) {
        return Ui.field(texts.getString(key), control, vm.errorProperty(errorField));
    }

    private <T> ComboBox<fr.mediance.app.core.reference.CodeItem> combo(
            String id, String group, java.util.List<String> codes, javafx.beans.property.Property<String> code) {
        ComboBox<fr.mediance.app.core.reference.CodeItem> c =
                CodeChoices.combo(id, Choices.of(group, codes, x -> vm.label(group, x)), code);
        c.setMinHeight(44);
        return c;
    }

    @Override
    protected Node build() {
        ComboBox<fr.mediance.app.core.reference.CodeItem> energy =
                combo("contract-energy", "energy", EnergyRecords.ENERGIES, vm.energyProperty());
        ComboBox<fr.mediance.app.core.reference.CodeItem> supplier =
                CodeChoices.combo("contract-supplier", vm.suppliers(), vm.supplierProperty());
        supplier.setMinHeight(44);
        ComboBox<fr.mediance.app.core.reference.CodeItem> offer =
                combo("contract-offer", "offer", EnergyRecords.OFFERS, vm.offerProperty());
        TextField point = text("contract-delivery-point", vm.deliveryPointProperty());
        VBox pointField = Ui.field("", point, vm.errorProperty("deliveryPoint"));
        ((javafx.scene.control.Label) pointField.getChildren().get(0))
                .textProperty()
                .bind(vm.deliveryPointLabelProperty());
        Ui.showWhen(
                pointField,
                vm.energyProperty().map(e -> EnergyRecords.ELECTRICITE.equals(e) || EnergyRecords.GAZ.equals(e)));
        TextField kva = text("contract-kva", vm.kvaProperty());
        VBox kvaField = field("energy.form.kva", kva, "kva");
        Ui.showWhen(kvaField, vm.electricityProperty());
        CheckBox smart = new CheckBox(texts.getString("energy.form.smartMeter"));
        smart.setId("contract-smart-meter");
        smart.setAllowIndeterminate(true);
        smart.setMinHeight(44);
        Runnable fromModel = () -> {
            Boolean v = vm.smartMeterProperty().get();
            smart.setIndeterminate(v == null);
            smart.setSelected(Boolean.TRUE.equals(v));
        };
        vm.smartMeterProperty().addListener((o, a, b) -> fromModel.run());
        fromModel.run();
        smart.setOnAction(e -> vm.smartMeterProperty().set(smart.isIndeterminate() ? null : smart.isSelected()));
        ComboBox<fr.mediance.app.core.reference.CodeItem> billing =
                combo("contract-billing", "billing", EnergyRecords.BILLING_MODES, vm.billingModeProperty());
        TextField customer = text("contract-customer", vm.customerNumberProperty());
        TextField reading = date("contract-last-reading", vm.lastReadingProperty());

        TextField chequeYear = text("contract-cheque-year", vm.chequeYearProperty());
        TextField chequeAmount = text("contract-cheque-amount", vm.chequeAmountProperty());
        chequeAmount.setPromptText("194,00 €");
        TextField chequeSent = date("contract-cheque-sent", vm.chequeSentProperty());

        Button save = Ui.button(texts.getString("energy.form.save"), Material2MZ.SAVE, Styles.PRIMARY);
        save.setId("contract-save");
        save.setMinHeight(44);
        save.setOnAction(e -> vm.save());

        VBox contract = Ui.card(
                Ui.label(texts.getString("energy.form.contract.title"), Styles.SECTION_TITLE),
                Ui.row(
                        field("energy.form.energy", energy, "energy"),
                        field("energy.form.supplier", supplier, "supplier")),
                Ui.row(field("energy.form.offer", offer, "offer"), pointField),
                Ui.row(kvaField, field("energy.form.billingMode", billing, "billingMode")),
                smart,
                Ui.row(
                        field("energy.form.customerNumber", customer, "customerNumber"),
                        field("energy.form.lastReading", reading, "lastReading")));
        VBox cheque = Ui.card(
                Ui.label(texts.getString("energy.form.cheque"), Styles.SECTION_TITLE),
                Ui.row(
                        field("energy.form.chequeYear", chequeYear, "chequeYear"),
                        field("energy.form.chequeAmount", chequeAmount, "chequeAmount"),
                        field("energy.form.chequeSent", chequeSent, "chequeSent")));

        VBox history = new VBox(4);
        history.setId("contract-history");
        Runnable renderHistory = () -> {
            history.getChildren().clear();
            if (vm.history().isEmpty()) {
                history.getChildren().add(Ui.label(texts.getString("energy.form.history.empty"), Styles.MUTED));
            }
            for (String line : vm.history()) {
                history.getChildren().add(Ui.label(line, Styles.LIST_ITEM));
            }
        };
        vm.history().addListener((ListChangeListener<String>) c -> renderHistory.run());
        renderHistory.run();
        ComboBox<fr.mediance.app.core.reference.CodeItem> state =
                combo("contract-new-state", "state", EnergyRecords.SUPPLY_STATES, vm.newStateProperty());
        TextField newKva = text("contract-new-kva", vm.newKvaProperty());
        VBox newKvaField = field("energy.form.newKva", newKva, "newKva");
        Ui.showWhen(newKvaField, vm.newKvaVisibleProperty());
        TextField newDate = date("contract-new-date", vm.newDateProperty());
        ComboBox<fr.mediance.app.core.reference.CodeItem> source =
                combo("contract-new-source", "source", EnergyRecords.SOURCES, vm.newSourceProperty());
        Button addState = Ui.button(texts.getString("energy.form.addState"), Material2AL.ADD, Styles.SECONDARY);
        addState.setId("contract-add-state");
        addState.setMinHeight(44);
        addState.setOnAction(e -> vm.addState());
        VBox newState = new VBox(
                8,
                Ui.label(texts.getString("energy.form.newState"), Styles.FIELD_LABEL),
                Ui.row(
                        field("energy.form.state", state, "newState"),
                        newKvaField,
                        field("energy.form.newDate", newDate, "newDate"),
                        field("energy.form.newSource", source, "newSource")),
                addState);
        Ui.showWhen(newState, vm.savedProperty());
        javafx.scene.control.Label current = Ui.bound(vm.currentStateProperty(), Styles.ITEM_TITLE);
        current.setId("contract-current-state");
        Ui.hideWhenBlank(current);
        VBox supply = Ui.card(
                Ui.label(texts.getString("energy.form.history"), Styles.SECTION_TITLE), current, history, newState);

        HBox actions = new HBox(8, save);
        VBox page = new VBox(14, contract, cheque, actions, supply);
        page.setId("contract-form");
        return Ui.page(page);
    }
}
