package fr.mediance.app.casework;

import fr.mediance.app.core.casework.Choice;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.theme.Styles;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;

/** Combo boxes and chips over the casework screens' options ({@link Choice}). */
final class Choices {
    private Choices() {}

    /** A combo bound both ways to a code. */
    static ComboBox<Choice> combo(String id, ObservableList<Choice> options, Property<String> code) {
        ComboBox<Choice> combo = new ComboBox<>(options);
        combo.setId(id);
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setMinHeight(44);
        CodeChoices.showLabels(combo, Choice::label);
        Runnable fromModel = () -> combo.setValue(combo.getItems().stream()
                .filter(c -> c.code().equals(code.getValue()))
                .findFirst()
                .orElse(null));
        code.addListener((o, a, b) -> fromModel.run());
        options.addListener((ListChangeListener<Choice>) c -> fromModel.run());
        combo.valueProperty().addListener((o, a, c) -> {
            if (c != null && !Objects.equals(c.code(), code.getValue())) {
                code.setValue(c.code());
            }
        });
        fromModel.run();
        return combo;
    }

    /** Chips, one per option (id {@code idPrefix + code}), ticked when their code is in {@code selected}. */
    static FlowPane chips(String idPrefix, ObservableList<Choice> options, ObservableList<String> selected) {
        FlowPane pane = new FlowPane(8, 8);
        Runnable render = () -> render(pane, idPrefix, options, selected);
        options.addListener((ListChangeListener<Choice>) c -> render.run());
        render.run();
        selected.addListener((ListChangeListener<String>) ch -> pane.getChildren()
                .forEach(n -> {
                    if (n instanceof ToggleButton chip) {
                        boolean on = selected.contains((String) chip.getUserData());
                        if (chip.isSelected() != on) {
                            chip.setSelected(on);
                        }
                    }
                }));
        return pane;
    }

    private static void render(FlowPane pane, String idPrefix, List<Choice> options, ObservableList<String> selected) {
        pane.getChildren().clear();
        for (Choice c : options) {
            ToggleButton chip = new ToggleButton(c.label());
            chip.getStyleClass().add(Styles.CHIP);
            chip.setId(idPrefix + c.code());
            chip.setUserData(c.code());
            chip.setMnemonicParsing(false);
            chip.setMinHeight(44);
            chip.setWrapText(true);
            chip.setSelected(selected.contains(c.code()));
            chip.selectedProperty().addListener((o, a, on) -> {
                if (on && !selected.contains(c.code())) {
                    selected.add(c.code());
                } else if (!on) {
                    selected.remove(c.code());
                }
            });
            pane.getChildren().add(chip);
        }
    }
}
