package fr.mediance.app.core.signature;

import java.util.List;

/**
 * A signature drawn with a finger: strokes of points in the pad's own coordinates, and the pad's size. It
 * holds no time stamps per point (nothing biometric is kept).
 */
public record Signature(double width, double height, List<List<Point>> strokes) {
    public record Point(double x, double y) {}

    public Signature {
        strokes =
                strokes == null ? List.of() : strokes.stream().map(List::copyOf).toList();
    }

    /** Whether anything was drawn (a tap alone does not make a signature). */
    public boolean isEmpty() {
        return strokes.stream().mapToInt(List::size).sum() < 2;
    }
}
