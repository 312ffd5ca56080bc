package fr.mediance.app.core.document.image;

/**
 * The bytes handed to the photo pipeline are not an image it can read: not a JPEG at all, a damaged or
 * truncated JPEG, or a JPEG variant it does not decode (arithmetic coding, lossless, 12-bit, CMYK).
 * The message is French and can be shown to the user as is.
 */
public final class ImageFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String NOT_AN_IMAGE = "Format d'image non reconnu";
    public static final String DAMAGED = "Image JPEG endommagée";
    public static final String UNSUPPORTED = "Variante de JPEG non prise en charge";
    public static final String TOO_LARGE = "Image trop grande";

    public ImageFormatException(String message) {
        super(message);
    }

    static ImageFormatException notAnImage() {
        return new ImageFormatException(NOT_AN_IMAGE);
    }

    static ImageFormatException damaged() {
        return new ImageFormatException(DAMAGED);
    }

    static ImageFormatException unsupported(String what) {
        return new ImageFormatException(UNSUPPORTED + " (" + what + ")");
    }

    static ImageFormatException tooLarge() {
        return new ImageFormatException(TOO_LARGE);
    }
}
