package fr.mediance.app.visit;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The fields the parts of the visit screen share: text fields, combo boxes and chips that become read-only once
 * the visit is terminated, and the lines of a list with "Modifier" and "Retirer".
 */
final class VisitFields {
    private final ResourceBundle texts;
    private final ObservableValue<Boolean> frozen;

    VisitFields(ResourceBundle texts, ObservableValue<Boolean> frozen) {
        this.texts = texts;
        this.frozen = frozen;
    }

    String text(String key) {
        return texts.getString(key);
    }

    boolean frozen() {
        return Boolean.TRUE.equals(frozen.getValue());
    }

    ObservableValue<Boolean> frozenProperty() {
        return frozen;
    }

    /**
     * The lines of a list of the report ({@code line} makes the line of the item at an index), drawn again when
     * the list changes or the visit is terminated; {@code emptyKey}'s text when the list is empty.
     */
    <T> VBox itemList(
            String id, double spacing, ObservableList<T> items, String emptyKey, BiFunction<Integer, T, Node> line) {
        VBox list = new VBox(spacing);
        list.setId(id);
        Runnable render = () -> {
            list.getChildren().clear();
            if (items.isEmpty()) {
                list.getChildren().add(Ui.label(text(emptyKey), Styles.MUTED));
            }
            for (int i = 0; i < items.size(); i++) {
                list.getChildren().add(line.apply(i, items.get(i)));
            }
        };
        items.addListener((ListChangeListener<T>) c -> render.run());
        frozen.addListener((o, a, b) -> render.run());
        render.run();
        return list;
    }

    /** A text field bound both ways, read-only once terminated. */
    TextField text(String id, StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        t.editableProperty().bind(frozenNot());
        return t;
    }

    /** A text area bound both ways, read-only once terminated. */
    TextArea area(String id, StringProperty value, int rows) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setWrapText(true);
        t.setPrefRowCount(rows);
        t.textProperty().bindBidirectional(value);
        t.editableProperty().bind(frozenNot());
        return t;
    }

    /** A date typed as jj/mm/aaaa. */
    TextField date(String id, StringProperty value) {
        TextField t = text(id, value);
        t.setPromptText(text("visit.followup.due.prompt"));
        return t;
    }

    /** A combo box of a code list, "Choisir…" until chosen, disabled once terminated. */
    ComboBox<CodeItem> combo(String id, ObservableList<CodeItem> options, Property<String> code) {
        ComboBox<CodeItem> c = CodeChoices.combo(id, options, code);
        c.setPromptText(text("visit.choose"));
        c.disableProperty().bind(frozen);
        return c;
    }

    /** Chips of a code list, disabled once terminated. */
    FlowPane chips(
            ObservableList<CodeItem> options,
            ObservableList<String> selected,
            BiConsumer<String, Boolean> select,
            String idPrefix) {
        return CodeChoices.chips(options, selected, select, idPrefix, frozen);
    }

    /** A labelled group of chips with its error line (if any). */
    VBox chipField(String labelKey, FlowPane chips, ObservableValue<String> error) {
        VBox box = new VBox(6, Ui.label(text(labelKey), Styles.FIELD_LABEL), chips);
        if (error != null) {
            Label e = Ui.bound(error, Styles.FIELD_ERROR);
            Ui.hideWhenBlank(e);
            box.getChildren().add(e);
        }
        box.getStyleClass().add(Styles.FIELD);
        return box;
    }

    /** The first problem of a list, shown under it while there is one. */
    Label listError(ObservableValue<String> error) {
        Label l = Ui.bound(error, Styles.FIELD_ERROR);
        Ui.hideWhenBlank(l);
        return l;
    }

    /** An action, orientation or task in its list, with "Modifier" and "Retirer" while the report is a draft. */
    Node item(String id, String title, List<String> details, Runnable edit, Runnable remove) {
        VBox text = new VBox(2, Ui.label(title, Styles.ITEM_TITLE));
        details.forEach(d -> text.getChildren().add(Ui.label(d, Styles.MUTED, Styles.SMALL)));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, text);
        row.setAlignment(Pos.TOP_LEFT);
        VBox actions = new VBox(8);
        row.getStyleClass().add(Styles.LIST_ITEM);
        row.setId(id);
        if (!frozen()) {
            if (edit != null) {
                Button e = Ui.iconButton(Material2AL.EDIT, text("visit.edit"));
                e.setId(id + "-edit");
                e.setOnAction(x -> edit.run());
                actions.getChildren().add(e);
            }
            Button r = Ui.iconButton(Material2AL.DELETE, text("visit.remove"));
            r.setId(id + "-remove");
            r.setOnAction(x -> remove.run());
            actions.getChildren().add(r);
            row.getChildren().add(actions);
        }
        return row;
    }

    static HBox buttons(Button... buttons) {
        HBox box = new HBox(10, buttons);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private javafx.beans.binding.BooleanBinding frozenNot() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> !frozen(), frozen);
    }
}
