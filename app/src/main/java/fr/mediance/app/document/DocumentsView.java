package fr.mediance.app.document;

import fr.mediance.app.core.document.DocumentsViewModel;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * A list of documents (a resident's, or a report's) to embed in a screen: type and title, issuer, amount, due
 * date, until when it is kept; a tap opens the viewer; "Décrire" for a photo of a draft.
 */
public final class DocumentsView extends VBox {

    private final DocumentsViewModel vm;
    private final ResourceBundle texts;

    public DocumentsView(DocumentsViewModel vm, ResourceBundle texts) {
        super(8);
        this.vm = vm;
        this.texts = texts;
        setId("documents-list");
        vm.rows().addListener((ListChangeListener<DocumentsViewModel.Row>) c -> render());
        vm.loadErrorProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        getChildren().clear();
        if (!vm.loadErrorProperty().get().isEmpty()) {
            Label failed = Ui.label(vm.loadErrorProperty().get(), Styles.MUTED);
            failed.setId("documents-load-error");
            getChildren().add(failed);
        }
        if (vm.rows().isEmpty()) {
            if (!vm.loadErrorProperty().get().isEmpty()) {
                return;
            }
            Label none = Ui.label(texts.getString("document.list.empty"), Styles.MUTED);
            none.setId("documents-empty");
            getChildren().add(none);
            return;
        }
        vm.rows().forEach(r -> getChildren().add(row(r)));
    }

    private Node row(DocumentsViewModel.Row r) {
        Label title = Ui.label(r.title(), Styles.ITEM_TITLE);
        Label detail = Ui.label(r.detail(), Styles.MUTED, Styles.SMALL);
        VBox text = new VBox(4, title, detail);
        if (!r.retentionText().isEmpty()) {
            text.getChildren().add(Ui.label(r.retentionText(), Styles.HINT, Styles.SMALL));
        }
        if (!r.viewable()) {
            text.getChildren().add(Ui.label(texts.getString("document.row.notHere"), Styles.HINT, Styles.SMALL));
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        HBox box = new HBox(12, Icons.of(Material2AL.DESCRIPTION), text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(Styles.LIST_ITEM);
        box.setId("document-" + r.documentId());
        if (r.describable()) {
            Button describe = Ui.button(texts.getString("document.row.describe"), Material2AL.EDIT);
            describe.setId("document-" + r.documentId() + "-describe");
            describe.setMinHeight(44);
            describe.setMinWidth(Button.USE_PREF_SIZE);
            describe.setOnAction(e -> vm.describe(r.documentId()));
            box.getChildren().add(describe);
        }
        if (r.viewable()) {
            box.setFocusTraversable(true);
            box.setAccessibleRole(AccessibleRole.BUTTON);
            box.setAccessibleText(r.title());
            box.setOnMouseClicked(e -> vm.view(r.documentId()));
            box.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    vm.view(r.documentId());
                    e.consume();
                }
            });
        }
        return box;
    }
}
