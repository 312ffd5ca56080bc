/**
 * Photos of papers made ready for upload on the device, in plain Java (java.base only: no AWT, no ImageIO, no
 * reflection), so that the same code runs on the desktop JVM and in the native mobile image.
 *
 * <p>{@link fr.mediance.app.core.document.image.PhotoDownscaler} is the entry point: JPEG in, upright JPEG out,
 * long edge at most 2000 px, quality 80, no EXIF (so no GPS position). It is built from
 * {@link fr.mediance.app.core.document.image.JpegDecoder} (baseline and progressive, decoding at 1/2, 1/4 or 1/8
 * scale when the target allows it), {@link fr.mediance.app.core.document.image.AreaDownscaler} (area averaging)
 * and {@link fr.mediance.app.core.document.image.JpegEncoder} (baseline, 4:2:0, standard tables, JFIF).
 * Failures are {@link fr.mediance.app.core.document.image.ImageFormatException}s with a French message.
 */
package fr.mediance.app.core.document.image;
