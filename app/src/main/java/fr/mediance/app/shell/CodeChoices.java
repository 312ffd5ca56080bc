package fr.mediance.app.shell;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.theme.Styles;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;

/**
 * Builders for choosing among the entries of a code list (or any list shown by a text): list cells, a combo box
 * bound to the code a view model keeps, and chips for a multiple choice.
 */
public final class CodeChoices {

    private CodeChoices() {}

    /** A list cell that shows a code's label (its code when it has none). */
    public static ListCell<CodeItem> cell() {
        return cell(CodeItem::labelOrCode);
    }

    /** A list cell that shows {@code text} of its item. */
    public static <T> ListCell<T> cell(Function<? super T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** The cell of a combo box's button: the chosen item's text, or the combo's prompt while none is chosen. */
    public static <T> ListCell<T> buttonCell(ComboBox<T> combo, Function<? super T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? combo.getPromptText() : text.apply(item));
            }
        };
    }

    /** Shows the items of {@code combo} (list and button) by their labels, the prompt while none is chosen. */
    public static <T> void showLabels(ComboBox<T> combo, Function<? super T, String> text) {
        combo.setCellFactory(l -> cell(text));
        combo.setButtonCell(buttonCell(combo, text));
    }

    /**
     * A combo box of a code list bound to {@code code}: it shows the entry of the code the view model holds (also
     * when the options arrive later), and choosing an entry sets the code. Clearing the box keeps the code.
     */
    public static ComboBox<CodeItem> combo(String id, ObservableList<CodeItem> options, Property<String> code) {
        ComboBox<CodeItem> combo = new ComboBox<>(options);
        combo.setId(id);
        combo.setMaxWidth(Double.MAX_VALUE);
        showLabels(combo, CodeItem::labelOrCode);
        Runnable fromModel = () -> {
            CodeItem item = options.stream()
                    .filter(c -> c.code().equals(code.getValue()))
                    .findFirst()
                    .orElse(null);
            if (combo.getValue() != item) {
                combo.setValue(item);
            }
        };
        code.addListener((o, a, b) -> fromModel.run());
        options.addListener((ListChangeListener<CodeItem>) c -> fromModel.run());
        combo.valueProperty().addListener((o, a, item) -> {
            if (item != null && !Objects.equals(item.code(), code.getValue())) {
                code.setValue(item.code());
            }
        });
        fromModel.run();
        return combo;
    }

    /**
     * Chips of a code list, one per entry (id {@code idPrefix + code}), selected when their code is in
     * {@code selected}; toggling one calls {@code select}. Disabled while {@code disabled} holds.
     */
    public static FlowPane chips(
            ObservableList<CodeItem> options,
            ObservableList<String> selected,
            BiConsumer<String, Boolean> select,
            String idPrefix,
            ObservableValue<Boolean> disabled) {
        FlowPane pane = new FlowPane(8, 8);
        Runnable render = () -> {
            pane.getChildren().clear();
            for (CodeItem item : options) {
                ToggleButton chip = new ToggleButton(item.labelOrCode());
                chip.getStyleClass().add(Styles.CHIP);
                chip.setUserData(item.code());
                chip.setId(idPrefix + item.code());
                chip.setSelected(selected.contains(item.code()));
                chip.setMnemonicParsing(false);
                chip.disableProperty().bind(disabled);
                chip.selectedProperty().addListener((o, a, on) -> select.accept(item.code(), on));
                pane.getChildren().add(chip);
            }
        };
        options.addListener((ListChangeListener<CodeItem>) c -> render.run());
        selected.addListener((ListChangeListener<String>) c -> {
            for (Node n : pane.getChildren()) {
                if (n instanceof ToggleButton chip) {
                    boolean on = selected.contains((String) chip.getUserData());
                    if (chip.isSelected() != on) {
                        chip.setSelected(on);
                    }
                }
            }
        });
        render.run();
        return pane;
    }
}
