package fr.mediance.app.shell;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Fields side by side, in equal columns, when there is room for each to be at least {@link #minColumnWidth}
 * wide; one under the other otherwise (a phone).
 */
public final class ResponsiveRow extends Pane {

    private final double gap;
    private final double minColumnWidth;

    public ResponsiveRow(double gap, double minColumnWidth, Node... children) {
        this.gap = gap;
        this.minColumnWidth = minColumnWidth;
        getChildren().addAll(children);
    }

    /** The height depends on the width given (side by side or stacked): parents must ask with the width. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    private boolean sideBySide(double width) {
        int n = managedCount();
        return n <= 1 || width >= n * minColumnWidth + (n - 1) * gap;
    }

    private int managedCount() {
        return (int) getChildren().stream().filter(Node::isManaged).count();
    }

    private double columnWidth(double width) {
        int n = managedCount();
        return n == 0 ? width : (width - (n - 1) * gap) / n;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        double w = 0;
        for (Node c : getManagedChildren()) {
            w += c.prefWidth(-1);
        }
        return in.getLeft() + in.getRight() + w + Math.max(0, managedCount() - 1) * gap;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        double w = 0;
        for (Node c : getManagedChildren()) {
            w = Math.max(w, c.minWidth(-1));
        }
        return in.getLeft() + in.getRight() + w;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = (width < 0 ? prefWidth(-1) : width) - in.getLeft() - in.getRight();
        if (sideBySide(inner)) {
            double col = columnWidth(inner);
            double h = 0;
            for (Node c : getManagedChildren()) {
                h = Math.max(h, c.prefHeight(col));
            }
            return in.getTop() + in.getBottom() + h;
        }
        double h = 0;
        for (Node c : getManagedChildren()) {
            h += c.prefHeight(inner);
        }
        return in.getTop() + in.getBottom() + h + Math.max(0, managedCount() - 1) * gap;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inner = getWidth() - in.getLeft() - in.getRight();
        double x = in.getLeft();
        double y = in.getTop();
        if (sideBySide(inner)) {
            double col = columnWidth(inner);
            for (Node c : getManagedChildren()) {
                c.resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(col), snapSizeY(c.prefHeight(col)));
                x += col + gap;
            }
        } else {
            for (Node c : getManagedChildren()) {
                double h = c.prefHeight(inner);
                c.resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(inner), snapSizeY(h));
                y += h + gap;
            }
        }
    }
}
