package fr.mediance.app.conflict;

import fr.mediance.app.core.conflict.ConflictsViewModel;
import fr.mediance.app.core.conflict.ConflictsViewModel.Choice;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * "Conflits à résoudre": one card per open conflict (the record, the field, the two values with who saved
 * them), where the office or a coordinator keeps one of the two values (a third one is typed in the record itself,
 * through its rules). Read-only for other roles.
 */
public final class ConflictsView extends BasicScreen {

    private final ConflictsViewModel vm;
    private final ResourceBundle texts;
    private final VBox list = new VBox(14);

    public ConflictsView(ConflictsViewModel vm, ResourceBundle texts) {
        super(texts.getString("conflicts.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        list.setId("conflict-list");
        vm.items().addListener((ListChangeListener<ConflictsViewModel.Row>) c -> render());
        vm.canResolveProperty().addListener((o, a, b) -> render());
        render();
        return Ui.page(new VBox(14, list));
    }

    private void render() {
        list.getChildren().clear();
        if (vm.items().isEmpty()) {
            VBox empty = Ui.emptyState(
                    Material2AL.CHECK_CIRCLE,
                    texts.getString("conflicts.empty"),
                    texts.getString("conflicts.empty.hint"));
            empty.setId("conflicts-empty");
            list.getChildren().add(empty);
            return;
        }
        Label intro = Ui.label(texts.getString("conflicts.intro"), Styles.REMINDER);
        intro.setMaxWidth(Double.MAX_VALUE);
        list.getChildren().add(intro);
        for (ConflictsViewModel.Row row : vm.items()) {
            list.getChildren().add(card(row));
        }
    }

    private Node card(ConflictsViewModel.Row row) {
        String id = "conflict-" + row.conflictId();
        Label record = Ui.label(row.recordLabel(), Styles.CARD_TITLE);
        Label field = new Label(row.fieldLabel(), Icons.of(Material2AL.EDIT, 16));
        field.getStyleClass().addAll(Styles.STATUS, Styles.STATUS_PLANNED);
        field.setId(id + "-field");
        VBox card = Ui.card(record, field);
        card.getStyleClass().add(Styles.CONFLICT_CARD);
        card.setId(id);
        if (!row.baseText().isEmpty()) {
            card.getChildren().add(Ui.label(row.baseText(), Styles.MUTED, Styles.SMALL));
        }

        if (row.overlap()) {
            // two appointments of one counsellor: read both; moving or cancelling one closes the conflict
            field.setGraphic(Icons.of(org.kordamp.ikonli.material2.Material2MZ.WARNING, 16));
            Label one = new Label(row.serverValueText(), Icons.of(Material2AL.EVENT, 16));
            one.setId(id + "-server");
            Label oneBy = Ui.label(row.serverByText(), Styles.MUTED, Styles.SMALL);
            Label two = new Label(row.clientValueText(), Icons.of(Material2AL.EVENT, 16));
            two.setId(id + "-client");
            Label twoBy = Ui.label(row.clientByText(), Styles.MUTED, Styles.SMALL);
            card.getChildren().addAll(one, oneBy, two, twoBy);
            card.getChildren().stream()
                    .filter(n -> n instanceof Label l && l.getText().equals(row.baseText()))
                    .forEach(n -> n.getStyleClass().setAll("label", Styles.HINT));
            return card;
        }
        boolean may = vm.canResolveProperty().get();
        ToggleGroup group = new ToggleGroup();
        RadioButton first = choice(row.serverValueText(), Choice.SERVER, group, id + "-server");
        RadioButton last = choice(row.clientValueText(), Choice.CLIENT, group, id + "-client");
        RadioButton other = new RadioButton(texts.getString("conflict.other"));
        other.setUserData(Choice.OTHER);
        other.setToggleGroup(group);
        other.setId(id + "-other");
        other.setMnemonicParsing(false);
        other.setMinWidth(RadioButton.USE_PREF_SIZE);
        TextField otherText = new TextField();
        otherText.setId(id + "-other-text");
        otherText.setPromptText(texts.getString("conflict.other.prompt"));
        otherText.textProperty().addListener((o, a, t) -> {
            if (t != null && !t.isEmpty()) {
                other.setSelected(true);
            }
        });
        otherText.setMaxWidth(Double.MAX_VALUE);
        VBox.setMargin(otherText, new javafx.geometry.Insets(0, 0, 0, 28));
        VBox otherLine = new VBox(8, other, otherText);
        otherLine.getStyleClass().add(Styles.CONFLICT_CHOICE);
        otherLine.setOnMouseClicked(e -> other.setSelected(true));
        highlight(other, otherLine);

        card.getChildren().addAll(option(first, row.serverByText()), option(last, row.clientByText()));
        Label error = Ui.label("", Styles.FORM_ERROR);
        error.setId(id + "-error");
        Ui.hideWhenBlank(error);
        if (may) {
            Button resolve = Ui.button(texts.getString("conflict.resolve"), Material2AL.CHECK, Styles.PRIMARY);
            resolve.setId(id + "-resolve");
            resolve.setMaxWidth(Double.MAX_VALUE);
            resolve.setOnAction(e -> {
                Choice choice = group.getSelectedToggle() == null
                        ? null
                        : (Choice) group.getSelectedToggle().getUserData();
                resolve.setDisable(true);
                resolve.setText(texts.getString("conflict.resolving"));
                vm.resolve(row.conflictId(), choice, otherText.getText()).thenAccept(o -> {
                    if (!o.isOk()) {
                        error.setText(o.message());
                        resolve.setDisable(false);
                        resolve.setText(texts.getString("conflict.resolve"));
                    }
                });
            });
            group.selectedToggleProperty().addListener((o, a, b) -> error.setText(""));
            card.getChildren().addAll(error, resolve);
        } else {
            first.setDisable(true);
            last.setDisable(true);
            Label readOnly = Ui.label(texts.getString("conflict.readonly"), Styles.HINT);
            readOnly.setId(id + "-readonly");
            card.getChildren().add(readOnly);
        }
        return card;
    }

    private RadioButton choice(String valueText, Choice choice, ToggleGroup group, String id) {
        RadioButton b = new RadioButton(valueText);
        b.setUserData(choice);
        b.setToggleGroup(group);
        b.setId(id);
        b.setWrapText(true);
        b.setMinHeight(RadioButton.USE_PREF_SIZE);
        b.setMnemonicParsing(false);
        b.getStyleClass().add(Styles.FIELD_LABEL);
        return b;
    }

    /** A value and who saved it, the whole box selecting the value (a large touch target). */
    private Node option(RadioButton radio, String byText) {
        Label by = Ui.label(byText, Styles.MUTED, Styles.SMALL);
        by.setPadding(new javafx.geometry.Insets(0, 0, 0, 28));
        VBox box = new VBox(4, radio, by);
        box.getStyleClass().add(Styles.CONFLICT_CHOICE);
        highlight(radio, box);
        box.setOnMouseClicked(e -> {
            if (!radio.isDisabled()) {
                radio.setSelected(true);
            }
        });
        return box;
    }

    /** The chosen value's box stands out. */
    private static void highlight(RadioButton radio, Node box) {
        radio.selectedProperty().addListener((o, was, is) -> {
            box.getStyleClass().remove("chosen");
            if (is) {
                box.getStyleClass().add("chosen");
            }
        });
    }

    @Override
    public void onShow() {
        vm.refresh();
    }
}
