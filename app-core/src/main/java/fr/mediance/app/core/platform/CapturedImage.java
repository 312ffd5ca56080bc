package fr.mediance.app.core.platform;

import java.util.Objects;

/**
 * A photo or scan just taken, still in memory. {@code fileName} is informative only (may be null).
 * The bytes are handed to the document service, which encrypts them; they are never written in clear.
 */
public record CapturedImage(byte[] bytes, String mimeType, String fileName) {
    public CapturedImage {
        Objects.requireNonNull(bytes, "bytes");
        mimeType = mimeType == null || mimeType.isBlank() ? "image/jpeg" : mimeType;
    }

    @Override
    public String toString() {
        return "CapturedImage[" + bytes.length + " bytes, " + mimeType + "]";
    }
}
