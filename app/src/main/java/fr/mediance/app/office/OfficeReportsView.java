package fr.mediance.app.office;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.office.OfficeReportsViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.io.ByteArrayInputStream;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** "Comptes rendus reçus": the completed reports received from the counsellors. */
public final class OfficeReportsView extends BasicScreen {

    private static final int THUMB_W = 72;
    private static final int THUMB_H = 54;

    private final OfficeReportsViewModel vm;
    private final ResourceBundle texts;
    private final VBox list = new VBox(10);

    public OfficeReportsView(OfficeReportsViewModel vm, ResourceBundle texts) {
        super(texts.getString("office.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        list.setId("office-list");
        vm.items().addListener((ListChangeListener<OfficeReportsViewModel.Row>) c -> render());
        vm.loadErrorProperty().addListener((o, a, b) -> render());
        render();
        return Ui.page(new VBox(14, list));
    }

    private void render() {
        list.getChildren().clear();
        if (!vm.loadErrorProperty().get().isEmpty()) {
            Label failed = Ui.label(vm.loadErrorProperty().get(), Styles.MUTED);
            failed.setId("office-load-error");
            list.getChildren().add(failed);
            if (vm.items().isEmpty()) {
                return;
            }
        }
        if (vm.items().isEmpty()) {
            VBox empty = Ui.emptyState(
                    Material2AL.INBOX, texts.getString("office.empty"), texts.getString("office.empty.hint"));
            empty.setId("office-empty");
            list.getChildren().add(empty);
            return;
        }
        for (OfficeReportsViewModel.Row row : vm.items()) {
            Label date = Ui.label(row.dateText(), Styles.ITEM_TIME);
            Label name = Ui.label(row.residentName(), Styles.ITEM_TITLE);
            Label by = Ui.label(row.counsellorText(), Styles.MUTED);
            Label domains = Ui.label(row.domainsText(), Styles.SMALL);
            javafx.scene.layout.FlowPane badges = new javafx.scene.layout.FlowPane(8, 6);
            badges.setAlignment(Pos.CENTER_LEFT);
            if (!row.photosText().isEmpty()) {
                Label photos = new Label(row.photosText(), Icons.of(Material2MZ.PHOTO_CAMERA, 16));
                photos.getStyleClass().add(Styles.STATUS);
                photos.setMinWidth(Label.USE_PREF_SIZE);
                badges.getChildren().add(photos);
            }
            if (!row.awaitedText().isEmpty()) {
                Label awaited = new Label(row.awaitedText(), Icons.of(Material2AL.HOURGLASS_EMPTY, 14));
                awaited.getStyleClass().addAll(Styles.STATUS, Styles.STATUS_WAITING);
                awaited.setMinWidth(Label.USE_PREF_SIZE);
                awaited.setId("office-awaited-" + row.reportId());
                badges.getChildren().add(awaited);
            }
            VBox text = new VBox(4, date, name, by, domains, badges);
            if (!row.photoIds().isEmpty()) {
                text.getChildren().add(thumbnails(row));
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            HBox card = new HBox(12, Icons.of(Material2AL.DESCRIPTION), text, Icons.of(Material2AL.CHEVRON_RIGHT));
            card.setAlignment(Pos.CENTER_LEFT);
            card.getStyleClass().add(Styles.LIST_ITEM);
            card.setFocusTraversable(true);
            card.setAccessibleRole(AccessibleRole.BUTTON);
            card.setAccessibleText(row.residentName() + " " + row.dateText());
            card.setId("report-" + row.reportId());
            card.setOnMouseClicked(e -> vm.open(row.reportId()));
            card.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    vm.open(row.reportId());
                    e.consume();
                }
            });
            list.getChildren().add(card);
        }
    }

    /** The report's photos as small previews made by the server; a placeholder for a photo still arriving. */
    private Node thumbnails(OfficeReportsViewModel.Row row) {
        HBox strip = new HBox(8);
        strip.setId("office-thumbs-" + row.reportId());
        for (String documentId : row.photoIds()) {
            ImageView image = new ImageView();
            image.setFitWidth(THUMB_W);
            image.setFitHeight(THUMB_H);
            image.setPreserveRatio(true);
            Label waiting = new Label(null, Icons.of(Material2AL.HOURGLASS_EMPTY, 18));
            waiting.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
            waiting.setVisible(false);
            StackPane frame = new StackPane(image, waiting);
            frame.setPrefSize(THUMB_W, THUMB_H);
            frame.setMinSize(THUMB_W, THUMB_H);
            frame.setMaxSize(THUMB_W, THUMB_H);
            frame.getStyleClass().add(Styles.THUMBNAIL);
            frame.setId("office-thumb-" + documentId);
            vm.thumbnail(documentId).thenAccept(o -> {
                if (o instanceof Outcome.Ok<byte[]> ok) {
                    image.setImage(
                            new Image(new ByteArrayInputStream(ok.value()), THUMB_W * 2, THUMB_H * 2, true, true));
                    if (image.getImage().isError()) {
                        image.setImage(null);
                        waiting.setVisible(true);
                    }
                } else {
                    waiting.setVisible(true);
                    Tooltip.install(frame, new Tooltip(o.message()));
                }
            });
            strip.getChildren().add(frame);
        }
        return strip;
    }

    @Override
    public void onShow() {
        vm.refresh();
    }
}
