package fr.mediance.app.core.document.image;

/**
 * Pixels of a decoded photo, upright (the EXIF orientation already applied).
 *
 * @param rgb          packed {@code 0xFFRRGGBB}, row after row, {@code width * height} entries
 * @param width        width of {@code rgb}; may be smaller than {@code sourceWidth} when the decoder was told it
 *                     may decode at a reduced scale (1/2, 1/4 or 1/8)
 * @param height       height of {@code rgb}
 * @param sourceWidth  full-resolution width of the photo, upright
 * @param sourceHeight full-resolution height of the photo, upright
 * @param orientation  the EXIF orientation found in the file (1 to 8; 1 when there was none)
 */
public record DecodedImage(int[] rgb, int width, int height, int sourceWidth, int sourceHeight, int orientation) {}
