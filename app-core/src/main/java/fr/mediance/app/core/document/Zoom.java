package fr.mediance.app.core.document;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The zoom of the document viewer: the image fits the screen at first; + / − and pinching change the scale
 * between "fit" (or 100 % for a small image) and 400 %; a double tap toggles between fit and 100 %.
 */
public final class Zoom {
    public static final double MAX = 4.0;
    static final double STEP = 1.25;
    private static final double EPSILON = 0.005;

    private double imageWidth;
    private double imageHeight;
    private double viewWidth;
    private double viewHeight;
    private boolean userZoomed;
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    private final ReadOnlyStringWrapper percentText = new ReadOnlyStringWrapper(this, "percentText", "100 %");
    private final ReadOnlyBooleanWrapper fitted = new ReadOnlyBooleanWrapper(this, "fitted", true);
    private final ReadOnlyBooleanWrapper canZoomIn = new ReadOnlyBooleanWrapper(this, "canZoomIn", true);
    private final ReadOnlyBooleanWrapper canZoomOut = new ReadOnlyBooleanWrapper(this, "canZoomOut", false);

    /** The image's size in pixels. */
    public void setImageSize(double width, double height) {
        imageWidth = width;
        imageHeight = height;
        userZoomed = false;
        apply(fitScale());
    }

    /** The visible area's size; while the user has not zoomed, the image keeps fitting it. */
    public void setViewport(double width, double height) {
        viewWidth = width;
        viewHeight = height;
        apply(userZoomed ? scale.get() : fitScale());
    }

    /** The scale at which the whole image is visible. */
    public double fitScale() {
        if (imageWidth <= 0 || imageHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            return 1;
        }
        return Math.min(viewWidth / imageWidth, viewHeight / imageHeight);
    }

    private double min() {
        return Math.min(fitScale(), 1);
    }

    private double max() {
        return Math.max(MAX, fitScale());
    }

    public void zoomIn() {
        zoomBy(STEP);
    }

    public void zoomOut() {
        zoomBy(1 / STEP);
    }

    /** A pinch (or Ctrl + wheel) by {@code factor}. */
    public void zoomBy(double factor) {
        if (factor > 0 && Double.isFinite(factor)) {
            userZoomed = true;
            apply(scale.get() * factor);
        }
    }

    /** Double tap: from "fit" to 100 % (200 % when fit is 100 %), from any other scale back to fit. */
    public void toggle() {
        double fit = fitScale();
        userZoomed = true;
        if (Math.abs(scale.get() - fit) < EPSILON) {
            apply(Math.abs(fit - 1) < EPSILON ? 2 : 1);
        } else {
            userZoomed = false;
            apply(fit);
        }
    }

    /** Back to the whole image. */
    public void fit() {
        userZoomed = false;
        apply(fitScale());
    }

    private void apply(double wanted) {
        double s = Math.max(min(), Math.min(max(), wanted));
        scale.set(s);
        percentText.set(Math.round(s * 100) + " %");
        fitted.set(Math.abs(s - fitScale()) < EPSILON);
        canZoomIn.set(s < max() - EPSILON);
        canZoomOut.set(s > min() + EPSILON);
    }

    /** Image pixels to screen pixels. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** "100 %". */
    public ReadOnlyStringProperty percentTextProperty() {
        return percentText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fittedProperty() {
        return fitted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canZoomInProperty() {
        return canZoomIn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canZoomOutProperty() {
        return canZoomOut.getReadOnlyProperty();
    }
}
