package fr.mediance.app.core.document.image;

/**
 * What a JPEG's headers say, read without decoding the picture.
 *
 * @param width       stored width (before the EXIF orientation is applied)
 * @param height      stored height
 * @param components  1 (grey), 3 (colour) or 4 (CMYK, not decoded)
 * @param progressive whether the frame is progressive (SOF2)
 * @param orientation EXIF orientation, 1 to 8 (1 when absent)
 */
public record JpegInfo(int width, int height, int components, boolean progressive, int orientation) {

    /** Whether showing the picture upright swaps width and height (orientations 5 to 8). */
    public boolean swapsAxes() {
        return orientation >= 5 && orientation <= 8;
    }

    public int uprightWidth() {
        return swapsAxes() ? height : width;
    }

    public int uprightHeight() {
        return swapsAxes() ? width : height;
    }
}
