package fr.mediance.app.document;

import fr.mediance.app.core.document.DocumentsViewModel;
import fr.mediance.app.core.document.Zoom;
import fr.mediance.app.shell.Screen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A document full screen: the decrypted image in memory only (never written to a file or a gallery), fitting
 * the screen at first; + / − buttons, pinch, Ctrl + wheel, drag or scroll to move, double tap for 100 %.
 */
public final class DocumentViewerView implements Screen {

    private final DocumentsViewModel vm;
    private final String documentId;
    private final ResourceBundle texts;
    private final Zoom zoom = new Zoom();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ImageView image = new ImageView();
    private Node node;

    public DocumentViewerView(DocumentsViewModel vm, String documentId, ResourceBundle texts) {
        this.vm = vm;
        this.documentId = documentId;
        this.texts = texts;
        title.set(texts.getString("document.viewer.title"));
    }

    /** The zoom state (tests). */
    public Zoom zoom() {
        return zoom;
    }

    @Override
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    private Node build() {
        image.setId("document-image");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        zoom.scaleProperty().addListener((o, a, s) -> resize());
        StackPane canvas = new StackPane(image);
        canvas.setAlignment(Pos.CENTER);
        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setId("document-scroll");
        scroll.setPannable(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        // the canvas is at least the viewport, so that a fitted image is centred
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            canvas.setMinSize(b.getWidth(), b.getHeight());
            zoom.setViewport(b.getWidth(), b.getHeight());
        });
        scroll.setOnZoom(e -> {
            zoom.zoomBy(e.getZoomFactor());
            e.consume();
        });
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() && e.getDeltaY() != 0) {
                zoom.zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1);
                e.consume();
            }
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                zoom.toggle();
            }
        });

        Label missing = Ui.label(texts.getString("document.viewer.missing"), Styles.EMPTY_TITLE);
        missing.setId("document-missing");
        missing.setVisible(false);
        missing.setStyle("-fx-text-fill: white;");

        Button out = button(Material2MZ.ZOOM_OUT, "document.viewer.zoomOut", "document-zoom-out");
        out.setOnAction(e -> zoom.zoomOut());
        out.disableProperty().bind(zoom.canZoomOutProperty().not());
        Button in = button(Material2MZ.ZOOM_IN, "document.viewer.zoomIn", "document-zoom-in");
        in.setOnAction(e -> zoom.zoomIn());
        in.disableProperty().bind(zoom.canZoomInProperty().not());
        Button fit = button(Material2AL.FULLSCREEN, "document.viewer.fit", "document-zoom-fit");
        fit.setOnAction(e -> zoom.fit());
        fit.disableProperty().bind(zoom.fittedProperty());
        Label percent = Ui.bound(zoom.percentTextProperty(), Styles.MUTED);
        percent.setId("document-zoom-percent");
        percent.setMinWidth(64);
        percent.setAlignment(Pos.CENTER);
        HBox bar = new HBox(8, out, percent, in, fit);
        bar.setAlignment(Pos.CENTER);
        bar.getStyleClass().add("zoom-bar");

        BorderPane root = new BorderPane(new StackPane(scroll, missing), null, null, bar, null);
        root.getStyleClass().add("document-viewer");
        root.setId("document-viewer");

        vm.title(documentId).thenAccept(t -> {
            if (!t.isBlank()) {
                title.set(t);
            }
        });
        vm.bytes(documentId).thenAccept(bytes -> {
            if (bytes.isEmpty()) {
                missing.setVisible(true);
                return;
            }
            Image img = new Image(new ByteArrayInputStream(bytes.get())); // decoded in memory only
            image.setImage(img);
            zoom.setImageSize(img.getWidth(), img.getHeight());
            resize();
        });
        return root;
    }

    private void resize() {
        Image img = image.getImage();
        if (img != null) {
            image.setFitWidth(img.getWidth() * zoom.scaleProperty().get());
            image.setFitHeight(img.getHeight() * zoom.scaleProperty().get());
        }
    }

    private Button button(org.kordamp.ikonli.Ikon icon, String key, String id) {
        Button b = Ui.iconButton(icon, texts.getString(key));
        b.setId(id);
        b.setMinSize(48, 48);
        return b;
    }

    @Override
    public List<Node> actions() {
        return List.of();
    }

    @Override
    public void onHide() {
        // leaving the viewer: the decoded image is dropped with the screen (nothing was written to disk)
    }
}
