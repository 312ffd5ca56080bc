package fr.mediance.app.signature;

import fr.mediance.app.core.signature.Signature;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * A pad to sign with a finger (or the mouse on a desktop): a white area with a signature line and a hint, and
 * an "Effacer" button. Touches reach it as (synthesised) mouse events. It keeps the strokes in its own
 * coordinates, no timings ({@link Signature}). Reused wherever a resident or a counsellor signs.
 */
public final class SignaturePad extends VBox {
    /** Height of the drawing area. */
    public static final double PAD_HEIGHT = 180;

    private static final double LINE_MARGIN = 36;

    private final Canvas canvas = new Canvas();
    private final List<List<Signature.Point>> strokes = new ArrayList<>();
    private List<Signature.Point> current;
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyObjectWrapper<Signature> signature = new ReadOnlyObjectWrapper<>(this, "signature");

    /**
     * @param hint the text under the line ("Signature de Mme Bénali")
     * @param clearText the button's text ("Effacer")
     */
    public SignaturePad(String hint, String clearText) {
        getStyleClass().add("signature-pad");
        Pane area = new Pane(canvas);
        area.getStyleClass().add("signature-area");
        area.setMinHeight(PAD_HEIGHT);
        area.setPrefHeight(PAD_HEIGHT);
        area.setMaxHeight(PAD_HEIGHT);
        area.setMinWidth(200);
        area.setStyle("-fx-background-color: white; -fx-border-color: -color-border-default; -fx-border-radius: 6px;"
                + " -fx-background-radius: 6px;");
        canvas.widthProperty().bind(area.widthProperty());
        canvas.heightProperty().bind(area.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> redraw());
        canvas.heightProperty().addListener((o, a, b) -> redraw());
        canvas.setFocusTraversable(false);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            current = new ArrayList<>();
            current.add(new Signature.Point(e.getX(), e.getY()));
            strokes.add(current);
            redraw();
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (current != null) {
                current.add(
                        new Signature.Point(clamp(e.getX(), canvas.getWidth()), clamp(e.getY(), canvas.getHeight())));
                redraw();
            }
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            current = null;
            publish();
            e.consume();
        });
        Label hintLabel = Ui.label(hint, Styles.HINT);
        Button clear = Ui.button(clearText, Material2AL.DELETE_OUTLINE, Styles.SECONDARY);
        clear.setMinHeight(44);
        clear.setOnAction(e -> clear());
        clear.disableProperty().bind(empty);
        this.clearButton = clear;
        HBox bottom = new HBox(12, hintLabel, Ui.spacer(), clear);
        bottom.setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        getChildren().addAll(area, bottom);
        setMinHeight(Region.USE_PREF_SIZE);
        redraw();
    }

    private final Button clearButton;

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }

    private void publish() {
        Signature s = new Signature(canvas.getWidth(), canvas.getHeight(), strokes);
        empty.set(s.isEmpty());
        signature.set(s.isEmpty() ? null : s);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setStroke(Color.web("#9aa4b2"));
        g.setLineWidth(1);
        g.setLineDashes(6, 4);
        g.strokeLine(16, h - LINE_MARGIN, w - 16, h - LINE_MARGIN);
        g.setLineDashes();
        g.setStroke(Color.web("#1c1c1c"));
        g.setLineWidth(3);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (List<Signature.Point> s : strokes) {
            if (s.size() == 1) {
                g.strokeLine(s.get(0).x(), s.get(0).y(), s.get(0).x(), s.get(0).y());
                continue;
            }
            g.beginPath();
            g.moveTo(s.get(0).x(), s.get(0).y());
            for (int i = 1; i < s.size(); i++) {
                g.lineTo(s.get(i).x(), s.get(i).y());
            }
            g.stroke();
        }
    }

    /** The signature drawn (possibly empty: see {@link Signature#isEmpty()}). */
    public Signature signature() {
        return new Signature(canvas.getWidth(), canvas.getHeight(), strokes);
    }

    /** Erases the pad. */
    public void clear() {
        strokes.clear();
        current = null;
        redraw();
        publish();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** The signature once a stroke ends; null while nothing is drawn. */
    public ReadOnlyObjectProperty<Signature> signatureProperty() {
        return signature.getReadOnlyProperty();
    }

    /** The canvas to draw on (tests drag on it). */
    public Canvas canvas() {
        return canvas;
    }

    public Button clearButton() {
        return clearButton;
    }
}
