package fr.mediance.app.reference;

import fr.mediance.app.core.reference.CodeListsViewModel;
import fr.mediance.app.core.reference.CodeListsViewModel.ListChoice;
import fr.mediance.app.core.reference.CodeListsViewModel.Row;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.shell.WholeListTable;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Listes de référence", desktop first: the list picker, the form of an entry with its messages beside the
 * fields (shown above the table while an entry is open), and the entries in a table (a tap opens one).
 */
public final class CodeListsView extends BasicScreen {
    /** Row height: a tap target of at least 44 px. */
    static final double ROW_HEIGHT = 44;

    private final CodeListsViewModel vm;
    private final ResourceBundle texts;

    public CodeListsView(CodeListsViewModel vm, ResourceBundle texts) {
        super(texts.getString("reference.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        ComboBox<ListChoice> picker = new ComboBox<>();
        picker.getItems().setAll(vm.lists());
        picker.setId("reference-list");
        picker.setPromptText(texts.getString("reference.pick"));
        picker.setVisibleRowCount(12);
        picker.valueProperty().addListener((o, old, list) -> {
            if (list != null && !list.equals(vm.selectedProperty().get())) {
                vm.select(list);
            }
        });
        Button add = Ui.button(texts.getString("reference.add"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("reference-add");
        add.disableProperty().bind(vm.selectedProperty().isNull());
        add.setMinWidth(Button.USE_PREF_SIZE);
        add.setOnAction(e -> vm.add());
        VBox pickerField = Ui.field(texts.getString("reference.list.label"), picker, null);
        HBox.setHgrow(pickerField, Priority.ALWAYS);
        HBox top = new HBox(12, pickerField, add);
        top.setAlignment(Pos.BOTTOM_LEFT);

        Label intro = Ui.label(texts.getString("reference.intro"), Styles.MUTED);
        TableView<Row> table = table();
        Label empty = Ui.bound(vm.emptyTextProperty(), Styles.HINT);
        empty.setId("reference-empty");
        empty.visibleProperty().bind(vm.emptyTextProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());

        // the form sits above the table, so that it is in view whichever entry was tapped
        VBox column = new VBox(14, intro, top, form(), empty, table);
        column.setId("reference-screen");
        javafx.scene.control.ScrollPane page = Ui.page(column);
        vm.editingProperty().addListener((o, was, now) -> {
            if (now) {
                page.setVvalue(0);
            }
        });
        return page;
    }

    private TableView<Row> table() {
        TableView<Row> table = WholeListTable.of(vm.rows(), ROW_HEIGHT, TableRow::new, vm::edit);
        table.setId("reference-entries");
        table.getColumns().add(column("reference.column.label", Row::label, 4));
        table.getColumns().add(column("reference.column.code", Row::code, 2));
        table.getColumns().add(column("reference.column.parent", Row::parent, 2));
        table.getColumns().add(column("reference.column.value", Row::value, 1.5));
        table.getColumns().add(column("reference.column.active", Row::activeText, 1));
        table.getColumns().add(column("reference.column.order", r -> Integer.toString(r.sortOrder()), 1));
        return table;
    }

    private TableColumn<Row, String> column(String key, Function<Row, String> value, double weight) {
        return WholeListTable.column(texts.getString(key), value, weight);
    }

    private Node form() {
        TextField code = text("reference-code", vm.codeProperty());
        code.disableProperty().bind(vm.creatingProperty().not());
        TextField label = text("reference-label", vm.labelProperty());
        TextField parent = text("reference-parent", vm.parentProperty());
        TextField value = text("reference-value", vm.valueProperty());
        TextField order = text("reference-order", vm.sortOrderProperty());
        CheckBox active = new CheckBox(texts.getString("reference.field.active"));
        active.setId("reference-active");
        active.selectedProperty().bindBidirectional(vm.activeProperty());

        VBox valueField = Ui.field(texts.getString("reference.field.value"), value, error("value"));
        valueField.getChildren().add(1, Ui.bound(vm.valueHintProperty(), Styles.HINT, Styles.SMALL));

        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("reference-form-error");
        formError.visibleProperty().bind(vm.formErrorProperty().isNotEmpty());
        formError.managedProperty().bind(formError.visibleProperty());

        Button save = Ui.button(texts.getString("reference.save"), Material2MZ.SAVE, Styles.PRIMARY);
        save.setId("reference-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        Button cancel = Ui.button(texts.getString("reference.cancel"), null, Styles.SECONDARY);
        cancel.setId("reference-cancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox buttons = new HBox(12, save, cancel);

        VBox card = Ui.card(
                Ui.bound(vm.formTitleProperty(), Styles.CARD_TITLE),
                Ui.field(texts.getString("reference.field.label"), label, error("label")),
                Ui.field(texts.getString("reference.field.code"), code, error("code")),
                Ui.row(
                        Ui.field(texts.getString("reference.field.parent"), parent, error("parent")),
                        Ui.field(texts.getString("reference.field.order"), order, error("sortOrder"))),
                valueField,
                active,
                formError,
                buttons);
        card.setId("reference-form");
        card.setSpacing(12);
        card.visibleProperty().bind(vm.editingProperty());
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private StringBinding error(String field) {
        return Bindings.createStringBinding(() -> vm.errors().getOrDefault(field, ""), vm.errors());
    }
}
