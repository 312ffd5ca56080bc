package fr.mediance.app.budget;

import fr.mediance.app.core.budget.BudgetLine;
import fr.mediance.app.core.budget.BudgetViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.Budgets;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Budget du foyer »: the figures of the month first (what the counsellor and the resident look at together),
 * then the persons, the income, charges and credit lines, remarks, and the earlier sheets to show or compare.
 */
public final class BudgetView extends BasicScreen {
    private final BudgetViewModel vm;
    private final ResourceBundle texts;

    public BudgetView(BudgetViewModel vm, ResourceBundle texts, String residentName) {
        super(
                residentName == null || residentName.isBlank()
                        ? texts.getString("budget.title")
                        : texts.getString("budget.title") + " · " + residentName);
        this.vm = vm;
        this.texts = texts;
    }

    /** Leaving the screen saves what was typed. */
    @Override
    public void onHide() {
        vm.flush();
    }

    @Override
    protected Node build() {
        Label sheetTitle = Ui.bound(vm.titleProperty(), Styles.SCREEN_TITLE);
        sheetTitle.setId("budget-title");
        Label readOnly = Ui.bound(vm.authorProperty(), Styles.REMINDER);
        readOnly.setId("budget-readonly");
        Ui.hideWhenBlank(readOnly);
        Label status = Ui.bound(vm.saveStatusProperty(), Styles.HINT);
        status.setId("budget-save-status");
        Ui.hideWhenBlank(status);
        Button newSheet = Ui.button(texts.getString("budget.new"), Material2AL.ADD, Styles.SECONDARY);
        newSheet.setId("budget-new");
        newSheet.setMinHeight(44);
        newSheet.setOnAction(e -> vm.newSnapshot());
        Button save = Ui.button(texts.getString("budget.save"), Material2AL.CHECK_CIRCLE, Styles.PRIMARY);
        save.setId("budget-save");
        save.setMinHeight(44);
        save.setOnAction(e -> vm.save());
        Ui.showWhen(save, vm.editableProperty());
        FlowPane actions = new FlowPane(8, 8, save, newSheet);
        VBox header = new VBox(6, sheetTitle, readOnly, status, actions);

        TextField persons = new TextField();
        persons.setId("budget-persons");
        persons.setMinHeight(44);
        persons.setPrefColumnCount(4);
        persons.textProperty().bindBidirectional(vm.personsProperty());
        persons.editableProperty().bind(vm.editableProperty());

        TextField adults = new TextField();
        adults.setId("budget-adults");
        adults.setMinHeight(44);
        adults.setPrefColumnCount(4);
        adults.textProperty().bindBidirectional(vm.adultsProperty());
        adults.editableProperty().bind(vm.editableProperty());

        TextArea note = new TextArea();
        note.setId("budget-note");
        note.setWrapText(true);
        note.setPrefRowCount(3);
        note.textProperty().bindBidirectional(vm.noteProperty());
        note.editableProperty().bind(vm.editableProperty());

        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("budget-form-error");
        Ui.hideWhenBlank(formError);

        VBox page = new VBox(
                16,
                header,
                figures(),
                Ui.card(Ui.row(
                        Ui.field(texts.getString("budget.persons"), persons, vm.personsErrorProperty()),
                        Ui.field(texts.getString("budget.adults"), adults, vm.adultsErrorProperty()))),
                lines("incomes", texts.getString("budget.incomes"), vm.incomes(), Budgets.INCOME, "budget.add.income"),
                lines(
                        "charges",
                        texts.getString("budget.charges.title"),
                        vm.charges(),
                        Budgets.CHARGE,
                        "budget.add.charge"),
                lines("credits", texts.getString("budget.credits"), vm.credits(), Budgets.CREDIT, "budget.add.credit"),
                Ui.card(Ui.field(texts.getString("budget.note"), note, vm.noteErrorProperty())),
                formError,
                history(),
                comparison());
        return Ui.page(page);
    }

    private Node figures() {
        GridPane grid = new GridPane();
        grid.setId("budget-figures");
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints what = new ColumnConstraints();
        what.setHgrow(Priority.ALWAYS);
        ColumnConstraints amount = new ColumnConstraints();
        amount.setHalignment(javafx.geometry.HPos.RIGHT);
        grid.getColumnConstraints().setAll(what, amount);
        figure(grid, 0, "budget.income", vm.incomeProperty(), "budget-income");
        figure(grid, 1, "budget.charges", vm.spendingProperty(), "budget-charges");
        Label rest = figure(grid, 2, "budget.rest", vm.restProperty(), "budget-rest");
        rest.getStyleClass().add(Styles.ITEM_TITLE);
        vm.negativeRestProperty()
                .addListener((o, a, negative) ->
                        rest.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), negative));
        figure(grid, 3, "budget.rest.person", vm.restPerPersonProperty(), "budget-rest-person");
        figure(grid, 4, "budget.effort", vm.effortRateProperty(), "budget-effort");
        figure(grid, 5, "budget.rsa", vm.rsaFloorProperty(), "budget-rsa");
        Label rsaNote = Ui.bound(vm.rsaNoteProperty(), Styles.HINT, Styles.SMALL);
        rsaNote.setId("budget-rsa-note");
        Ui.hideWhenBlank(rsaNote);
        Label belowRsa = Ui.label(texts.getString("budget.below.rsa"), Styles.REMINDER);
        belowRsa.setId("budget-below-rsa");
        Ui.showWhen(belowRsa, vm.belowRsaProperty());
        Label precarity = Ui.label(texts.getString("budget.precarity"), Styles.REMINDER);
        precarity.setId("budget-precarity");
        precarity.setGraphic(fr.mediance.app.shell.Icons.of(Material2MZ.WARNING));
        Ui.showWhen(precarity, vm.precarityProperty());
        Label negative = Ui.label(texts.getString("budget.rest.negative"), Styles.REMINDER);
        negative.setId("budget-negative");
        Ui.showWhen(negative, vm.negativeRestProperty());
        return Ui.card(
                Ui.label(texts.getString("budget.figures"), Styles.SECTION_TITLE),
                grid,
                rsaNote,
                precarity,
                negative,
                belowRsa);
    }

    private Label figure(
            GridPane grid, int row, String key, javafx.beans.value.ObservableValue<String> value, String id) {
        Label name = Ui.label(texts.getString(key), Styles.MUTED);
        Label amount = Ui.bound(value);
        amount.setId(id);
        amount.setWrapText(false);
        amount.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(name, 0, row);
        grid.add(amount, 1, row);
        return amount;
    }

    private Node lines(String id, String title, ObservableList<BudgetLine> rows, String kind, String addKey) {
        VBox list = new VBox(10);
        list.setId("budget-lines-" + id);
        Runnable render =
                () -> list.getChildren().setAll(rows.stream().map(this::line).toList());
        rows.addListener((ListChangeListener<BudgetLine>) c -> render.run());
        render.run();
        Button add = Ui.button(texts.getString(addKey), Material2AL.ADD_CIRCLE_OUTLINE, Styles.SECONDARY);
        add.setId("budget-add-" + kind);
        add.setMinHeight(44);
        add.setOnAction(e -> vm.addLine(kind));
        Ui.showWhen(add, vm.editableProperty());
        return Ui.card(Ui.label(title, Styles.SECTION_TITLE), list, add);
    }

    private Node line(BudgetLine row) {
        ComboBox<String> category = new ComboBox<>(FXCollections.observableArrayList(vm.categories(row.kind())));
        category.setPromptText(texts.getString("budget.line.category"));
        CodeChoices.showLabels(category, vm::categoryLabel);
        category.valueProperty().bindBidirectional(row.categoryProperty());
        category.setMinHeight(44);
        category.setMaxWidth(Double.MAX_VALUE);
        category.disableProperty().bind(vm.editableProperty().not());
        category.getStyleClass().add("budget-category");

        TextField amount = new TextField();
        amount.setPromptText(texts.getString("budget.line.amount"));
        amount.textProperty().bindBidirectional(row.amountProperty());
        amount.setMinHeight(44);
        amount.setPrefColumnCount(8);
        amount.setAlignment(Pos.CENTER_RIGHT);
        amount.editableProperty().bind(vm.editableProperty());
        amount.getStyleClass().add("budget-amount");

        ComboBox<String> periodicity = new ComboBox<>(FXCollections.observableArrayList(vm.periodicities()));
        CodeChoices.showLabels(periodicity, vm::periodicityLabel);
        periodicity.valueProperty().bindBidirectional(row.periodicityProperty());
        periodicity.setMinHeight(44);
        periodicity.disableProperty().bind(vm.editableProperty().not());

        Button remove = Ui.iconButton(Material2MZ.REMOVE_CIRCLE_OUTLINE, texts.getString("budget.remove"));
        remove.setMinSize(44, 44);
        remove.setOnAction(e -> vm.removeLine(row));
        Ui.showWhen(remove, vm.editableProperty());

        HBox amounts = new HBox(8, amount, periodicity, remove);
        amounts.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(amount, Priority.ALWAYS);

        TextField label = new TextField();
        label.setPromptText(texts.getString("budget.line.label"));
        label.textProperty().bindBidirectional(row.labelProperty());
        label.setMinHeight(44);
        label.editableProperty().bind(vm.editableProperty());

        CheckBox landlord = new CheckBox(texts.getString("budget.line.landlord"));
        landlord.selectedProperty().bindBidirectional(row.paidToLandlordProperty());
        landlord.setMinHeight(44);
        landlord.disableProperty().bind(vm.editableProperty().not());
        Ui.showWhen(landlord, Bindings.equal(BudgetViewModel.HOUSING_AID, row.categoryProperty()));
        CheckBox justified = new CheckBox(texts.getString("budget.line.justified"));
        justified.selectedProperty().bindBidirectional(row.justifiedProperty());
        justified.setMinHeight(44);
        justified.disableProperty().bind(vm.editableProperty().not());
        FlowPane flags = new FlowPane(16, 4, landlord, justified);

        Label error = Ui.bound(row.errorProperty(), Styles.FIELD_ERROR);
        Ui.hideWhenBlank(error);
        row.errorProperty()
                .addListener((o, a, b) ->
                        amount.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !b.isBlank()));

        VBox box = new VBox(6, Ui.row(category, amounts), label, flags, error);
        box.getStyleClass().add(Styles.LIST_ITEM);
        box.getStyleClass().add("budget-line");
        return box;
    }

    private Node history() {
        VBox list = new VBox(8);
        list.setId("budget-history");
        Label empty = Ui.label(texts.getString("budget.history.empty"), Styles.HINT);
        Runnable render = () -> {
            list.getChildren().clear();
            if (vm.history().isEmpty()) {
                list.getChildren().add(empty);
            }
            for (BudgetViewModel.Snapshot s : vm.history()) {
                Label t = Ui.label(s.title(), Styles.ITEM_TITLE);
                Label r = Ui.label(s.rest(), Styles.MUTED);
                Button show = Ui.button(texts.getString("budget.show"), Material2MZ.VISIBILITY, Styles.SECONDARY);
                show.setMinHeight(44);
                show.setOnAction(e -> vm.open(s.id()));
                Button compare =
                        Ui.button(texts.getString("budget.compare"), Material2AL.COMPARE_ARROWS, Styles.SECONDARY);
                compare.setMinHeight(44);
                compare.setId("budget-compare-" + s.id());
                compare.setOnAction(e -> vm.compareWith(s.id()));
                VBox item = new VBox(4, t, r);
                if (s.shown()) {
                    item.getChildren().add(Ui.label(texts.getString("budget.history.shown"), Styles.HINT));
                } else {
                    item.getChildren().add(new FlowPane(8, 8, show, compare));
                }
                item.getStyleClass().add(Styles.LIST_ITEM);
                list.getChildren().add(item);
            }
        };
        vm.history().addListener((ListChangeListener<BudgetViewModel.Snapshot>) c -> render.run());
        render.run();
        return Ui.card(Ui.label(texts.getString("budget.history"), Styles.SECTION_TITLE), list);
    }

    /** A label never cut nor wrapped (an amount): the column of names wraps instead. */
    private static Label whole(String text, String... styles) {
        Label l = Ui.label(text, styles);
        l.setWrapText(false);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private Node comparison() {
        GridPane grid = new GridPane();
        grid.setId("budget-comparison");
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints what = new ColumnConstraints();
        what.setHgrow(Priority.ALWAYS);
        what.setMinWidth(60);
        ColumnConstraints left = new ColumnConstraints();
        left.setHalignment(javafx.geometry.HPos.RIGHT);
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(javafx.geometry.HPos.RIGHT);
        grid.getColumnConstraints().setAll(what, left, right);
        Runnable render = () -> {
            grid.getChildren().clear();
            grid.add(Ui.label("", Styles.MUTED), 0, 0);
            grid.add(whole(texts.getString("budget.compare.current"), Styles.FIELD_LABEL), 1, 0);
            grid.add(whole(texts.getString("budget.compare.other"), Styles.FIELD_LABEL), 2, 0);
            int r = 1;
            for (BudgetViewModel.ComparisonRow row : vm.comparison()) {
                Label name = Ui.label(row.label(), Styles.MUTED);
                name.setMinWidth(0);
                grid.add(name, 0, r);
                grid.add(whole(row.current()), 1, r);
                grid.add(whole(row.other()), 2, r);
                r++;
            }
        };
        vm.comparison().addListener((ListChangeListener<BudgetViewModel.ComparisonRow>) c -> render.run());
        render.run();
        VBox card = Ui.card(Ui.bound(vm.comparedWithProperty(), Styles.SECTION_TITLE), grid);
        card.setId("budget-comparison-card");
        Ui.showWhen(card, Bindings.isNotEmpty(vm.comparison()));
        return card;
    }
}
