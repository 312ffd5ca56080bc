package fr.mediance.app.debt;

import fr.mediance.app.core.debt.DebtsViewModel;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The resident file's section « Dettes et impayés »: what the household owes in all and by creditor category, each
 * debt opening its form, and a new debt started from its category.
 */
public final class DebtsSectionView {
    private final DebtsViewModel vm;
    private final ResourceBundle texts;
    private final Consumer<String> addDebt;
    private final Consumer<String> openDebt;

    /** {@code addDebt} receives the category of the new debt, {@code openDebt} a debt's id. */
    public DebtsSectionView(
            DebtsViewModel vm, ResourceBundle texts, Consumer<String> addDebt, Consumer<String> openDebt) {
        this.vm = vm;
        this.texts = texts;
        this.addDebt = addDebt;
        this.openDebt = openDebt;
    }

    public VBox build() {
        Label summary = Ui.bound(vm.summaryProperty(), Styles.ITEM_TITLE);
        summary.setId("debts-summary");
        VBox totals = new VBox(2);
        totals.setId("debts-totals");
        VBox list = new VBox(6);
        list.setId("debts-list");
        Runnable render = () -> render(totals, list);
        vm.items().addListener((ListChangeListener<DebtsViewModel.DebtItem>) c -> render.run());
        render.run();

        ObjectProperty<String> category = new SimpleObjectProperty<>();
        ComboBox<CodeItem> categories = CodeChoices.combo("debts-new-category", vm.categories(), category);
        categories.setMinHeight(44);
        categories.setMaxWidth(Double.MAX_VALUE);
        Button add = Ui.button(texts.getString("debts.add"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("debts-add");
        add.setMinHeight(44);
        add.setMinWidth(Button.USE_PREF_SIZE);
        add.disableProperty().bind(category.isNull());
        add.setOnAction(e -> addDebt.accept(category.get()));
        HBox.setHgrow(categories, Priority.ALWAYS);
        HBox newDebt = new HBox(8, categories, add);
        newDebt.setAlignment(Pos.CENTER_LEFT);
        Label newLabel = Ui.label(texts.getString("debts.new"), Styles.FIELD_LABEL);
        for (javafx.scene.Node n : new javafx.scene.Node[] {newLabel, newDebt}) {
            n.visibleProperty().bind(vm.mayWriteProperty());
            n.managedProperty().bind(vm.mayWriteProperty());
        }

        VBox card = Ui.card(
                Ui.label(texts.getString("debts.title"), Styles.SECTION_TITLE),
                summary,
                totals,
                list,
                newLabel,
                newDebt);
        card.setId("debts-section");
        return card;
    }

    private void render(VBox totals, VBox list) {
        totals.getChildren().clear();
        if (vm.totals().size() > 1) {
            for (DebtsViewModel.CategoryTotal t : vm.totals()) {
                totals.getChildren().add(Ui.label(vm.totalLine(t), Styles.MUTED));
            }
        }
        list.getChildren().clear();
        for (DebtsViewModel.DebtItem d : vm.items()) {
            Label title = Ui.label(d.title(), Styles.ITEM_TITLE);
            Label details = Ui.label(d.details(), Styles.MUTED);
            VBox text = new VBox(2, title, details);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button open = Ui.iconButton(Material2AL.EDIT, d.title());
            open.setMinSize(44, 44);
            open.setOnAction(e -> openDebt.accept(d.id()));
            HBox row = new HBox(8, Icons.of(Material2MZ.RECEIPT), text, open);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("debts-item-" + d.id());
            row.getStyleClass().add(Styles.LIST_ITEM);
            row.setOnMouseClicked(e -> openDebt.accept(d.id()));
            list.getChildren().add(row);
        }
    }
}
